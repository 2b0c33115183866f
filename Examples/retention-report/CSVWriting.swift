import Foundation
import RetentionMetrics

/// Writes the CSV files documented in the RetentionMetrics CSVFormats article (RFC 4180: a field with a comma, a
/// quote or a line break is quoted, a quote inside written twice), so `report` reads back what `sample` and
/// `convert` write.
enum CSVWriting {
  /// The subscriptions header, with the optional currency, partner and affiliate columns.
  static let subscriptionsHeader =
    "customer_id,subscription_id,plan,tier,channel,billing_period,start_date,end_date,mrr,currency,partner_id,affiliate_id"
  /// The surveys header.
  static let surveysHeader = "customer_id,date,kind,score"

  /// One field, quoted when it must be.
  static func field(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// One row of fields.
  static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

  /// A subscriptions file.
  static func subscriptions(_ subscriptions: [Subscription]) -> String {
    let rows = subscriptions.map { subscription in
      row([
        subscription.customer.rawValue, subscription.id.rawValue, subscription.plan, subscription.tier.rawValue,
        subscription.channel.rawValue, subscription.billingPeriod.rawValue, subscription.start.description,
        subscription.end?.description ?? "", subscription.mrr.decimalString, subscription.mrr.currency.code,
        subscription.partnerID?.rawValue ?? "", subscription.affiliateID?.rawValue ?? "",
      ])
    }
    return ([subscriptionsHeader] + rows).joined(separator: "\n") + "\n"
  }

  /// A surveys file.
  static func surveys(_ responses: [SurveyResponse]) -> String {
    let rows = responses.map {
      row([$0.customer.rawValue, $0.date.description, $0.kind.rawValue, String($0.score)])
    }
    return ([surveysHeader] + rows).joined(separator: "\n") + "\n"
  }
}
