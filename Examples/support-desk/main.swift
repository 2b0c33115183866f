// support-desk: the command-line support desk of a small web host.
//
//   support-desk demo [options]                 end-to-end demo on the embedded defaults
//   support-desk [--store DIR] <command> …      work with a durable ticket store (see `support-desk help`)
import Foundation

let commandLine = Array(CommandLine.arguments.dropFirst())
if commandLine.first == "demo" {
  exit(await runDemoCommand(Array(commandLine.dropFirst())))
}
exit(await runStoreCommand(commandLine))
