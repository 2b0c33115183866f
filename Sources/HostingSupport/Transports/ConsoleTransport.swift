import Foundation
import SupportTickets

/// Prints notifications as readable blocks: for development, demos and command-line tools.
///
/// ```swift
/// let desk = SupportDesk(transport: ConsoleTransport())
/// ```
public struct ConsoleTransport: NotificationTransport {
  private let write: @Sendable (String) -> Void

  /// A transport writing to standard output.
  public init() {
    self.write = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
  }

  /// A transport handing each rendered block to `write` (a logger, a test buffer).
  /// - Parameter write: Receives one block per notification, ending with a blank line.
  public init(write: @escaping @Sendable (String) -> Void) {
    self.write = write
  }

  /// Prints the notification.
  /// - Parameter notification: The message.
  /// - Throws: ``HostingSupportError`` `invalidNotification` if it fails ``OutboundMessage/validate()``.
  public func send(_ notification: OutboundMessage) async throws {
    try notification.validate()
    write(Self.render(notification))
  }

  /// The block printed for a notification: a header line with audience, kind and key, then subject and body.
  /// Control characters other than newlines are removed so a message cannot rewrite the terminal.
  /// - Parameter notification: The message.
  /// - Returns: The text, ending with a blank line.
  public static func render(_ notification: OutboundMessage) -> String {
    let recipient = notification.customerID.map { "customer \($0.rawValue)" } ?? notification.audience.rawValue
    let header =
      "[\(notification.kind.rawValue)] to \(recipient) (\(notification.locale.rawValue)) "
      + "key=\(notification.idempotencyKey)"
    let text = [header, "Subject: \(notification.subject)", notification.body].map(Self.printable)
    return text.joined(separator: "\n") + "\n\n"
  }

  private static func printable(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { $0 == "\n" || $0.properties.generalCategory != .control }
      )
    )
  }
}
