import Foundation

/// The compact binary form of a ``TicketEvent`` inside journal and snapshot records.
///
/// Layout: kind tag (1 byte), event id (string), instant (zigzag varint of milliseconds since 1970),
/// author tag (0 customer, 1 agent, 2 system) and its id string, visibility (0 public, 1 internal),
/// then the kind's fields. Strings are a varint byte count followed by UTF-8; optionals a 0/1 marker.
/// Enumerations are written as their JSON names, so a new case never renumbers old files.
package enum EventBinaryCodec {
  private enum Tag: UInt8 {
    case created = 1
    case customerReply, agentReply, automatedMessage, internalNote
    case statusChanged, priorityChanged, departmentChanged, assigneeChanged
    case merged, mergedFrom, reopened
  }

  /// Appends the binary form of `event`.
  package static func encode(_ event: TicketEvent, into writer: inout ByteWriter) {
    switch event.kind {
    case .created(let opening):
      writer.write(Tag.created.rawValue)
      writeHeader(event, into: &writer)
      writer.write(opening.ticketID.rawValue)
      writer.write(opening.customerID.rawValue)
      writer.write(opening.subject)
      writer.write(opening.body)
      writer.write(opening.priority.rawValue)
      writer.write(opening.department.rawValue)
      writer.write(opening.channel.rawValue)
      if let service = opening.service {
        writer.write(1)
        writer.write(optional: service.serviceID?.rawValue)
        writer.write(service.tier.rawValue)
        writer.write(service.plan)
        writer.write(optional: service.domain)
        writer.write(optional: service.server)
      } else {
        writer.write(0)
      }
    case .customerReply(let body): writeText(.customerReply, event, body, into: &writer)
    case .agentReply(let body): writeText(.agentReply, event, body, into: &writer)
    case .automatedMessage(let body): writeText(.automatedMessage, event, body, into: &writer)
    case .internalNote(let body): writeText(.internalNote, event, body, into: &writer)
    case .statusChanged(let status): writeText(.statusChanged, event, status.rawValue, into: &writer)
    case .priorityChanged(let priority): writeText(.priorityChanged, event, priority.rawValue, into: &writer)
    case .departmentChanged(let department):
      writeText(.departmentChanged, event, department.rawValue, into: &writer)
    case .assigneeChanged(let agent):
      writer.write(Tag.assigneeChanged.rawValue)
      writeHeader(event, into: &writer)
      writer.write(optional: agent?.rawValue)
    case .merged(let target): writeText(.merged, event, target.rawValue, into: &writer)
    case .mergedFrom(let source): writeText(.mergedFrom, event, source.rawValue, into: &writer)
    case .reopened:
      writer.write(Tag.reopened.rawValue)
      writeHeader(event, into: &writer)
    }
  }

  private static func writeText(_ tag: Tag, _ event: TicketEvent, _ text: String, into writer: inout ByteWriter) {
    writer.write(tag.rawValue)
    writeHeader(event, into: &writer)
    writer.write(text)
  }

  private static func writeHeader(_ event: TicketEvent, into writer: inout ByteWriter) {
    writer.write(event.id.rawValue)
    writer.write(signed: Timestamp.milliseconds(event.instant))
    switch event.author {
    case .customer(let id):
      writer.write(0)
      writer.write(id.rawValue)
    case .agent(let id):
      writer.write(1)
      writer.write(id.rawValue)
    case .system:
      writer.write(2)
    }
    writer.write(event.visibility == .public ? 0 : 1)
  }

  /// Reads one event written by ``encode(_:into:)``.
  /// - Throws: ``ByteDecodingError`` for anything malformed (unknown tag, bad UTF-8, unknown status…).
  package static func decode(from reader: inout ByteReader) throws(ByteDecodingError) -> TicketEvent {
    guard let tag = Tag(rawValue: try reader.readByte()) else { throw reader.failure("unknown event kind") }
    let id = try reader.readIdentifier(EventID.self)
    let milliseconds = try reader.readSigned()
    // The range `Timestamp.milliseconds` writes (it clamps to ±8.64e15 ms, the limits of ECMAScript dates).
    guard milliseconds >= -8_640_000_000_000_000, milliseconds <= 8_640_000_000_000_000 else {
      throw reader.failure("instant \(milliseconds) ms is out of range")
    }
    let instant = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    let author: TicketAuthor
    switch try reader.readByte() {
    case 0: author = .customer(try reader.readIdentifier(CustomerID.self))
    case 1: author = .agent(try reader.readIdentifier(AgentID.self))
    case 2: author = .system
    default: throw reader.failure("unknown author role")
    }
    let visibility: EventVisibility
    switch try reader.readByte() {
    case 0: visibility = .public
    case 1: visibility = .internal
    default: throw reader.failure("unknown visibility")
    }
    let kind = try decodeKind(tag, from: &reader)
    return TicketEvent(id: id, instant: instant, author: author, visibility: visibility, kind: kind)
  }

  private static func decodeKind(_ tag: Tag, from reader: inout ByteReader) throws(ByteDecodingError)
    -> TicketEvent.Kind
  {
    switch tag {
    case .created: return .created(try decodeOpening(from: &reader))
    case .customerReply: return .customerReply(body: try reader.readString())
    case .agentReply: return .agentReply(body: try reader.readString())
    case .automatedMessage: return .automatedMessage(body: try reader.readString())
    case .internalNote: return .internalNote(body: try reader.readString())
    case .statusChanged: return .statusChanged(to: try decodeEnum(TicketStatus.self, from: &reader))
    case .priorityChanged: return .priorityChanged(to: try decodeEnum(Priority.self, from: &reader))
    case .departmentChanged: return .departmentChanged(to: Department(rawValue: try reader.readString()))
    case .assigneeChanged: return .assigneeChanged(to: try reader.readOptionalIdentifier(AgentID.self))
    case .merged: return .merged(into: try reader.readIdentifier(TicketID.self))
    case .mergedFrom: return .mergedFrom(try reader.readIdentifier(TicketID.self))
    case .reopened: return .reopened
    }
  }

  private static func decodeOpening(from reader: inout ByteReader) throws(ByteDecodingError) -> TicketOpening {
    let ticketID = try reader.readIdentifier(TicketID.self)
    let customerID = try reader.readIdentifier(CustomerID.self)
    let subject = try reader.readString()
    let body = try reader.readString()
    let priority = try decodeEnum(Priority.self, from: &reader)
    let department = Department(rawValue: try reader.readString())
    let channel = Channel(rawValue: try reader.readString())
    var service: ServiceReference?
    switch try reader.readByte() {
    case 0: service = nil
    case 1:
      let serviceID = try reader.readOptionalIdentifier(ServiceID.self)
      let tier = try decodeEnum(PlanTier.self, from: &reader)
      service = ServiceReference(
        serviceID: serviceID, tier: tier, plan: try reader.readString(), domain: try reader.readOptionalString(),
        server: try reader.readOptionalString())
    default: throw reader.failure("invalid service marker")
    }
    return TicketOpening(
      ticketID: ticketID, customerID: customerID, subject: subject, body: body, priority: priority,
      department: department, channel: channel, service: service)
  }

  private static func decodeEnum<Value: RawRepresentable<String>>(_ type: Value.Type, from reader: inout ByteReader)
    throws(ByteDecodingError) -> Value
  {
    let name = try reader.readString()
    guard let value = Value(rawValue: name) else { throw reader.failure("unknown \(Value.self) '\(name.prefix(40))'") }
    return value
  }
}
