// feedback-triage: classify, train, evaluate and triage customer feedback with FeedbackSentiment.
import CommandLineSupport

await CommandLineTool(
  name: "feedback-triage",
  summary: "Classify, triage, train and evaluate customer feedback with FeedbackSentiment.",
  commands: [
    classifyCommand, triageCommand, trainCommand, trainMalayCommand, evaluateCommand, reportCommand,
    aspectsReportCommand,
  ],
  notes: [
    """
    Feedback input is JSON lines {"id":…,"text":…} (or CSV with a header naming id and text) from FILE or
    standard input; labelled data is label<TAB>text lines. A malformed line stops the run with exit status 2
    and "feedback-triage: <code>: line N: …" on standard error.
    """
  ]
).main()
