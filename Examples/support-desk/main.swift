// support-desk: the command-line support desk of a small web host.
//
//   support-desk demo [options]                 end-to-end demo on the embedded defaults
//   support-desk [--store DIR] <command> …      work with a durable ticket store (see `support-desk --help`)
import CommandLineSupport
import SupportImport

await CommandLineTool(
  name: "support-desk",
  summary: "The command-line support desk of a small web host: tickets in a durable file store, and a demo.",
  commands: storeCommands + [importCommand, demoCommand], globalOptions: [storeOption, lockTimeoutOption],
  notes: [
    "Ticket commands work on the store folder given by --store (before or after the command), ./support-data"
      + " by default. A store that refuses (damaged, locked, unknown ticket, invalid change) exits with status 1."
  ],
  // The desk's errors are refusals of the store or the ticket rules, not malformed input; an import error is.
  statusForError: { error in error is ImportError ? .invalidInput : .failure }
).main()
