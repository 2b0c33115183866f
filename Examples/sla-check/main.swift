// sla-check: business-time arithmetic and SLA compliance reports from the command line.
//
//   sla-check elapsed  --calendar FILE     JSON lines {"start","end"} → {"seconds":N}
//   sla-check deadline --calendar FILE     JSON lines {"start","seconds"} → {"deadline":"…Z"}
//   sla-check report   --tickets FILE.jsonl [--policy FILE.json] [--now ISO8601] [--period week|month] [--json]
import CommandLineSupport

await CommandLineTool(
  name: "sla-check",
  summary: "Business-time arithmetic on a business calendar, and SLA compliance reports over exported tickets.",
  commands: [elapsedCommand, deadlineCommand, reportCommand],
  notes: [
    """
    elapsed and deadline read JSON lines on standard input and answer each with one JSON line on standard
    output. A malformed line stops the run: "sla-check: <code>: line N: …" on standard error, exit status 2,
    and nothing is written for that line or any after it.
    """
  ]
).main()
