import Foundation
import SupportImport
import Testing

@Suite("Secrets are redacted on the way in: bodies, names, ids and error messages")
struct RedactionOnImportTests {
  @Test("passwords pasted into replies never reach the file store's files")
  func fileStoreBytes() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let whmcs = try SampleExports.whmcs().tickets(from: try SampleExports.documents("whmcs"))
    let zendesk = try SampleExports.zendesk().tickets(from: try SampleExports.documents("zendesk"))
    let store = try FileTicketStore(directory: folder)
    _ = try await TicketImportWriter().write(whmcs.tickets + zendesk.tickets, to: store)
    let reply = try #require(try await store.ticket("whmcs-T101")?.events.first { $0.id == "whmcs-T101-r312" })
    #expect(reply.body?.contains("password: [redacted]") == true)
    await store.close()
    var bytes = Data()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      bytes += (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
    }
    for secret in ["Mekong!2024", "Sabaidee#99"] {
      #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) reached the disk")
    }
  }

  @Test("names that become ids and departments are redacted before they are used")
  func namesAndIDs() throws {
    let note = #"{"noteid":"3","date":"2024-01-02 09:30:00","message":"checking","admin":"Ana password: Hunter22x"}"#
    let document = WHMCSFixtures.ticket(notes: [note])
    let read = try WHMCSImporter(timeZone: .utc, mapping: ImportMapping()).tickets(from: [document])
    let author = try #require(read.tickets.first?.events.first { $0.id == "whmcs-T1-n3" }?.author)
    guard case .agent(let agent) = author else {
      Issue.record("not an agent: \(author)")
      return
    }
    #expect(!agent.rawValue.lowercased().contains("hunter22x"))
    #expect(agent.rawValue.hasPrefix("whmcs-admin-ana-password"))
  }

  @Test("a Zendesk external id holding a token does not become a customer id as it is")
  func externalIDs() throws {
    let document = SampleExports.document(
      """
      {"tickets":[{"id":1,"created_at":"2024-01-01T00:00:00Z","status":"open","requester_id":5,"subject":"Hi"}],
       "users":[{"id":5,"role":"end-user","external_id":"token=ghp_abcdefghijklmnopqrstuvwxyz0123456789"}]}
      """)
    let read = try ZendeskImporter(mapping: ImportMapping(zendeskExternalIDs: true)).tickets(from: [document])
    guard case .created(let opening)? = read.tickets.first?.opening.kind else {
      Issue.record("no ticket")
      return
    }
    #expect(!opening.customerID.rawValue.contains("ghp_abcdefghijklmnopqrstuvwxyz0123456789"))
  }

  @Test("rating comments and values quoted in errors are redacted")
  func commentsAndErrors() throws {
    let ratings = SampleExports.document(
      """
      {"satisfaction_ratings":[{"id":1,"requester_id":5,"ticket_id":9,"score":"bad",
        "comment":"You charged card 4111 1111 1111 1111 twice","created_at":"2024-01-01T00:00:00Z"}]}
      """)
    let read = try ZendeskImporter().tickets(from: [ratings])
    #expect(read.surveys.first?.comment?.contains("4111 1111 1111 1111") == false)
    #expect(read.surveys.first?.comment?.contains("[redacted card ending 1111]") == true)
    let error = MappingErrorTests.error {
      _ = try WHMCSImporter(timeZone: .utc).tickets(from: [WHMCSFixtures.ticket(status: "password: Hunter22x")])
    }
    #expect(error?.code == .unknownStatus)
    #expect(error?.description.contains("Hunter22x") == false)
  }

  @Test("a product's password field is never read")
  func productPasswords() throws {
    let book = try SampleExports.whmcs().subscriptions(from: try SampleExports.documents("whmcs"))
    #expect(!String(describing: book).contains("not-imported"))
  }
}
