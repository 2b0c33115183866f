import Foundation
import SupportImport

/// The sample exports in `Examples/support-desk/samples`, written by the team from the vendors' public field
/// lists (see Documentation/Importing.md).
enum SampleExports {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/support-desk/samples")

  /// Every document of a vendor's sample folder, in name order.
  static func documents(_ vendor: String) throws -> [ImportDocument] {
    let directory = folder.appendingPathComponent(vendor)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    return try names.map {
      try ImportDocument(contentsOf: directory.appendingPathComponent($0))
    }
  }

  /// A vendor sample's mapping file.
  static func mapping(_ vendor: String) throws -> ImportMapping {
    let url = folder.appendingPathComponent("\(vendor)-mapping.json")
    return try ImportMapping(json: try Data(contentsOf: url), file: url.lastPathComponent)
  }

  /// The WHMCS sample's importer: the server in Vientiane (UTC+7, no clock changes) with the sample mapping.
  static func whmcs() throws -> WHMCSImporter {
    WHMCSImporter(timeZone: try ServerTimeZone(identifier: "Asia/Vientiane"), mapping: try mapping("whmcs"))
  }

  /// The Zendesk sample's importer with the sample mapping.
  static func zendesk() throws -> ZendeskImporter { ZendeskImporter(mapping: try mapping("zendesk")) }

  /// An in-memory document.
  static func document(_ json: String, name: String = "inline.json") -> ImportDocument {
    ImportDocument(name: name, data: Data(json.utf8))
  }

  /// An instant written as RFC 3339.
  static func instant(_ text: String) -> Date {
    (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: .nan)
  }
}
