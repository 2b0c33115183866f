import Foundation

extension NotificationTemplateName {
  /// `{supportURL} {hostName}`: the line the desk adds after every customer message whose sender has a support page
  /// — the reseller's for a reseller's customer, ``DeskConfiguration/hostSupportURL`` for the host's own. Set it to
  /// an empty text to add nothing.
  public static let supportFooter: NotificationTemplateName = "supportFooter"
}

// The support footer in every language of the standard catalog.
extension MessageTemplateCatalog {
  static let partnerTexts: [NotificationTemplateName: [MessageLocale: MessageTemplate]] = [
    .supportFooter: [
      .english: MessageTemplate(subject: "{hostName}", body: "Help and contact: {supportURL}"),
      .malay: MessageTemplate(subject: "{hostName}", body: "Bantuan dan hubungi: {supportURL}"),
      .lao: MessageTemplate(subject: "{hostName}", body: "ຊ່ວຍເຫຼືອ ແລະ ຕິດຕໍ່: {supportURL}"),
    ]
  ]
}
