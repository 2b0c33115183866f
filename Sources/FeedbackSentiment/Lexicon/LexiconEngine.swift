/// The lexicon classifier's tables and hot path, held by reference: copying a ``LexiconSentimentClassifier``
/// copies one reference, and a text is scored without touching a reference count per token.
final class LexiconEngine: Sendable {
  let tokenizer: FeedbackTokenizer
  let vocabulary: ScoringVocabulary
  let languageIdentifier: LanguageIdentifier
  let neutralThreshold: Double
  /// Language evidence per vocabulary id: `languageWeights[id × L + l]` for the L Latin candidates.
  let languageWeights: FrozenList<Double>
  /// The tables for each Latin candidate of the language identifier, for Lao, and for undetermined text.
  let latinResources: [ScoringResources]
  let laoResources: ScoringResources
  let undeterminedResources: ScoringResources
  /// The opinion cue words (bundled and the lexicons'), as UTF-8 grouped by length.
  let opinionCueWords: [Int: [[UInt8]]]
  private let storage = FrozenStorage()

  init(
    lexicons: [SentimentLanguage: SentimentLexicon], tokenizer: FeedbackTokenizer,
    languageIdentifier: LanguageIdentifier, neutralThreshold: Double
  ) {
    self.tokenizer = tokenizer
    self.languageIdentifier = languageIdentifier
    self.neutralThreshold = neutralThreshold
    opinionCueWords = OpinionCues.words(of: lexicons)
    let vocabulary = ScoringVocabulary(lexicons: lexicons)
    self.vocabulary = vocabulary
    var tables: [SentimentLanguage: ScoringResources] = [:]
    for language in lexicons.keys {
      tables[language] = ScoringResources(
        table: ScoringTable(primary: language, lexicons: lexicons, vocabulary: vocabulary), vocabulary: vocabulary)
    }
    let fallback = ScoringResources(
      table: ScoringTable(primary: nil, lexicons: lexicons, vocabulary: vocabulary), vocabulary: vocabulary)
    let candidates = languageIdentifier.latinCandidates
    var weights = [Double](repeating: 0, count: vocabulary.count * candidates.count)
    for (id, word) in vocabulary.words.enumerated() {
      for (language, weight) in languageIdentifier.weights(of: word) {
        if let slot = candidates.firstIndex(of: language) { weights[id * candidates.count + slot] += weight }
      }
    }
    languageWeights = storage.freeze(weights)
    latinResources = candidates.map { tables[$0] ?? fallback }
    laoResources = tables[.lao] ?? fallback
    undeterminedResources = tables[.undetermined] ?? fallback
  }

  /// Scores one text: tokens as byte ranges, ids by byte-wise lookup, items and contributions in scratch
  /// memory, and one allocation for the result's stored explanation and aspects.
  ///
  /// - Parameters:
  ///   - text: The feedback.
  ///   - modelVote: An ensemble's model vote, appended to the explanation when the lexicon has evidence.
  func analyze(_ text: String, modelVote: Double?) -> LexiconSentimentClassifier.Analysis {
    TextBytes.with(text) { bytes in
      tokenizer.withTokens(of: bytes) { tokens in
        analyze(text, tokens: &tokens, modelVote: modelVote)
      }
    }
  }

  /// ``analyze(_:modelVote:)`` over tokens made by this engine's tokenizer (or one with the same dictionary),
  /// so that an ensemble tokenizes a text once for both of its parts.
  func analyze(
    _ text: String, tokens: inout ByteTokens, modelVote: Double?
  ) -> LexiconSentimentClassifier.Analysis {
    analyze(text, tokens: &tokens) { _, _ in modelVote }
  }

