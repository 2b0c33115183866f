import FeedbackSentiment
import Foundation
import Testing

/// Everyday complaints that carry no classic sentiment word: inability ("can't log in"), things that stopped
/// working, unanswered tickets, money not returned, churn. The bundled lexicons must read them as negative.
@Suite("Complaint vocabulary")
struct ComplaintVocabularyTests {
  static let classifier = LexiconSentimentClassifier()

  @Test(
    "an everyday complaint without a classic sentiment word is negative",
    arguments: [
      "My website stopped working after the PHP upgrade",
      "The mail server stops working every night",
      "Tak boleh hantar emel dari cPanel sejak pagi",
      "Gak bisa login ke panel dari kemarin",
      "Tidak dapat akses webmail langsung",
      "Staf tak dapat membantu langsung",
      "Duit saya belum dikembalikan sampai sekarang",
      "Agen itu tidak faham isu DNS saya",
      "Saya takkan renew tahun depan",
      "Panel asyik logout sendiri",
    ]
  )
  func complaintIsNegative(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .negative, "\(result.score) \(result.explanation)")
  }

  @Test(
    "a request or question without complaint stays neutral",
    arguments: [
      "Boleh bayar tahunan dan bukan bulanan?",
      "Tolong batalkan add-on dari invois seterusnya.",
      "Macam mana nak tutup akaun?",
      "Is the mail server working on port 587?",
    ]
  )
  func requestIsNeutral(_ text: String) {
    let result = Self.classifier.classify(text)
    #expect(result.label == .neutral, "\(result.score) \(result.explanation)")
  }

  @Test("a negated inability idiom before praise stays negative: 'tak boleh diharap'")
  func negatedReliabilityIsNegative() {
    #expect(Self.classifier.classify("Support memang tak boleh diharap").label == .negative)
  }
}
