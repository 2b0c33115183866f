// feedback-triage: classify, train, evaluate and triage customer feedback with FeedbackSentiment.
import FeedbackSentiment
import Foundation

let usage = """
  usage: feedback-triage <command> [options]
    classify [FILE] [--format jsonl|csv] [--model MODEL.json] [--explain]
        JSON lines {"id","text"} (or CSV with header id,text) from FILE or stdin → JSON lines with
        id, label, score, confidence, language, aspects (and explanation with --explain).
    triage [FILE] [--format jsonl|csv] [--model MODEL.json] [--json]
        The panel view: negative feedback first, grouped by aspect, with the suggested follow-up.
    train --data FILE [--data FILE…] --out MODEL.json [--kind logisticRegression|naiveBayes]
        Train a model on label<TAB>text lines.
    evaluate --data FILE [--data FILE…] [--model MODEL.json] [--classifier lexicon|model|ensemble]
             [--threshold T]
        Accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix.
    report --corpus DIR [--cross-validate]
        Macro-F1 per language on DIR/<lang>-test.tsv for lexicon, naive Bayes, logistic regression and
        ensemble (models trained on all DIR/*-train.tsv); --cross-validate adds the 5-fold CV on the
        training splits used to choose the ensemble's model weight.
  --threshold T sets the lexicon classifier's neutral band (default 0.2) for classify, triage and evaluate.
  Exit status: 0 ok, 1 failure, 2 bad usage or malformed input (stderr: "line N: …").
  """

func fail(_ message: String, status: Int32 = 2) -> Never {
  FileHandle.standardError.write(Data("feedback-triage: \(message)\n".utf8))
  exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("missing command\n\(usage)") }
arguments.removeFirst()
if command == "-h" || command == "--help" {
  print(usage)
  exit(0)
}

let options: CommandOptions
do {
  options = try CommandOptions.parse(arguments)
} catch let error as UsageError {
  fail("\(error.message)\n\(usage)")
}

do {
  switch command {
  case "classify": try Commands.classify(options)
  case "triage": try Commands.triage(options)
  case "train": try Commands.train(options)
  case "evaluate": try Commands.evaluate(options)
  case "report": try Commands.report(options)
  default: fail("unknown command '\(command)'\n\(usage)")
  }
} catch let error as InputError {
  FileHandle.standardError.write(Data("line \(error.line): \(error.message)\n".utf8))
  exit(2)
} catch let error as SentimentError {
  if let line = error.line {
    FileHandle.standardError.write(Data("line \(line): \(error.message)\n".utf8))
    exit(2)
  }
  fail(error.description, status: 1)
} catch let error as UsageError {
  fail("\(error.message)\n\(usage)")
} catch {
  fail("\(error)", status: 1)
}
