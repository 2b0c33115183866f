// sla-check: business-time arithmetic and SLA compliance reports from the command line.
//
//   sla-check elapsed  --calendar FILE     JSON lines {"start","end"} → {"seconds":N}
//   sla-check deadline --calendar FILE     JSON lines {"start","seconds"} → {"deadline":"…Z"}
//   sla-check report   --tickets FILE.jsonl [--policy FILE.json] [--now ISO8601] [--json]
import Foundation

let usage = """
  usage: sla-check <command> [options]
    elapsed  --calendar FILE   read {"start":ISO8601,"end":ISO8601} lines on stdin, write {"seconds":N}
    deadline --calendar FILE   read {"start":ISO8601,"seconds":N} lines on stdin, write {"deadline":ISO8601}
    report   --tickets FILE.jsonl [--policy FILE.json] [--now ISO8601] [--json]
                               SLA compliance report over exported tickets
  A malformed input line stops the run with exit status 2 and "line N: …" on stderr.
  """

let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
switch arguments.first {
case "elapsed": status = runElapsedCommand(Array(arguments.dropFirst()))
case "deadline": status = runDeadlineCommand(Array(arguments.dropFirst()))
case "report": status = runReportCommand(Array(arguments.dropFirst()))
case "-h", "--help", "help":
  print(usage)
  status = 0
case let other?:
  writeError("sla-check: unknown command '\(other)'\n\(usage)")
  status = 2
case nil:
  writeError(usage)
  status = 2
}
exit(status)
