// The PostgreSQL stores against the kit's file stores, on the same workloads, in one run:
//
//   postgres-benchmarks [--json] [--write-results FILE] [--tickets N] [--open-tickets N] [--rounds N]
//
// - appends with 8 concurrent writers: ticket events (PostgresTicketStore / FileTicketStore) and desk state
//   records (PostgresDeskStateStore / FileDeskStateStore), events per second;
// - customer-scoped query latency (first page of 25) with N tickets (default 1,000,000), p50 and p99;
// - a desk tick over 10,000 open tickets: the first one (cold) and idle ones (p50).
// The server comes from libpq's variables (PGHOST…); `run-tests.sh --benchmarks` starts one with durable
// settings (fsync on), like a production server. Every schema and folder it makes is removed afterwards.
// --write-results writes the JSON report to FILE (Examples/postgres-store/results/latest.json is what
// Scripts/render-performance.py renders into Documentation/ScalingOut.md).
import FeedbackSentiment
import Foundation
import HostingSupport
import PostgresStore

func option(_ name: String, default value: Int) -> Int {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1])
  else { return value }
  return number
}

let json = CommandLine.arguments.contains("--json")
let queryTickets = option("--tickets", default: 1_000_000)
let openTickets = option("--open-tickets", default: 10_000)
let rounds = option("--rounds", default: 200)
var machine = Machine.current()
var figures: [Figure] = []
let runID = UUID().uuidString.prefix(8).lowercased()

