import Foundation
import HostingSupport
import Testing

@Suite("Support experience and retention: grouping customers by the support they received")
struct SupportExperienceGroupingTests {
  @Test("a customer with a breached SLA target falls in the breach group")
  func breachGroup() throws {
    var history = ExperienceHistory()
    try history.add("breached", service: .normalBreach, lifetime: nil)
    try history.add("served", service: .good, lifetime: nil)
    let experiences = try history.experiences()
    #expect(experiences["breached"]?.hadSLABreach == true)
    #expect(experiences["breached"]?.breachedTickets == 1)
    #expect(experiences["served"]?.hadSLABreach == false)
    let report = try history.report(reportDay: 100, minimumGroupSize: 2)
    let comparison = try #require(report.comparison(.slaBreach))
    #expect(comparison.exposed?.customers == 1)
    #expect(comparison.reference?.customers == 1)
  }

  @Test("a breached critical ticket counts as a critical breach; a breached normal ticket does not")
  func criticalBreach() throws {
    var history = ExperienceHistory()
    try history.add("critical", service: .criticalBreach, lifetime: nil)
    try history.add("normal", service: .normalBreach, lifetime: nil)
    let experiences = try history.experiences()
    #expect(experiences["critical"]?.criticalBreachedTickets == 1)
    #expect(experiences["normal"]?.criticalBreachedTickets == 0)
    #expect(experiences["normal"]?.breachedTickets == 1)
  }

  @Test("a ticket still unsolved once 24 h old counts as open past 24 h, even with every SLA clock paused")
  func openPastAgeLimit() throws {
    var history = ExperienceHistory()
    try history.add("waited", service: .waitedPastAgeLimit, lifetime: nil)
    try history.add("quick", service: .good, lifetime: nil)
    let experiences = try history.experiences()
    #expect(experiences["waited"]?.ticketsOpenPastAgeLimit == 1)
    #expect(experiences["waited"]?.hadSLABreach == false)
    #expect(experiences["quick"]?.ticketsOpenPastAgeLimit == 0)
  }

  @Test("a ticket that is not yet 24 h old is not open past 24 h")
  func youngTicket() throws {
    var history = ExperienceHistory()
    try history.add("waited", service: .waitedPastAgeLimit, lifetime: nil)
    // The ticket opens at 09:00 on day 1; at midnight of day 2 it is 15 hours old and still waiting.
    let experiences = try history.experiences(reportDay: 2)
    #expect(experiences["waited"]?.ticketsOpenPastAgeLimit == 0)
  }

  @Test(
    "customers are grouped by NPS: promoters 9–10, passives 7–8, detractors 0–6",
    arguments: Array(0...10))
  func npsCategory(score: Int) throws {
    let expected: NPSCategory = score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
    var history = ExperienceHistory()
    try history.add("c", service: nil, lifetime: nil)
    try history.answer("c", .nps, score)
    #expect(try history.experiences()["c"]?.npsCategory == expected)
  }

  @Test("the latest NPS answer decides the category")
  func latestNPS() throws {
    var history = ExperienceHistory()
    try history.add("c", service: nil, lifetime: nil)
    try history.answer("c", .nps, 10, day: 5)
    try history.answer("c", .nps, 2, day: 3)
    #expect(try history.experiences()["c"]?.npsCategory == .promoter)
  }

  /// Hours after the start of the answer's day at which an agent replies; `nil`: never.
  @Test(
    "negative feedback followed up within a day counts as followed up; later or never does not",
    arguments: [(1.0, true), (23.5, true), (47.5, true), (48.5, false), (-2.0, false), (nil, false)]
      as [(Double?, Bool)])
  func followUp(replyHours: Double?, followedUp: Bool) throws {
    var history = ExperienceHistory()
    try history.add("c", service: nil, lifetime: nil)
    try history.answer("c", .csat, 1, day: 10)
    if let replyHours {
      let reply = ExperienceHistory.start.adding(days: 10).date.addingTimeInterval(replyHours * 3_600)
      let opened = reply.addingTimeInterval(-600)
      history.tickets.append(
        try Ticket(events: [
          TicketEvent(
            id: "f-1", instant: opened, author: .customer("c"),
            kind: .created(TicketOpening(ticketID: "T-f", customerID: "c", subject: "Survey", body: "Unhappy"))),
          TicketEvent(id: "f-2", instant: reply, author: .agent("agent-1"), kind: .agentReply(body: "Sorry")),
        ]))
    }
    let experience = try #require(try history.experiences()["c"])
    #expect(experience.negativeFeedback == 1)
    #expect(experience.negativeFeedbackAllFollowedUp == followedUp)
  }

  @Test("positive answers are not negative feedback, and a customer without negative feedback is in neither group")
  func noNegativeFeedback() throws {
    var history = ExperienceHistory()
    try history.add("c", service: nil, lifetime: nil)
    try history.answer("c", .csat, 4)
    try history.answer("c", .nps, 8)
    let experience = try #require(try history.experiences()["c"])
    #expect(experience.negativeFeedback == 0)
    #expect(experience.negativeFeedbackAllFollowedUp == nil)
  }

  @Test("two tickets with one id are a typed error naming the ticket")
  func duplicateTickets() throws {
    var history = ExperienceHistory()
    try history.add("c", service: .good, lifetime: nil)
    history.tickets.append(history.tickets[0])
    let error = try #require(throws: HostingSupportError.self) { try history.experiences() }
    #expect(error.code == .invalidRequest)
    #expect(error.context["path"] == "tickets[1]")
    #expect(error.context["ticket"] == "T-c")
  }

  @Test(
    "options outside their range are a typed configuration error",
    arguments: [
      SupportExperienceOptions(minimumGroupSize: 1), SupportExperienceOptions(followUpWindow: 0),
      SupportExperienceOptions(significanceLevel: 1), SupportExperienceOptions(confidenceLevel: 0),
    ])
  func invalidOptions(options: SupportExperienceOptions) throws {
    let analysis = SupportExperienceAnalysis(options: options)
    let error = try #require(throws: HostingSupportError.self) {
      try analysis.experiences(tickets: [], surveys: [], now: Date(timeIntervalSince1970: 0))
    }
    #expect(error.code == .invalidConfiguration)
  }

  @Test("customers with tickets but no subscription are counted and left out")
  func withoutSubscription() throws {
    var history = ExperienceHistory()
    try history.add("subscribed", service: .good, lifetime: nil)
    history.tickets.append(try ExperienceHistory.ticket("T-x", customer: "stranger", service: .good))
    let report = try history.report(reportDay: 100, minimumGroupSize: 2)
    #expect(report.customers == 1)
    #expect(report.customersWithoutSubscriptions == 1)
  }
}
