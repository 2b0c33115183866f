import Foundation

/// Tells the intent of feedback — complaint, suggestion, praise, question or other — from its text and its
/// sentiment, by rules over per-language phrase lists, so that a desk can route a question, put a suggestion
/// on the board and follow up a complaint.
///
/// The rules, in order:
/// 1. **Suggestion** when the ``SuggestionDetector`` finds a cue ("please add", "tolong tambah", "ຢາກໃຫ້"),
///    whatever the sentiment: "Could you add 2FA?" asks for a feature.
/// 2. **Question** when the text asks something — a question mark, or a question cue ("how do i", "bila",
///    "ແນວໃດ") opening a sentence — unless the question is rhetorical: negative text with a rhetorical opener
///    ("why is", "kenapa", "ເປັນຫຍັງ") or with no question cue at all ("Is anyone going to fix this?") is a
///    **complaint**. An impatient information request ("a month on, when will my refund arrive?") stays a
///    question.
/// 3. Otherwise the sentiment decides: negative → **complaint**, positive → **praise**, neutral → **other**
///    (statements of fact and acknowledgements).
///
/// Intent is a separate role rather than a field of ``SentimentResult`` so that it works with any
/// ``SentimentClassifier`` (a host's own included) and its phrase lists can be replaced on their own; the
/// bundled lists are `suggestions-<code>.txt` and `intent-<code>.txt`.
///
/// ```swift
/// let intents = try IntentClassifier.bundled()
/// let sentiment = LexiconSentimentClassifier()
/// intents.intent(of: "When will my refund arrive?", sentiment: sentiment.classify("When will my refund arrive?"))
/// // .question
/// ```
public struct IntentClassifier: Hashable, Sendable {
  /// The suggestion cues (rule 1).
  public let suggestions: SuggestionDetector
  /// The question cues and rhetorical openers, one list per language; every list is tried on every text.
  public let questions: [QuestionPhrases]

  /// A classifier over phrase lists.
  /// - Parameters:
  ///   - suggestions: The detector of requests for improvements.
  ///   - questions: Question cues per language.
  public init(suggestions: SuggestionDetector, questions: [QuestionPhrases]) {
    self.suggestions = suggestions
    self.questions = questions
  }

  /// The classifier over the bundled English, Malay/Indonesian and Lao phrase lists.
  /// - Returns: The classifier.
  /// - Throws: ``SentimentError`` if a bundled file is missing or malformed.
  public static func bundled() throws -> IntentClassifier {
    IntentClassifier(
      suggestions: try SuggestionDetector.bundled(),
      questions: try SentimentLanguage.bundled.map(QuestionPhrases.bundled))
  }

  /// The intent of a text whose sentiment is known.
  /// - Parameters:
  ///   - text: The feedback.
  ///   - sentiment: What a ``SentimentClassifier`` said about it.
  /// - Returns: The dominant intent.
  /// - Complexity: O(*n* × *p*) for *n* characters and *p* phrases.
  public func intent(of text: String, sentiment: SentimentResult) -> FeedbackIntent {
    intent(of: text, label: sentiment.label)
  }

  /// The intent of a text with a known sentiment label.
  /// - Parameters:
  ///   - text: The feedback.
  ///   - label: Its sentiment label.
  /// - Returns: The dominant intent.
  public func intent(of text: String, label: SentimentLabel) -> FeedbackIntent {
    if suggestions.detect(text) != nil { return .suggestion }
    let normalized = SuggestionText.normalized(text)
    var asksInformation = false
    var opensSentence = false
    var rhetorical = false
    for list in questions {
      for cue in list.questions {
        for range in SuggestionDetector.occurrences(of: cue, in: normalized) {
          asksInformation = true
          if SuggestionText.opensSentence(range, in: normalized) || !SuggestionText.isWordCharacter(cue.first ?? " ") {
            opensSentence = true
          }
        }
      }
      for opener in list.rhetorical where !SuggestionDetector.occurrences(of: opener, in: normalized).isEmpty {
        rhetorical = true
      }
    }
    let asks = normalized.contains("?") || normalized.contains("？") || opensSentence
    if asks {
      if label == .negative && (rhetorical || !asksInformation) { return .complaint }
      return .question
    }
    switch label {
    case .negative: return .complaint
    case .positive: return .praise
    case .neutral: return .other
    }
  }
}
