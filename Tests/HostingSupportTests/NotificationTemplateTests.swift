import Foundation
import HostingSupport
import HostingSupportTestKit
import Testing

let allTemplateNames: [NotificationTemplateName] = [
  .progressUpdate, .maintenanceAdvance, .maintenanceStart, .maintenanceCompletion, .maintenanceCancelled,
  .maintenanceRescheduled, .feedbackFollowUp,
]

@Suite("Customer notification templates")
struct NotificationTemplateTests {
  static let values: [String: String] = [
    "customerName": "Khamphone", "ticketID": "T-42", "ticketSubject": "Mail bounces", "hostName": "ExampleHost",
    "services": "web01", "start": "2026-11-25 02:00 (UTC)", "end": "2026-11-25 04:00 (UTC)",
    "previousStart": "2026-11-24 02:00 (UTC)", "previousEnd": "2026-11-24 04:00 (UTC)",
    "description": "Kernel upgrade.", "aspect": "support speed",
  ]

  @Test(
    "every template exists in English, Malay and Lao and renders with its documented values",
    arguments: allTemplateNames)
  func everyLanguage(name: NotificationTemplateName) throws {
    var bodies: Set<String> = []
    for locale in MessageLocale.allCases {
      let template = try #require(MessageTemplateCatalog.standard.template(named: name, locale: locale))
      let rendered = try template.render(Self.values)
      #expect(!rendered.subject.contains("{") && !rendered.body.contains("{"))
      #expect(rendered.body.contains(Self.values["hostName"]!))
      bodies.insert(rendered.body)
    }
    #expect(bodies.count == 3, "each language has its own text")
  }

  @Test("Malay texts are in Malay and Lao texts in Lao script")
  func languageOfText() throws {
    let malay = try MessageTemplateCatalog.standard.render(
      .maintenanceAdvance, locale: .malay, values: Self.values)
    #expect(malay.body.contains("penyelenggaraan"))
    let lao = try MessageTemplateCatalog.standard.render(.maintenanceAdvance, locale: .lao, values: Self.values)
    let laoLetters = lao.body.unicodeScalars.filter { (0x0E80...0x0EFF).contains($0.value) }
    #expect(laoLetters.count > 50)
  }

  @Test("values cannot inject placeholders, line breaks or bidirectional overrides")
  func plainTextEscaping() throws {
    let template = MessageTemplate(subject: "Hi {name}", body: "Dear {name},\nticket {ticket}")
    let rendered = try template.render([
      "name": "Eve\r\nBcc: all@example.com {ticket}", "ticket": "T-1\u{202E}fdp.exe",
    ])
    #expect(rendered.subject == "Hi Eve Bcc: all@example.com {ticket}")
    #expect(rendered.body == "Dear Eve Bcc: all@example.com {ticket},\nticket T-1fdp.exe")
  }

  @Test("HTML output escapes values and template text")
  func htmlEscaping() throws {
    let template = MessageTemplate(subject: "Re: {subject}", body: "Q&A for {subject}\nBye")
    let rendered = try template.render(["subject": "<script>alert('x')</script> & \"more\""], format: .html)
    #expect(
      rendered.body
        == "Q&amp;A for &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;<br>\nBye"
    )
    #expect(rendered.subject == "Re: <script>alert('x')</script> & \"more\"", "subjects are plain text")
  }

  @Test("over-long values are cut to 200 characters with an ellipsis")
  func longValues() throws {
    let rendered = try MessageTemplate(subject: "{v}", body: "{v}").render([
      "v": String(repeating: "a", count: 500)
    ])
    #expect(rendered.body.count == 200)
    #expect(rendered.body.hasSuffix("…"))
  }

  @Test("a missing value is an invalidRequest error naming the placeholder")
  func missingValue() {
    let error = #expect(throws: HostingSupportError.self) {
      try MessageTemplate(subject: "x", body: "Hello {customerName}").render([:])
    }
    #expect(error?.code == .invalidRequest)
    #expect(error?.message.contains("{customerName}") == true)
  }

  @Test("braces that are not placeholders are kept as written")
  func literalBraces() throws {
    let rendered = try MessageTemplate(subject: "s", body: "JSON {\"a\": 1} and {} and {x").render([:])
    #expect(rendered.body == "JSON {\"a\": 1} and {} and {x")
  }

  @Test("a language missing from a custom catalog falls back to English")
  func fallback() throws {
    var catalog = MessageTemplateCatalog()
    catalog.setTemplate(
      MessageTemplate(subject: "Hello", body: "Hi {customerName}"), named: "welcome", locale: .english)
    let rendered = try catalog.render("welcome", locale: .lao, values: ["customerName": "Noy"])
    #expect(rendered.body == "Hi Noy")
    #expect(throws: HostingSupportError.self) { try catalog.render("unknown", locale: .english, values: [:]) }
  }

  @Test("the template lists its placeholders")
  func placeholders() {
    let template = MessageTemplate(subject: "{a} {b}", body: "{b} {c} {not a placeholder}")
    #expect(template.placeholders == ["a", "b", "c"])
  }
}
