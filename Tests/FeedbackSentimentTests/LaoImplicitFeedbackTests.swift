import FeedbackSentiment
import Foundation
import Testing

/// Lao hosting feedback that judges without a classic sentiment word (issue 15): outages that "go dark", faults
/// that come and go, wrong answers, lateness said by the sentence's frame, fixes done for the customer, and wishes
/// that ask for something without praising it. The sentences are our own, not lines of the dev or held-out sets.
@Suite("Lao implicit feedback")
struct LaoImplicitFeedbackTests {
  @Test(
    "Lao feedback without a classic sentiment word reads as the complaint or praise it is",
    arguments: [
      ("ເຊີບເວີດັບສາມເທື່ອໃນອາທິດນີ້", SentimentLabel.negative),
      ("ເວັບດັບຕັ້ງແຕ່ເຊົ້າ", .negative),
      ("ອີເມວຂຶ້ນໆລົງໆໝົດມື້", .negative),
      ("ເຂົ້າແຜງຄວບຄຸມໄດ້ເທື່ອເວັ້ນເທື່ອ", .negative),
      ("ພະນັກງານຕອບຜິດສອງເທື່ອ", .negative),
      ("ຖາມສາມເທື່ອ ບໍ່ເຄີຍຕອບຖືກ", .negative),
      ("ກວ່າຈະມີຄົນຕອບກໍສອງມື້", .negative),
      ("ສາມມື້ຈຶ່ງຕອບ", .negative),
      ("ຊັບພອດບອກວ່າທາງເຮົາໃຊ້ໄດ້ປົກກະຕິ", .negative),
      ("IP ຂອງຂ້ອຍຖືກບລັອກ", .negative),
      ("ແກ້ໄປສອງເທື່ອແລ້ວ ແຕ່ຍັງມີບັນຫາ", .negative),
      ("ຄູ່ມືໃນເວັບຍັງເປັນລຸ້ນເກົ່າ", .negative),
      ("ລາຍການ DNS ຊ້ຳກັນສອງອັນ", .negative),
      // ບໍ່ໄດ້ after its verb says "cannot".
      ("ເປີດແຜງຄວບຄຸມໃນມືຖືບໍ່ໄດ້", .negative),
      ("ສົ່ງໄຟລ໌ໃຫຍ່ທາງອີເມວບໍ່ໄດ້ ຕ້ອງໃຊ້ Google Drive", .negative),
      ("ລົງ plugin ໃໝ່ບໍ່ໄດ້", .negative),
      ("ອັບໂຫຼດໄຟລ໌ໃຫຍ່ບໍ່ຕິດຂັດ", .positive),
      ("ເຂົາເຈົ້າຊ່ວຍແກ້ໃຫ້ທັນທີ", .positive),
      ("ຕອນກາງຄືນກໍຍັງມີຄົນຕອບ ນັບຖືແທ້", .positive),
      ("ຫຼັງຍ້າຍມາເຊີບເວີໃໝ່ ເວັບເບົາຂຶ້ນ", .positive),
      ("ຕອບກັບມາໃນບໍ່ເທົ່າໃດນາທີ", .positive),
      ("ບັນຫາອີເມວຫາຍແລ້ວ", .positive),
      ("ລູກຄ້າຂອງຂ້ອຍຕັ້ງອີເມວໃຊ້ເອງໄດ້", .positive),
    ]
  )
  func implicitFeedback(_ text: String, _ label: SentimentLabel) {
    let result = bundledClassifier.classify(text)
    #expect(result.label == label, "\(result.score) \(result.explanation)")
  }

  @Test(
    "a Lao wish asks for something and praises nothing",
    arguments: [
      "ຖ້າມີແຜນລາຍເດືອນຈະດີຫຼາຍ",
      "ຖ້າມີຄູ່ມືພາສາລາວ ຈະຊ່ວຍໄດ້ຫຼາຍ",
      "ຖ້າມີປຸ່ມສຳຮອງຂໍ້ມູນ ຈະສະດວກຂຶ້ນ",
    ]
  )
  func wishIsNeutral(_ text: String) {
    let result = bundledClassifier.classify(text)
    #expect(result.label == .neutral, "\(result.score) \(result.explanation)")
    #expect(!result.explanation.contains { $0.amount > 0 })
  }

  @Test("praise before a wish stays praise")
  func praiseBeforeWish() {
    let result = bundledClassifier.classify("ຄູ່ມືດີຫຼາຍ ຖ້າມີຮູບປະກອບຈະດີກວ່າ")
    #expect(result.label == .positive, "\(result.score) \(result.explanation)")
  }

  @Test("ບລັອກ is a blog unless someone is blocked")
  func blogIsNeutral() {
    #expect(bundledClassifier.classify("ອ່ານບລັອກຂອງບໍລິສັດທຸກອາທິດ").label == .neutral)
    #expect(bundledClassifier.classify("ອີເມວຂອງຂ້ອຍໂດນບລັອກ").label == .negative)
  }

  @Test("ຈັກເທື່ອ after a negated word means not even once and strengthens the negation")
  func notEvenOnce() {
    let plain = bundledClassifier.classify("ບໍ່ເຄີຍຕອບຖືກ")
    let emphatic = bundledClassifier.classify("ບໍ່ເຄີຍຕອບຖືກຈັກເທື່ອ")
    #expect(plain.label == .negative)
    #expect(emphatic.score < plain.score)
  }

