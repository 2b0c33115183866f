import FeedbackSentiment
import Foundation

extension HostingAspect {
  /// What a customer text calls this aspect, in the customer's language (the raw name for unknown aspects).
  /// - Parameter locale: The language.
  /// - Returns: A short noun phrase.
  public func displayName(in locale: MessageLocale) -> String {
    let names: [String: (String, String, String)] = [
      "supportSpeed": ("our response time", "masa tindak balas kami", "ຄວາມໄວໃນການຕອບກັບ"),
      "staffCompetence": ("our staff's help", "bantuan kakitangan kami", "ການຊ່ວຍເຫຼືອຂອງພະນັກງານ"),
      "uptime": ("service availability", "ketersediaan perkhidmatan", "ຄວາມພ້ອມໃຊ້ງານຂອງບໍລິການ"),
      "performance": ("speed and performance", "kelajuan dan prestasi", "ຄວາມໄວ ແລະ ປະສິດທິພາບ"),
      "pricing": ("pricing and billing", "harga dan bil", "ລາຄາ ແລະ ການຮຽກເກັບເງິນ"),
      "communication": ("our communication", "komunikasi kami", "ການສື່ສານຂອງພວກເຮົາ"),
      "controlPanel": ("the control panel", "panel kawalan", "ແຜງຄວບຄຸມ"),
      "migration": ("your migration", "pemindahan laman anda", "ການຍ້າຍຂໍ້ມູນ"),
      "email": ("e-mail", "e-mel", "ອີເມວ"),
      "resolution": ("fixing your problem", "penyelesaian masalah anda", "ການແກ້ໄຂບັນຫາຂອງທ່ານ"),
      "clarity": ("how clearly we explained", "kejelasan penerangan kami", "ຄວາມຈະແຈ້ງຂອງຄຳອະທິບາຍ"),
    ]
    guard let name = names[rawValue] else { return rawValue }
    switch locale {
    case .english: return name.0
    case .malay: return name.1
    case .lao: return name.2
    }
  }
}
