import FeedbackSentiment
import Foundation

/// Workloads for the reply clarity check (issue 14).
func clarityBenchmarks() -> [Benchmark] {
  [
    Benchmark(
      name: "clarity.check-10k-replies",
      summary: "ReplyClarityCheck on 10k agent replies (en/ms/lo, 2-6 sentences, jargon in some), language given",
      operations: 10_000, unit: "replies", goal: .throughput(atLeast: 10_000),
      prepare: {
        let check = try ReplyClarityCheck.bundled()
        let replies = ClarityWorkload.replies
        return {
          var hints = 0
          for (reply, language) in replies { hints += check.check(reply, language: language).count }
          blackHole(hints)
        }
      })
  ]
}

/// Seeded replies assembled from sentences of each language, built once.
private enum ClarityWorkload {
  static let sentences: [SentimentLanguage: [String]] = [
    .english: [
      "Thanks for your patience while we looked into this.",
      "The DNS propagation for your domain can take a few hours.",
      "Your MX records now point to our mail servers.",
      "I restarted PHP-FPM and the 502 Bad Gateway error is gone.",
      "The account had reached its inode limit because of old cache files in the backup folder that nobody used.",
      "I will check the site again tonight and update you.",
      "Please try clearing your browser cache and let us know.",
    ],
    .malay: [
      "Terima kasih kerana bersabar semasa kami menyemak perkara ini.",
      "Penyebaran DNS untuk domain anda boleh mengambil masa beberapa jam.",
      "Rekod MX anda kini menghala ke pelayan e-mel kami.",
      "Kami telah memulakan semula PHP-FPM dan ralat 502 sudah hilang.",
      "Kami akan menyemak laman anda sekali lagi malam ini.",
      "Sila cuba kosongkan cache pelayar anda dan maklumkan kepada kami.",
    ],
    .lao: [
      "ຂອບໃຈທີ່ລໍຖ້າ ພວກເຮົາໄດ້ກວດສອບບັນຫານີ້ແລ້ວ.",
      "ການຕັ້ງຄ່າ DNS ຂອງໂດເມນທ່ານອາດໃຊ້ເວລາສອງສາມຊົ່ວໂມງ.",
      "ພວກເຮົາໄດ້ເປີດ PHP-FPM ຄືນໃໝ່ແລ້ວ ແລະ ເວັບໄຊກັບມາໃຊ້ໄດ້.",
      "ພວກເຮົາຈະກວດຄືນອີກຄັ້ງໃນຄືນນີ້.",
      "ກະລຸນາລອງເປີດເວັບໄຊອີກຄັ້ງ ແລ້ວແຈ້ງໃຫ້ພວກເຮົາຮູ້.",
    ],
  ]

  static let replies: [(String, SentimentLanguage)] = {
    var generator = SeededGenerator(seed: 0xC1A2)
    let languages = SentimentLanguage.bundled
    return (0..<10_000).map { _ in
      let language = languages.randomElement(using: &generator)!
      let pool = sentences[language]!
      let count = Int.random(in: 2...6, using: &generator)
      return ((0..<count).map { _ in pool.randomElement(using: &generator)! }.joined(separator: " "), language)
    }
  }()
}