func progress(_ line: String) {
  if !json { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

func configuration(_ name: String) -> PostgresConfiguration {
  PostgresConfiguration(schema: "bench_\(runID)_\(name)", maximumConnections: 8, statementTimeout: nil)
}

func dropSchema(_ configuration: PostgresConfiguration) async {
  let connection = PostgresConnection(configuration: PostgresConfiguration(schema: "public"), name: "drop")
  _ = try? await connection.run { connection in
    try connection.execute(
      PostgresStatement("SELECT set_config('hosting_support.schema', $1, false)"), [.text(configuration.schema)])
    try connection.execute(
      PostgresStatement(
        "DO $$ BEGIN EXECUTE format('DROP SCHEMA %I CASCADE', current_setting('hosting_support.schema')); END $$"))
  }
  await connection.close()
}

/// The first tick and the idle ticks of a desk, as figures.
func tickFigures(_ desk: SupportDesk, store: String) async throws -> [Figure] {
  let ticks = try await Workloads.ticks(desk: desk, repeats: 5)
  return [
    Figure(workload: "first tick, \(openTickets) open tickets", store: store, operations: 1, seconds: ticks.first),
    latencyFigure("idle tick, \(openTickets) open tickets", store: store, samples: ticks.idle),
  ]
}

do {
  machine.postgres = try await BulkLoad.serverVersion(PostgresConfiguration(schema: "public"))

  // 1. Appends with 8 concurrent writers.
  progress("appends: 8 writers × \(rounds)")
  let appendTickets = configuration("appends")
  let postgresTickets = try await PostgresTicketStore.open(appendTickets)
  let events = 8 * rounds
  figures.append(
    throughputFigure(
      "ticket appends, 8 writers", store: "PostgresTicketStore", operations: events,
      seconds: try await Workloads.ticketAppends(on: postgresTickets, rounds: rounds)))
  await postgresTickets.close()
  let appendFolder = scratchFolder("appends")
  for (name, durability) in [
    ("FileTicketStore fsyncEachWrite", FileTicketStore.Durability.fsyncEachWrite),
    ("FileTicketStore batched 1 ms", .batched(maxDelay: .milliseconds(1))),
  ] {
    let store = try FileTicketStore(directory: appendFolder.appendingPathComponent(name), durability: durability)
    figures.append(
      throughputFigure(
        "ticket appends, 8 writers", store: name, operations: events,
        seconds: try await Workloads.ticketAppends(on: store, rounds: rounds)))
    await store.close()
  }
  let postgresState = try await PostgresDeskStateStore.open(appendTickets)
  figures.append(
    throughputFigure(
      "desk state appends, 8 writers", store: "PostgresDeskStateStore", operations: events,
      seconds: try await Workloads.deskStateAppends(on: postgresState, rounds: rounds)))
  await postgresState.close()
  figures.append(
    throughputFigure(
      "desk state appends, 8 writers", store: "FileDeskStateStore", operations: events,
      seconds: try await Workloads.deskStateAppends(
        on: FileDeskStateStore(directory: appendFolder.appendingPathComponent("desk-state")), rounds: rounds)))
  try? FileManager.default.removeItem(at: appendFolder)
  await dropSchema(appendTickets)

  // 2. Customer-scoped queries with many tickets.
  let customers = max(1, queryTickets / 100)
  progress("customer queries: loading \(queryTickets) tickets over \(customers) customers")
  let queryConfiguration = configuration("queries")
  let queryStore = try await PostgresTicketStore.open(queryConfiguration)
  try await BulkLoad.fill(queryConfiguration, count: queryTickets, customers: customers, priority: .normal)
  _ = try await Workloads.customerQueries(on: queryStore, customers: customers, samples: 50)  // warm up
  figures.append(
    latencyFigure(
      "customer-scoped query, \(queryTickets) tickets", store: "PostgresTicketStore",
      samples: try await Workloads.customerQueries(on: queryStore, customers: customers, samples: 1_000)))
  await queryStore.close()
  await dropSchema(queryConfiguration)
  let queryFolder = scratchFolder("queries")
  let fileQueryStore = try FileTicketStore(directory: queryFolder, durability: .batched(maxDelay: .milliseconds(5)))
  try await Workloads.fillFileStore(fileQueryStore, count: queryTickets, customers: customers)
  _ = try await Workloads.customerQueries(on: fileQueryStore, customers: customers, samples: 50)
  figures.append(
    latencyFigure(
      "customer-scoped query, \(queryTickets) tickets", store: "FileTicketStore",
      samples: try await Workloads.customerQueries(on: fileQueryStore, customers: customers, samples: 1_000)))
  await fileQueryStore.close()
  try? FileManager.default.removeItem(at: queryFolder)

  // 3. A tick over open tickets.
  progress("ticks over \(openTickets) open tickets")
  let tickCustomers = max(1, openTickets / 10)
  let tickConfiguration = configuration("ticks")
  let tickTickets = try await PostgresTicketStore.open(tickConfiguration)
  try await BulkLoad.fill(tickConfiguration, count: openTickets, customers: tickCustomers, priority: .normal)
  var deskSettings = DeskConfiguration(hostName: "Benchmark")
  deskSettings.instanceName = "bench-desk"
  let postgresDesk = SupportDesk(
    store: tickTickets, classifier: LexiconSentimentClassifier(), transport: ConsoleTransport { _ in },
    stateStore: try await PostgresDeskStateStore.open(tickConfiguration),
    customers: Workloads.profiles(tickCustomers), configuration: deskSettings, now: { Workloads.start })
  figures += try await tickFigures(postgresDesk, store: "PostgreSQL (tickets + desk state)")
  await tickTickets.close()
  await dropSchema(tickConfiguration)
  let tickFolder = scratchFolder("ticks")
  let fileTickets = try FileTicketStore(
    directory: tickFolder.appendingPathComponent("tickets"), durability: .batched(maxDelay: .milliseconds(5)))
  try await Workloads.fillFileStore(fileTickets, count: openTickets, customers: tickCustomers)
  let fileDesk = SupportDesk(
    store: fileTickets, classifier: LexiconSentimentClassifier(), transport: ConsoleTransport { _ in },
    stateStore: FileDeskStateStore(directory: tickFolder.appendingPathComponent("desk")),
    customers: Workloads.profiles(tickCustomers), configuration: deskSettings, now: { Workloads.start })
  figures += try await tickFigures(fileDesk, store: "files (FileTicketStore + FileDeskStateStore)")
  await fileTickets.close()
  try? FileManager.default.removeItem(at: tickFolder)
} catch {
  FileHandle.standardError.write(Data("postgres-benchmarks: \(error)\n".utf8))
  exit(1)
}

machine.loadAverageAfter = Machine.loadAverage()
struct Report: Codable {
  var command: String
  var machine: Machine
  var figures: [Figure]
}
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
let report = try encoder.encode(
  Report(
    command: (["bash Examples/postgres-store/run-tests.sh --benchmarks"] + CommandLine.arguments.dropFirst())
      .joined(separator: " "),
    machine: machine, figures: figures))
let arguments = CommandLine.arguments
if let index = arguments.firstIndex(of: "--write-results"), index + 1 < arguments.count {
  try (report + Data("\n".utf8)).write(to: URL(fileURLWithPath: arguments[index + 1]))
}
if json {
  print(String(decoding: report, as: UTF8.self))
} else {
  print("\n\(machine.date) · \(machine.cpu) · \(machine.cores) cores · \(machine.memoryGiB) GiB")
  print("load average before \(machine.loadAverageBefore), after \(machine.loadAverageAfter) · \(machine.postgres)")
  for figure in figures {
    var value = ""
    if let rate = figure.perSecond { value = String(format: "%10.0f /s", rate) }
    if let p50 = figure.p50Milliseconds, let p99 = figure.p99Milliseconds {
      value = String(format: "p50 %9.3f ms  p99 %9.3f ms", p50, p99)
    } else if figure.perSecond == nil {
      value = String(format: "%10.3f s", figure.seconds)
    }
    print(
      "\(figure.workload.padding(toLength: 44, withPad: " ", startingAt: 0)) \(figure.store.padding(toLength: 46, withPad: " ", startingAt: 0)) \(value)"
    )
  }
}
