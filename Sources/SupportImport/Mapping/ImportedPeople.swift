import Foundation
import SupportTickets

/// The kit ids of a vendor's customers and staff, and its department names, each derived once and shared by
/// every event that names them (so a million replies by one admin hold one copy of the id).
struct ImportedPeople {
  let vendor: String
  private let departments: NameTable<Department>
  private var agents: [String: AgentID] = [:]
  private var customers: [String: CustomerID] = [:]
  private var departmentNames: [String: Department] = [:]

  init(vendor: String, departments: [String: Department]) {
    self.vendor = vendor
    self.departments = NameTable(custom: departments)
  }

  /// A customer known by the vendor's number: `<vendor>-C<n>` (WHMCS clients) or `<vendor>-U<n>` (Zendesk users).
  mutating func customer(_ prefix: String, _ number: String) -> CustomerID {
    let key = prefix + number
    if let known = customers[key] { return known }
    let id = ImportedID.customer("\(vendor)-\(key)")
    customers[key] = id
    return id
  }

  /// A WHMCS client: `whmcs-C<userid>`.
  mutating func client(_ number: String) -> CustomerID { customer("C", number) }

  /// A customer the host names itself (a Zendesk user's `external_id`), made safe; `nil` when nothing usable
  /// is left.
  mutating func external(_ text: String) -> CustomerID? {
    let key = "external:" + text
    if let known = customers[key] { return known }
    let cleaned = SafeText.name(text)
    guard !cleaned.isEmpty else { return nil }
    let id = ImportedID.customer(cleaned)
    customers[key] = id
    return id
  }

  /// Someone who wrote without an account (a WHMCS guest ticket): `<vendor>-G<hash of the address>`, or
  /// `<vendor>-G-T<ticket>` when there is no address. The address itself never becomes part of an id.
  func guest(email: String?, ticket: String) -> CustomerID {
    guard let email else { return ImportedID.customer("\(vendor)-G-T\(ticket)") }
    let normalised = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    return ImportedID.customer("\(vendor)-G\(ImportedID.hash(normalised))")
  }

  /// A member of staff known by name (WHMCS names the admin of each reply and note): `whmcs-admin-<slug>`.
  mutating func agent(named name: String) -> AgentID {
    if let known = agents[name] { return known }
    let id = ImportedID.agent(vendor, "admin-" + SafeText.slug(name))
    agents[name] = id
    return id
  }

  /// A member of staff known by number (Zendesk): `zendesk-A<n>`.
  mutating func agent(number: String) -> AgentID {
    let key = "#" + number
    if let known = agents[key] { return known }
    let id = ImportedID.agent(vendor, "A" + number)
    agents[key] = id
    return id
  }

  /// The department the mapping gives a vendor key (a Zendesk group id), if any.
  func mappedDepartment(_ key: String) -> Department? { departments.value(for: key) }

  /// The kit department of a vendor department: the mapping's, else the name's slug.
  mutating func department(named name: String) -> Department {
    if let known = departmentNames[name] { return known }
    let department = departments.value(for: name) ?? Department(rawValue: SafeText.slug(name))
    departmentNames[name] = department
    return department
  }
}
