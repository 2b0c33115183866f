// store-crash-writer: the child process of the FileTicketStore crash test (Tests/SupportTicketsTests). Not
// shipped: it exists so the test can SIGKILL a real writer at random moments.
//
//   store-crash-writer --store DIR [--seed S] [--batched] [--writers N] [--limit N] [--compact-every N]
import CommandLineSupport
import Foundation

let write = CommandSpec(
  "write",
  summary: "Append events to the store until killed, printing 'ack TICKET EVENT' after each acknowledgement.",
  options: [
    .value("--store", "DIR", help: "The ticket store folder.", required: true),
    .value("--seed", "S", help: "Text that makes this run's ticket ids unique (default 0)."),
    .flag("--batched", help: "Group commit (batched durability) instead of one fsync per write."),
    .value("--writers", "N", help: "Concurrent writer tasks (default 1)."),
    .value("--limit", "N", help: "Steps over all writers before exiting by itself (default 100000)."),
    .value("--compact-every", "N", help: "The first writer compacts every N steps; 0 never (default)."),
  ]
) { arguments in
  try await runCrashWriter(
    folder: URL(fileURLWithPath: try arguments.required("--store")), seed: arguments.value("--seed") ?? "0",
    batched: arguments.flag("--batched"), writers: try arguments.integer("--writers", in: 1...64) ?? 1,
    limit: try arguments.integer("--limit", in: 1...10_000_000) ?? 100_000,
    compactEvery: try arguments.integer("--compact-every", in: 0...1_000_000) ?? 0)
  return .success
}

await CommandLineTool(
  name: "store-crash-writer", summary: "The FileTicketStore crash test's child process (test-only).",
  commands: [write], defaultCommand: "write", statusForError: { _ in .failure }
).main()
