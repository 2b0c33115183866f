import Foundation
import HostingSupport
import SupportTickets

extension NotificationTransportConformance {
  static let allChecks: [Check] = [
    Check(name: "delivers a valid notification with its idempotency key unchanged") { subject in
      let sent = Fixtures.notification(key: "conformance/basic/1")
      try await send(sent, with: subject, check: "basic delivery")
      try await expectDelivered([sent], subject: subject, check: "basic delivery")
    },
    Check(name: "delivers text in English, Malay and Lao with quotes, markup and emoji intact") { subject in
      let notifications = Fixtures.customers.prefix(3).enumerated().map { index, customer in
        Fixtures.customerNotification(key: "conformance/text/\(index)", customer: customer)
      }
      for notification in notifications { try await send(notification, with: subject, check: "text") }
      try await expectDelivered(notifications, subject: subject, check: "text")
    },
    Check(name: "refuses an invalid notification by throwing and delivers nothing") { subject in
      var emptyKey = Fixtures.notification(key: "")
      emptyKey.subject = "no key"
      var noRecipient = Fixtures.customerNotification(key: "conformance/invalid/no-recipient")
      noRecipient.customerID = nil
      for invalid in [emptyKey, noRecipient] {
        var accepted = true
        do {
          try await subject.transport.send(invalid)
        } catch {
          accepted = false
        }
        if accepted {
          throw NotificationTransportConformanceFailure(
            check: "invalid",
            message: "send accepted an invalid notification (key \"\(invalid.idempotencyKey)\")"
          )
        }
      }
      let received = try await subject.received()
      guard received.isEmpty else {
        throw NotificationTransportConformanceFailure(
          check: "invalid",
          message: "\(received.count) invalid notification(s) were delivered"
        )
      }
    },
    Check(name: "accepts the same notification twice and every copy carries the same key") { subject in
      let sent = Fixtures.notification(key: "conformance/repeat/1")
      try await send(sent, with: subject, check: "repeat")
      try await send(sent, with: subject, check: "repeat")
      let received = try await subject.received()
      guard !received.isEmpty, received.allSatisfy({ $0.idempotencyKey == sent.idempotencyKey }) else {
        throw NotificationTransportConformanceFailure(
          check: "repeat",
          message: "expected one or two copies keyed \(sent.idempotencyKey), got keys \(received.map(\.idempotencyKey))"
        )
      }
    },
    Check(name: "delivers every notification of concurrent sends") { subject in
      let notifications = (0..<16).map { Fixtures.notification(key: "conformance/concurrent/\($0)") }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for notification in notifications {
          group.addTask { try await send(notification, with: subject, check: "concurrent") }
        }
        try await group.waitForAll()
      }
      try await expectDelivered(notifications, subject: subject, check: "concurrent")
    },
    Check(name: "keeps long keys with slashes, colons and non-ASCII characters exactly") { subject in
      let key = "maintenance/MW-2026-11/cust-ລາວ:advance-72h/" + String(repeating: "k", count: 300)
      let sent = Fixtures.notification(key: key)
      try await send(sent, with: subject, check: "keys")
      try await expectDelivered([sent], subject: subject, check: "keys")
    },
  ]

  private static func send(
    _ notification: HostingSupport.OutboundMessage,
    with subject: Subject,
    check: String
  ) async throws {
    do {
      try await subject.transport.send(notification)
    } catch {
      throw NotificationTransportConformanceFailure(
        check: check,
        message: "send(\(notification.idempotencyKey)) threw \(error)"
      )
    }
  }

  private static func expectDelivered(
    _ sent: [HostingSupport.OutboundMessage],
    subject: Subject,
    check: String
  ) async throws {
    let received = try await subject.received()
    for notification in sent {
      let copies = received.filter { $0.idempotencyKey == notification.idempotencyKey }
      guard !copies.isEmpty else {
        throw NotificationTransportConformanceFailure(
          check: check,
          message: "nothing arrived with the key \(notification.idempotencyKey)"
        )
      }
      for copy in copies {
        if let arrived = copy.notification, arrived != notification {
          throw NotificationTransportConformanceFailure(
            check: check,
            message: "the notification \(notification.idempotencyKey) arrived changed: \(arrived)"
          )
        }
      }
    }
  }
}
