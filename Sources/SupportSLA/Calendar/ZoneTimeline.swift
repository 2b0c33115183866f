import Foundation

/// A time zone's UTC offsets as a sorted table of transitions, built once per zone and process.
///
/// Foundation's `TimeZone` is too slow to ask on every calendar operation, so the table lists every offset change
/// from 1900 to 2200 (as the zone database knows them); outside that range the edge offsets continue. Lookup is a
/// binary search.
final class ZoneTimeline: Sendable {
  /// Instants (seconds since 1970) at which the offset changes, ascending.
  let transitions: [Double]
  /// `offsets[k]` applies on `[transitions[k - 1], transitions[k])`; one more entry than `transitions`.
  let offsets: [Double]

  static let firstCovered = -2_208_988_800.0  // 1900-01-01T00:00:00Z
  static let lastCovered = 7_258_118_400.0  // 2200-01-01T00:00:00Z

  init(transitions: [Double], offsets: [Double]) {
    self.transitions = transitions
    self.offsets = offsets
  }

  convenience init(scanning timeZone: TimeZone) {
    var transitions: [Double] = []
    var offsets: [Double] = [
      Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Self.firstCovered)))
    ]
    var cursor = Date(timeIntervalSince1970: Self.firstCovered)
    while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
      next.timeIntervalSince1970 < Self.lastCovered, next > cursor
    {
      let instant = next.timeIntervalSince1970.rounded()
      let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
      if offset != offsets[offsets.count - 1] {
        transitions.append(instant)
        offsets.append(offset)
      }
      cursor = next
    }
    self.init(transitions: transitions, offsets: offsets)
  }

  /// The index of the offset in force at `instant`: the number of transitions at or before it.
  @inline(__always)
  func segment(containing instant: Double) -> Int {
    var low = 0
    var high = transitions.count
    while low < high {
      let middle = (low + high) >> 1
      if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The timeline of a zone, scanned on first use and then shared.
  static func timeline(for timeZone: TimeZone) -> ZoneTimeline {
    cache.timeline(for: timeZone)
  }

  private static let cache = ZoneTimelineCache()
}

private final class ZoneTimelineCache: @unchecked Sendable {
  // Guarded by `lock`.
  private var timelines: [String: ZoneTimeline] = [:]
  private let lock = NSLock()

  func timeline(for timeZone: TimeZone) -> ZoneTimeline {
    let key = timeZone.identifier
    lock.lock()
    if let cached = timelines[key] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    let built = ZoneTimeline(scanning: timeZone)
    lock.lock()
    defer { lock.unlock() }
    if let cached = timelines[key] { return cached }
    timelines[key] = built
    return built
  }
}