  @Test(
    "whether it was fixed names the resolution aspect in Lao",
    arguments: [
      ("ເຂົາເຈົ້າຊ່ວຍແກ້ໃຫ້ພາຍໃນມື້ດຽວ", SentimentLabel.positive),
      ("ບັນຫາອີເມວຫາຍແລ້ວ", .positive),
      ("ກູ້ຄືນໄຟລ໌ໄດ້ໝົດ ຂອບໃຈ", .positive),
      ("ແກ້ໄປສອງເທື່ອແລ້ວ ແຕ່ຍັງມີບັນຫາ", .negative),
      ("ຊັບພອດບອກວ່າທາງເຮົາໃຊ້ໄດ້ປົກກະຕິ", .negative),
    ]
  )
  func resolutionTerms(_ text: String, _ label: SentimentLabel) {
    let resolution = bundledClassifier.classify(text).aspects.first { $0.aspect == .resolution }
    #expect(resolution?.label == label, "\(bundledClassifier.classify(text).aspects)")
  }

  @Test(
    "the repetition mark ໆ strengthens the word before it once, doubled or spaced, and never the word after it",
    arguments: [("ຊ້າໆໆ ແພງ", "ຊ້າໆ ແພງ"), ("ເວັບຊ້າ ໆ ໆ", "ເວັບຊ້າໆ"), ("ດີໆ ໆ ໄວ", "ດີໆ ໄວ"), ("ໄວໆໆ", "ໄວໆ")]
  )
  func repetitionMarkBelongsToTheWordBefore(_ repeated: String, _ single: String) {
    let repeatedResult = bundledClassifier.classify(repeated)
    let singleResult = bundledClassifier.classify(single)
    #expect(repeatedResult.score == singleResult.score, "\(repeatedResult.explanation)")
    #expect(repeatedResult.explanation.filter { $0.rule == .intensifier }.count == 1)
  }

  @Test("ໆ after a word emphasises that word, not the sentiment word that follows")
  func repetitionMarkAttachesBackwards() {
    let result = bundledClassifier.classify("ຊ້າໆ ແພງ")
    let slow = result.explanation.firstIndex { $0.token == "ຊ້າ" }
    let mark = result.explanation.firstIndex { $0.rule == .intensifier }
    let expensive = result.explanation.firstIndex { $0.token == "ແພງ" }
    #expect(slow != nil && mark != nil && expensive != nil)
    if let slow, let mark, let expensive { #expect(slow < mark && mark < expensive) }
  }

  @Test("ບໍ່ໄດ້ before a sentiment word only negates it: its own value does not count")
  func inabilityYieldsToNegation() {
    let notExpensive = bundledClassifier.classify("ລາຄາບໍ່ໄດ້ແພງ")
    #expect(notExpensive.label == .positive, "\(notExpensive.explanation)")
    #expect(!notExpensive.explanation.contains { $0.rule == .fixedPhrase })
    let notGood = bundledClassifier.classify("ບໍ່ໄດ້ດີປານໃດ")
    #expect(notGood.label == .negative)
    #expect(!notGood.explanation.contains { $0.rule == .fixedPhrase })
  }

  @Test(
    "a dictionary word is not read as a term hidden in its letters",
    arguments: [("ວິດີໂອສອນຕັ້ງຄ່າອີເມວ", "ດີ"), ("ຂຽນລາຍງານຢ່າງລະອຽດ", "ຢ່າ")]
  )
  func noChanceTerms(_ text: String, _ hidden: String) {
    let result = bundledClassifier.classify(text)
    #expect(!result.explanation.contains { $0.token == hidden }, "\(result.explanation)")
  }

  @Test("a report written with care reads as praise, not as a negated one")
  func mannerIsNotNegation() {
    let result = bundledClassifier.classify("ຂຽນລາຍງານຢ່າງລະອຽດ")
    #expect(result.label == .positive, "\(result.explanation)")
    #expect(!result.explanation.contains { $0.rule == .negation })
  }

  @Test(
    "a solved problem: the complaint word before a Lao 'fixed' or 'gone' verdict no longer counts",
    arguments: ["ອີເມວທີ່ເຄີຍຊ້າແກ້ແລ້ວ", "ບັນຫາອີເມວຫາຍແລ້ວ", "ບັນຫາ SSL ແກ້ໄຂແລ້ວ ຂອບໃຈ"]
  )
  func solvedProblem(_ text: String) {
    let result = bundledClassifier.classify(text)
    #expect(result.label == .positive, "\(result.score) \(result.explanation)")
    let raw = result.explanation.filter { $0.rule != .model }.reduce(0) { $0 + $1.amount }
    let praise = result.explanation.filter { $0.amount > 0 && $0.rule != .negation }.reduce(0) { $0 + $1.amount }
    #expect(abs(raw - praise) < 1e-9, "only the verdict's praise is left")
  }

  @Test(
    "a reported or asked verdict solves nothing: the complaint keeps its value",
    arguments: ["ບັນຫາທີ່ພະນັກງານບອກວ່າແກ້ແລ້ວ ມື້ນີ້ເປັນອີກແລ້ວ", "ເວັບລົ່ມ ແກ້ແລ້ວບໍ?", "ເວັບລົ່ມ ແກ້ແລ້ວບໍ"]
  )
  func unsolvedVerdict(_ text: String) {
    let result = bundledClassifier.classify(text)
    #expect(!result.explanation.contains { $0.rule == .negation }, "\(result.explanation)")
    #expect(result.score < 0.2)
  }
}
