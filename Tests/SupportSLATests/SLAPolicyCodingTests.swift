import Foundation
import SupportSLA
import SupportTickets
import Testing

@Suite("SLA policy JSON")
struct SLAPolicyCodingTests {
  static let documented = #"""
    {"policies":[
      {"name":"VIP dedicated","conditions":{"segments":["vip"],"planTiers":["dedicated"]},
       "targets":[{"metric":"firstResponse","within":"10m"},{"metric":"resolution","within":"2h",
                   "escalationDelays":["0m","30m"]}]},
      {"name":"Office hours billing","conditions":{"departments":["billing"],"priorities":["low","normal"]},
       "calendar":{"timeZone":"Europe/London","weekly":{"monday":[["09:00","17:00"]],"friday":[["09:00","17:00"]]}},
       "targets":[{"metric":"firstResponse","within":"4h","warningThresholds":[0.5]},
                  {"metric":"nextResponse","within":86400,"pauseStatuses":["waitingOnCustomer"]},
                  {"metric":"resolution","within":"3d","calendar":{"timeZone":"UTC","alwaysOpen":true}}]}
    ]}
    """#

  @Test("the documented example decodes with every field applied")
  func documentedExample() throws {
    let set = try SLAPolicySet.decode(from: Data(Self.documented.utf8))
    #expect(set.policies.map(\.name) == ["VIP dedicated", "Office hours billing"])
    let vip = set.policies[0]
    #expect(vip.conditions == SLAConditions(planTiers: [.dedicated], segments: ["vip"]))
    #expect(vip.target(for: .firstResponse)?.goal == 600)
    #expect(vip.target(for: .firstResponse)?.calendar.isAlwaysOpen == true)
    #expect(vip.target(for: .resolution)?.escalationDelays == [0, 1_800])
    let billing = set.policies[1]
    #expect(billing.conditions.priorities == [.low, .normal])
    let first = try #require(billing.target(for: .firstResponse))
    #expect(first.calendar.timeZone.identifier == "Europe/London")  // the policy's calendar
    #expect(!first.calendar.isAlwaysOpen)
    #expect(first.warningThresholds == [0.5])
    #expect(first.pauseStatuses == [.waitingOnCustomer, .onHold])
    #expect(billing.target(for: .nextResponse)?.goal == 86_400)
    #expect(billing.target(for: .nextResponse)?.pauseStatuses == [.waitingOnCustomer])
    #expect(billing.target(for: .resolution)?.goal == TimeInterval(3 * 86_400))
    #expect(billing.target(for: .resolution)?.calendar.isAlwaysOpen == true)  // its own calendar wins
  }

  @Test("policy sets round-trip through JSON", arguments: [SLAPolicySet.hostingDefault])
  func roundTrip(set: SLAPolicySet) throws {
    let data = try JSONEncoder().encode(set)
    #expect(try SLAPolicySet.decode(from: data) == set)
    let documented = try SLAPolicySet.decode(from: Data(Self.documented.utf8))
    #expect(try SLAPolicySet.decode(from: JSONEncoder().encode(documented)) == documented)
  }

  @Test(
    "durations accept seconds and d/h/m/s text",
    arguments: [
      ("3600", 3_600.0), ("\"1h\"", 3_600), ("\"1h30m\"", 5_400), ("\"2d\"", 172_800), ("\"45s\"", 45),
      ("\"1d2h3m4s\"", 93_784), ("0.5", 0.5),
    ])
  func durations(text: String, seconds: TimeInterval) throws {
    let json = #"{"metric":"resolution","within":\#(text)}"#
    #expect(try JSONDecoder().decode(SLATarget.self, from: Data(json.utf8)).goal == seconds)
  }

  @Test(
    "invalid documents throw an SLAError naming the field",
    arguments: [
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":"soon"}]}]}"#,
        "policies[0].targets[0].within", "invalidDuration"
      ),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":"30m1h"}]}]}"#,
        "policies[0].targets[0].within", "invalidDuration"
      ),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":0}]}]}"#,
        "policies[0].targets[0].within", "invalidDuration"
      ),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"firstReply","within":60}]}]}"#,
        "policies[0].targets[0].metric", "invalidPolicy"
      ),
      (
        #"{"policies":[{"name":"P","conditions":{"priorities":["urgent"]},"targets":[{"metric":"resolution","within":60}]}]}"#,
        "policies[0].conditions.priorities[0]", "invalidPolicy"
      ),
      (
        #"{"policies":[{"name":"P","conditions":{"priority":["high"]},"targets":[{"metric":"resolution","within":60}]}]}"#,
        "policies[0].conditions.priority", "invalidPolicy"
      ),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":60,"pauseStatuses":["pending"]}]}]}"#,
        "policies[0].targets[0].pauseStatuses[0]", "invalidPolicy"
      ),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":60,"warningThresholds":[75]}]}]}"#,
        "policies[0].targets[0].warningThresholds[0]", "invalidThreshold"
      ),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":60,"escalationDelays":["-1m"]}]}]}"#,
        "policies[0].targets[0].escalationDelays[0]", "invalidDuration"
      ),
      (#"{"policies":[{"name":"P","targets":[]}]}"#, "policies[0].targets", "invalidPolicy"),
      (#"{"policies":[{"targets":[{"metric":"resolution","within":60}]}]}"#, "policies[0].name", "invalidPolicy"),
      (
        #"{"policies":[{"name":"P","targets":[{"metric":"resolution","within":60},{"metric":"resolution","within":90}]}]}"#,
        "policies[1 - 1].targets[1].metric", "invalidPolicy"
      ),
      (
        #"{"policies":[{"name":"P","calendar":{"timeZone":"Mars/Olympus"},"targets":[{"metric":"resolution","within":60}]}]}"#,
        "policies[0].calendar.timeZone", "unknownTimeZone"
      ),
      (#"{"policies":{}}"#, "policies", "invalidPolicy"),
      (#"[1,2"#, "(root)", "invalidPolicy"),
    ])
  func invalidDocuments(json: String, field: String, code: String) {
    let expectedField = field.replacingOccurrences(of: "1 - 1", with: "0")
    #expect {
      try SLAPolicySet.decode(from: Data(json.utf8))
    } throws: { error in
      guard let error = error as? SLAError else { return false }
      return error.field == expectedField && error.code.rawValue == code
    }
  }

  @Test("random bytes and mutated documents never crash the decoder")
  func fuzz() {
    var generator = SplitMix64(seed: 2026)
    let seed = Array(Self.documented.utf8)
    let alphabet = Array(#"{}[]",:0123456789.-abcdhmsz"#.utf8)
    for round in 0..<2_000 {
      var bytes = seed
      if round % 4 == 0 {
        bytes = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
        }
      } else {
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
          let index = Int.random(in: 0..<bytes.count, using: &generator)
          switch Int.random(in: 0..<3, using: &generator) {
          case 0: bytes[index] = alphabet.randomElement(using: &generator)!
          case 1: bytes.remove(at: index)
          default: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
          }
        }
      }
      do {
        _ = try SLAPolicySet.decode(from: Data(bytes))
      } catch {
        #expect(error is SLAError, "\(error)")
      }
    }
  }
}
