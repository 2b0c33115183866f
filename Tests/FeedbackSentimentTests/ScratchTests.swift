import FeedbackSentiment
import Foundation
import Testing

@Test func scratch() throws {
  let c = try LexiconSentimentClassifier.bundled()
  for text in [
    "No problems or complaints", "No downtime in 6 months", "Not the worst host I have used", "Thanks for nothing",
    "Great support... NOT", "My site has been down for 3 hours and support hasn't replied",
    "Kindly improve your response time", "The server is great but support is slow", "tidak bagus langsung",
    "servis sangat lambat hari ini 😡", "ບໍລິການດີຫຼາຍ", "ເຊີບເວີຊ້າຫຼາຍ ແຕ່ພະນັກງານດີ", "slowwww!!!", "",
    "GREAT support, thanks :)",
  ] {
    let r = c.classify(text)
    print(text, "→", r.label, String(format: "%.3f", r.score), r.language, r.aspects.map { "\($0.aspect)=\($0.label)" },
      r.explanation.map { "\($0.token):\($0.rule)=\(String(format: "%.2f", $0.amount))" })
  }
}
