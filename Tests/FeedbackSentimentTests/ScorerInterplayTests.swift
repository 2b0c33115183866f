import FeedbackSentiment
import Testing

/// The rules of solved problems, expected events and frames, where they meet: each keeps to its own items and
/// clause, and none costs more than linear time.
@Suite("Scorer rules where they meet")
struct ScorerInterplayTests {
  @Test(
    "a second remedy joined by 'and' solves its own problem: a solved word is not a negated one",
    arguments: ["Traced the leak and traced the crash.", "They removed the malware and removed the spam."])
  func coordinatedRemedies(_ text: String) {
    #expect(bundledClassifier.classify(text).label == .positive)
  }

  @Test("an expected event stays expected when a remedy solves another problem in its sentence")
  func expectedEventBesideRemedy() {
    #expect(bundledClassifier.classify("Downtime as expected and the slow queries were fixed.").label == .positive)
    #expect(bundledClassifier.classify("Downtime as expected.").label == .neutral)
  }

  @Test(
    "a contrast word ends an expected event's clause: the complaint after it counts",
    arguments: ["Downtime as expected but support was terrible.", "Gangguan memang dijangka tapi sokongan teruk."])
  func expectationStopsAtContrast(_ text: String) {
    #expect(bundledClassifier.classify(text).label == .negative)
  }

  @Test("a Malay remedy after a contrast word does not cancel the complaint before it")
  func remedyStopsAtContrast() {
    let contrasted = bundledClassifier.classify("Sokongan teruk tapi bug dah dibaiki.")
    let alone = bundledClassifier.classify("Bug dah dibaiki.")
    #expect(contrasted.score < alone.score)
    // "bug" is cancelled by the remedy; "sokongan teruk", before "tapi", is only weighed by the contrast.
    let complaint = contrasted.explanation.filter { $0.token.lowercased().hasSuffix("teruk") }
    #expect(complaint.contains { $0.rule == .lexicon && $0.amount < 0 })
    #expect(!complaint.contains { $0.rule == .negation })
  }

  @Test("a Malay text whose every value an expectation took back holds no sentiment evidence, like English")
  func takenBackMalay() {
    #expect(bundledClassifier.classify("Server rosak sekejap, memang dijangka.").confidence == 0)
    #expect(bundledClassifier.classify("Downtime as expected.").confidence == 0)
  }

  @Test(
    "thousands of frame terms or Lao verdicts in one sentence are classified (the reach of a term is bounded)",
    arguments: [String(repeating: "dijangka ", count: 5000) + "rosak", String(repeating: "ແກ້ແລ້ວ", count: 5000)])
  func longFramedSentence(_ text: String) {
    let result = bundledClassifier.classify(text)
    #expect(result.score.isFinite && (-1...1).contains(result.score))
  }
}
