import CommandLineSupport
import FeedbackSentiment
import Foundation

/// Macro-F1 of the lexicon classifier and of the default classifier on an English general-text folder
/// (`Tests/FeedbackSentimentTests/Resources/general-en`): one row per register file `<register>-<split>.tsv`
/// (tweets, product reviews, movie reviews, editorial sentences) and the pooled lines. The `dev` split is
/// the one rules are chosen on; the `check` split is measured, never used to choose (see the folder's README.txt).
enum EnglishReport {
  /// One register's labelled lines.
  struct Register {
    var name: String
    var examples: [LabeledExample]
  }

  /// The registers of `folder` for `split`, in name order; a folder without any is a usage error.
  static func registers(folder: String, split: String) throws -> [Register] {
    let suffix = "-\(split).tsv"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw UsageError("cannot read the folder \(folder)")
    }
    var registers: [Register] = []
    for name in names.sorted() where name.hasSuffix(suffix) {
      let examples = try CorpusReport.load("\(folder)/\(name)", language: "en") ?? []
      registers.append(Register(name: String(name.dropLast(suffix.count)), examples: examples))
    }
    guard !registers.isEmpty else { throw UsageError("no <register>\(suffix) files in \(folder)") }
    return registers
  }

  static func markdown(folder: String, split: String) throws -> String {
    let registers = try registers(folder: folder, split: split)
    let classifiers: [any SentimentClassifier] = [
      try LexiconSentimentClassifier.bundled(), try DefaultSentimentClassifier.make(),
    ]
    var lines = [
      "macro-F1 on English general text (\(folder), \(split) split)", "",
      "| register | texts | lexicon | default classifier |", "|---|---|---|---|",
    ]
    func row(_ name: String, _ examples: [LabeledExample]) {
      let scores = classifiers.map { String(format: "%.3f", $0.evaluate(on: examples).macroF1) }
      lines.append("| \(name) | \(examples.count) | " + scores.joined(separator: " | ") + " |")
    }
    for register in registers { row(register.name, register.examples) }
    row("all", registers.flatMap(\.examples))
    return lines.joined(separator: "\n")
  }
}
