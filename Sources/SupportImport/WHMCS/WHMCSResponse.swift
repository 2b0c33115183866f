import Foundation

/// Which WHMCS API response a JSON document is, found from its fields.
enum WHMCSResponse {
  /// `GetTicket`: one ticket with its replies and notes.
  case ticket(Record)
  /// `GetTickets`: a page of the ticket list (no messages).
  case ticketList(Record)
  /// `GetClients`: a page of clients.
  case clients(Record)
  /// `GetClientsProducts`: a page of services (products a client bought).
  case products(Record)
  /// `GetInvoices`: a page of invoices.
  case invoices(Record)
  /// `GetCancelledPackages`: a page of cancellation requests.
  case cancellations(Record)

  /// The names the documentation and errors use.
  static let expected = "GetTicket, GetTickets, GetClients, GetClientsProducts, GetInvoices or GetCancelledPackages"

  /// Classifies a document.
  /// - Throws: ``ImportError`` `vendorError` for an API error response, `unrecognisedDocument` for anything else
  ///   that is not one of the responses read.
  static func classify(_ source: SourceDocument) throws(ImportError) -> WHMCSResponse {
    guard case .object(let flat) = source.root else {
      throw ImportError(
        .unrecognisedDocument, "expected a WHMCS API response object (\(expected))", file: source.file,
        line: source.line)
    }
    let record = Record(try WHMCSFlatKeys.expand(flat, in: source), path: "", in: source)
    if let result = try record.text("result"), result.lowercased() == "error" {
      let message = try record.text("message") ?? "no message"
      throw record.failure(.vendorError, "result", "WHMCS answered with an error", value: message)
    }
    let object = record.object
    if object.has("replies") || object.has("notes") || (object.has("ticketid") && object.has("subject")) {
      return .ticket(record)
    }
    if object.has("tickets") { return .ticketList(record) }
    if object.has("clients") { return .clients(record) }
    if object.has("products") { return .products(record) }
    if object.has("invoices") { return .invoices(record) }
    if object.has("packages") { return .cancellations(record) }
    throw ImportError(
      .unrecognisedDocument, "not a WHMCS response the importer reads (\(expected))", file: source.file,
      line: source.line)
  }
}
