import Foundation
import Testing

@testable import RetentionMetrics

@Suite("Codable round trips and validating decoders")
struct CodableTests {
  func roundTrip<Value: Codable & Equatable>(_ value: Value) throws -> Value {
    try JSONDecoder().decode(Value.self, from: try JSONEncoder().encode(value))
  }

  @Test("aggregates, cohort tables, survival tables and estimates survive a JSON round trip")
  func roundTrips() throws {
    let (subscriptions, changes) = randomHost(seed: 31, customers: 80)
    let dataset = try RetentionDataset(subscriptions: subscriptions, changes: changes)
    let aggregate = RetentionAggregate(dataset: dataset, through: month("2024-12"))
    #expect(try roundTrip(aggregate) == aggregate)
    let cohorts = CohortTable(dataset: dataset, through: month("2024-12"))
    #expect(try roundTrip(cohorts) == cohorts)
    let table = SubscriptionLifetimes.table(of: subscriptions, reportDate: day("2024-12-31"))
    #expect(try roundTrip(table) == table)
    let estimate = try KaplanMeierEstimate(table)
    #expect(try roundTrip(estimate) == estimate)
    let snapshots = aggregate.snapshots()
    #expect(try roundTrip(snapshots) == snapshots)
  }

  static let corrupt: [(String, any Decodable.Type)] = [
    (#"{"times":[0,2,1],"events":[0,1,1],"censored":[0,0,0]}"#, SurvivalTable.self),
    (#"{"times":[0,1],"events":[0],"censored":[0,0]}"#, SurvivalTable.self),
    (#"{"customer":"c","date":"2024-01-01","kind":"nps","score":11}"#, SurveyResponse.self),
    (#"{"customer":"c","date":"2024-02-30","kind":"nps","score":1}"#, SurveyResponse.self),
    (#"{"cohort":"2024-01","customers":[1,1],"mrr":[100]}"#, CohortTable.Row.self),
  ]

  @Test("decoding inconsistent data throws instead of producing values that would trap later", arguments: 0..<5)
  func corruptInput(_ which: Int) {
    let (json, type) = Self.corrupt[which]
    #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(type, from: Data(json.utf8)) }
  }

  @Test("lifetimes can be grouped by an outside fact, such as whether the customer had an SLA breach")
  func slaBreachGrouping() throws {
    let breached: Set<CustomerID> = ["B", "E"]
    let groups = SubscriptionLifetimes.tables(of: SmallHost.subscriptions, reportDate: day("2024-04-30")) {
      breached.contains($0.customer) ? "SLA breach" : "no breach"
    }
    #expect(groups.map(\.name) == ["SLA breach", "no breach"])
    #expect(groups.map(\.table.subjectCount) == [3, 4])
    let test = try LogRankTest(groups: groups)
    #expect(test.observed == [2, 2])  // b1, e1 ended; c1, d2 ended
    #expect(test.degreesOfFreedom == 1)
    #expect(test.pValue > 0 && test.pValue <= 1)
  }
}
