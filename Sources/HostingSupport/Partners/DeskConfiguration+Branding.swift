import Foundation

extension DeskConfiguration {
  /// Whom a customer's messages come from (white label).
  ///
  /// - A customer with a reseller (``CustomerProfile/partners``) hears from the reseller: its brand's display name,
  ///   sender address, support page and logo when the directory has a brand for it; the partner's name when the
  ///   reseller is in ``partners`` without a brand; and, when the reseller is missing from the directory (a
  ///   configuration mistake that ``SupportDesk/partnerHealth(now:options:rule:)`` reports), the reseller's id — never
  ///   the host's name.
  /// - Any other customer (direct, or only referred by an affiliate) hears from the host: ``hostName``,
  ///   ``hostSenderAddress`` and ``hostSupportURL``.
  /// - Parameter customer: The recipient.
  /// - Returns: The sender to put on the message and whose name fills `{hostName}`.
  public func sender(for customer: CustomerProfile) -> MessageSender {
    guard let resellerID = customer.partners.reseller else {
      return MessageSender(displayName: hostName, address: hostSenderAddress, supportURL: hostSupportURL)
    }
    guard let reseller = partners.partner(resellerID) else {
      return MessageSender(partnerID: resellerID, displayName: resellerID.rawValue)
    }
    guard let brand = reseller.brand else { return MessageSender(partnerID: resellerID, displayName: reseller.name) }
    return MessageSender(partnerID: resellerID, brand: brand)
  }

  /// The language a customer's messages are written in: the customer's own, unless their reseller's brand does
  /// not speak it — then the first of the brand's languages the kit writes (English, Malay, Lao), in the brand's
  /// order of preference. A brand that lists none of them, an unbranded reseller and the host keep the customer's
  /// language.
  /// - Parameter customer: The recipient.
  /// - Returns: The language to render the templates in.
  public func messageLocale(for customer: CustomerProfile) -> MessageLocale {
    guard let resellerID = customer.partners.reseller, let brand = partners.partner(resellerID)?.brand else {
      return customer.locale
    }
    let spoken = brand.languages.compactMap(MessageLocale.init(languageTag:))
    return spoken.contains(customer.locale) ? customer.locale : spoken.first ?? customer.locale
  }
}
