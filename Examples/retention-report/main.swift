// retention-report: churn, renewals, MRR movements, cohorts and survival from CSV exports.
//
//   retention-report [report] --subscriptions FILE [--changes FILE] [--surveys FILE] [--from YYYY-MM --to YYYY-MM]
//                    [--json] [--by channel|tier|partner] [--charts DIR] [--lenient] [--currency CODE] [--stripe-churn] [--gross-margin 0.8]
//   retention-report experience --tickets FILE.jsonl --surveys FILE --subscriptions FILE [--as-of YYYY-MM-DD]
//                    [--min-group N] [--json] [--html FILE]
//   retention-report survival --durations FILE [--confidence 0.95]
//   retention-report sample --out DIR [--seed N] [--customers N]
//   retention-report convert [--whmcs FILE…] [--zendesk FILE…] [--mapping FILE] [--time-zone ZONE] --out DIR
//   retention-report --whmcs FILE… --time-zone ZONE --mapping FILE …   (the report, straight from WHMCS)
import CommandLineSupport

await CommandLineTool(
  name: "retention-report",
  summary: "Churn, renewals, MRR movements, cohorts and survival from a billing system's CSV exports.",
  commands: [reportCommand, experienceCommand, survivalCommand, sampleCommand, convertCommand],
  defaultCommand: "report",
  notes: [
    "'retention-report --subscriptions FILE …' runs the report command. The CSV headers are documented in the"
      + " RetentionMetrics CSVFormats article; a bad row stops the run with its file, line and column (exit"
      + " status 2) unless --lenient skips it with a warning on standard error."
  ]
).main()