  /// ``analyze(_:tokens:modelVote:)`` with the model's vote asked once the language is known (an ensemble with
  /// a model per language); `vote` gets the language and the tokens (their text, not yet their items).
  func analyze(
    _ text: String, tokens: inout ByteTokens, vote: (SentimentLanguage, ByteTokens) -> Double?
  ) -> LexiconSentimentClassifier.Analysis {
    let bytes = tokens.source
    for index in 0..<tokens.count where tokens.tokens[index].kind != .punctuation {
      tokens.tokens[index].id = vocabulary.resolve(tokens.tokens[index], in: tokens)
    }
    let (language, resources) = identifyLanguage(tokens)
    let modelVote = vote(language, tokens)
    // The resources stay alive for the whole analysis: the frozen tables read below are theirs.
    return ScratchList<ScoredItem>.with(capacity: LexiconItemBuilder.capacity(for: tokens)) { items in
      LexiconItemBuilder(resources: resources).build(tokens, into: &items)
      var valued = 0
      // Valued items (with negators of a value of their own), and room for one implicit statement per sentence
      // (``LexiconScorer/contributionCapacity``).
      for index in 0..<items.count
      where items[index].hasValue || items[index].entry.hasNegatorValue || items[index].isPunctuation {
        valued += 1
      }
      valued += 1
      let capacity = LexiconScorer.contributionCapacity(valuedItems: valued) + 1
      return ScratchList<StoredContribution>.with(capacity: capacity) { contributions in
        var scorer = LexiconScorer(
          items: items, contributions: contributions, source: bytes, englishRules: resources.table.isEnglish)
        let raw = scorer.score(counts: tokens.counts)
        contributions = scorer.contributions
        // A text without sentiment evidence: neutral, with the details given (if any).
        func noEvidence(_ details: SentimentDetails?) -> LexiconSentimentClassifier.Analysis {
          LexiconSentimentClassifier.Analysis(
            result: SentimentResult(label: .neutral, score: 0, confidence: 0, language: language, details: details),
            probabilities: SentimentProbabilities(negative: 0, neutral: 1, positive: 0),
            hasEvidence: false, hasOpinionCue: OpinionCues.present(in: items, tokens: tokens, words: opinionCueWords)
          )
        }
        guard !contributions.isEmpty else {
          // No sentiment, but a fact or a question about an aspect still names it ("Is my refund processed?").
          return noEvidence(
            AspectDetector(resources: resources).mentionsAnyAspect(tokens)
              ? makeDetails(text, tokens, items, contributions, resources) : nil)
        }
        if scorer.isSettled {
          // "Ticket reopened as requested.", "A dark mode would be nice.": the rules found no verdict in the words
          // of sentiment, so the text counts as one without them (a statement or a suggestion), explained.
          return noEvidence(makeDetails(text, tokens, items, contributions, resources))
        }
        if let modelVote {
          contributions.append(StoredContribution(text: .model, amount: modelVote, rule: .model))
        }
        let score = LexiconScorer.normalize(raw)
        let probabilities = LexiconSentimentClassifier.probabilities(score: score, threshold: neutralThreshold)
        let label: SentimentLabel =
          score >= neutralThreshold && score > 0
          ? .positive : score <= -neutralThreshold && score < 0 ? .negative : .neutral
        let details = makeDetails(text, tokens, items, contributions, resources)
        let result = SentimentResult(
          label: label, score: score, confidence: probabilities[label], language: language, details: details)
        return LexiconSentimentClassifier.Analysis(
          result: result, probabilities: probabilities, hasEvidence: true, hasOpinionCue: true)
      }
    }
  }

  /// The dominant language and its tables; Latin languages by the evidence of the words' ids.
  private func identifyLanguage(_ tokens: ByteTokens) -> (SentimentLanguage, ScoringResources) {
    let candidates = latinResources.count
    let weights = languageWeights
    let decision = languageIdentifier.decide(tokens.counts) { scores in
      for index in 0..<tokens.count {
        let token = tokens.tokens[index]
        guard token.id >= 0, !token.isLao else { continue }
        let base = Int(token.id) * candidates
        for slot in 0..<candidates { scores[slot] += weights[base + slot] }
      }
    }
    switch decision {
    case .lao: return (.lao, laoResources)
    case .latin(let index): return (languageIdentifier.language(of: decision), latinResources[index])
    case .undetermined: return (.undetermined, undeterminedResources)
    }
  }

  /// Finds the aspects and stores them with the contributions in one record.
  private func makeDetails(
    _ text: String, _ tokens: ByteTokens, _ items: ScratchList<ScoredItem>,
    _ contributions: ScratchList<StoredContribution>, _ resources: ScoringResources
  ) -> SentimentDetails {
    let aspectCapacity = min(resources.table.aspectList.count, tokens.count)
    return ScratchList<StoredContribution>.with(capacity: aspectCapacity) { aspects in
      ScratchList<StoredContribution>.with(capacity: tokens.count) { terms in
        AspectDetector(resources: resources).detect(tokens, items: items, aspects: &aspects, terms: &terms)
        return SentimentDetails.make(
          text: text, resources: resources, threshold: neutralThreshold, contributions: contributions,
          aspects: aspects, terms: terms)
      }
    }
  }

}
