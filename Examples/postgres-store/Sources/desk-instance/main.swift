// One SupportDesk process on a PostgreSQL database, for the two-desk test: it opens the stores in a schema and
// runs the commands it reads from standard input, one per line, answering each with one JSON line.
//
//   desk-instance --schema NAME --name DESK --sent FILE
//
// Commands (instants are seconds since 1970):
//   open COUNT INSTANT          opens COUNT tickets with generated ids, concurrently, round robin over customers
//   tick INSTANT                runs a tick; answers the alerts it raised and how many messages it delivered
//   feedback ID CUSTOMER NPS INSTANT TEXT…   records feedback
//   maintenance ID START END SERVER          schedules a window on one server
//   incident ID START SERVER INSTANT         declares an incident on one server (started at START)
//   resolve-incident ID INSTANT              resolves it
//   solve TICKET INSTANT                     resolves a ticket (a survey follows an hour later)
//   answer TICKET SCORE INSTANT              answers the ticket's CSAT survey with the link's token
//   quit
// Every message the desk delivers is written to the --sent file as `<idempotency key>\n`.
import FeedbackSentiment
import Foundation
import HostingSupport
import PostgresStore

/// Writes each delivered message's key to a file of this process.
actor KeyFileTransport: NotificationTransport {
  private let handle: FileHandle

  init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw HostingSupportError.invalidRequest(field: "--sent", reason: "cannot create \(path)")
    }
    handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  }

  func send(_ notification: OutboundMessage) throws {
    try handle.write(contentsOf: Data((notification.idempotencyKey + "\n").utf8))
  }
}

/// The instant the last command gave: the desk's clock.
final class CommandClock: @unchecked Sendable {
  private let lock = NSLock()
  private var instant = Date(timeIntervalSince1970: 1_795_428_000)
  var now: Date { lock.withLock { instant } }
  func set(_ date: Date) { lock.withLock { instant = date } }
}

/// 100 customers `C000`…`C099` on servers `web0`…`web4`.
let customers: [CustomerProfile] = (0..<100).map { (index: Int) -> CustomerProfile in
  CustomerProfile(
    id: CustomerID(String(format: "C%03d", index)), name: "Customer \(index)", tier: index % 7 == 0 ? .vps : .shared,
    monthlyRevenue: Money(minorUnits: Int64(500 + index * 10), currency: "USD"),
    customerSince: Date(timeIntervalSince1970: 1_700_000_000), servers: ["web\(index % 5)"], services: ["web"])
}

/// The key that signs survey links: the same in every desk process, as in a real deployment.
let surveyKey = Array("desk-instance-survey-signing-key".utf8)

func option(_ name: String) -> String? {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

func answer(_ object: [String: Any]) {
  let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
  FileHandle.standardOutput.write(data + Data("\n".utf8))
}

func instant(_ text: String) throws -> Date {
  guard let seconds = Double(text) else {
    throw HostingSupportError.invalidRequest(field: "instant", reason: "'\(text)' is not a number of seconds")
  }
  return Date(timeIntervalSince1970: seconds)
}

func run(_ words: [String], desk: SupportDesk, clock: CommandClock) async throws -> [String: Any] {
  switch (words.first, words.count) {
  case ("open", 3):
    let at = try instant(words[2])
    clock.set(at)
    let count = Int(words[1]) ?? 0
    let ids = try await withThrowingTaskGroup(of: String.self) { group in
      for index in 0..<count {
        group.addTask {
          try await desk.openTicket(
            for: customers[index % customers.count].id, subject: "Issue \(index)", body: "Something is wrong.",
            priority: Priority.allCases[index % Priority.allCases.count], at: at
          ).ticket.id.rawValue
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    return ["opened": ids]
  case ("tick", 2):
    let now = try instant(words[1])
    clock.set(now)
    let report = try await desk.tick(now: now)
    return [
      "alerts": report.newAlerts.map(SupportDesk.idempotencyKey(for:)), "delivered": report.delivered.count,
      "pending": report.stillPending,
    ]
  case ("feedback", 6...):
    let at = try instant(words[4])
    clock.set(at)
    let feedback = CustomerFeedback(
      id: words[1], customerID: CustomerID(words[2]), text: words[5...].joined(separator: " "), receivedAt: at,
      npsScore: Int(words[3]))
    let outcome = try await desk.recordFeedback(feedback)
    return ["label": outcome.label.rawValue, "followUp": outcome.followUpTicketID?.rawValue ?? ""]
  case ("maintenance", 5):
    let window = MaintenanceWindow(
      id: MaintenanceID(words[1]), start: try instant(words[2]), end: try instant(words[3]), servers: [words[4]],
      description: "Kernel upgrade")
    try await desk.scheduleMaintenance(window)
    return ["scheduled": words[1]]
  case ("incident", 5):
    let at = try instant(words[4])
    clock.set(at)
    let incident = Incident(
      id: IncidentID(words[1]), severity: .major, startedAt: try instant(words[2]), servers: [words[3]],
      summary: "Websites on \(words[3]) return errors.")
    try await desk.declareIncident(incident, at: at)
    return ["declared": words[1]]
  case ("resolve-incident", 3):
    let at = try instant(words[2])
    clock.set(at)
    try await desk.resolveIncident(IncidentID(words[1]), summary: "Fixed.", at: at)
    return ["resolved": words[1]]
  case ("solve", 3):
    let at = try instant(words[2])
    clock.set(at)
    let update = try await desk.changeStatus(of: TicketID(words[1]), to: .resolved, by: .agent("ana"), at: at)
    return ["status": update.ticket.status.rawValue]
  case ("answer", 4):
    let at = try instant(words[3])
    clock.set(at)
    guard let survey = try await desk.satisfactionSurveys().first(where: { $0.ticketID?.rawValue == words[1] }) else {
      throw HostingSupportError.notFound("survey of ticket", id: words[1])
    }
    let outcome = try await desk.answerSurvey(
      token: survey.token.signed(with: surveyKey), score: Int(words[2]) ?? 0, at: at)
    return ["followUp": outcome.followUpTicketID?.rawValue ?? ""]
  default:
    throw HostingSupportError.invalidRequest(field: "command", reason: "unknown: \(words.joined(separator: " "))")
  }
}

guard let schema = option("--schema"), let name = option("--name"), let sent = option("--sent") else {
  FileHandle.standardError.write(Data("usage: desk-instance --schema NAME --name DESK --sent FILE\n".utf8))
  exit(2)
}
do {
  let configuration = PostgresConfiguration(schema: schema, maximumConnections: 4, applicationName: name)
  let clock = CommandClock()
  var settings = DeskConfiguration(hostName: "ExampleHost")
  settings.instanceName = name
  settings.surveys = try SurveySettings(signingKey: surveyKey, answerLink: "https://panel.example.com/rate/{token}")
  let desk = SupportDesk(
    store: try await PostgresTicketStore.open(configuration), classifier: LexiconSentimentClassifier(),
    transport: try KeyFileTransport(path: sent), stateStore: try await PostgresDeskStateStore.open(configuration),
    customers: customers, configuration: settings, now: { clock.now })
  answer(["ready": name])
  while let line = readLine() {
    let words = line.split(separator: " ").map(String.init)
    if words.first == "quit" { break }
    do {
      answer(try await run(words, desk: desk, clock: clock))
    } catch {
      answer(["error": "\(error)"])
    }
  }
} catch {
  FileHandle.standardError.write(Data("desk-instance: \(error)\n".utf8))
  exit(1)
}
