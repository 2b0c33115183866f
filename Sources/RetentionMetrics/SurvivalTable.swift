import Foundation

/// Right-censored lifetimes counted per distinct time: how many subjects had the event and how many were
/// censored (still alive when last seen) at each time. Every survival estimate in this module is computed
/// from it.
///
/// The table is a mergeable aggregate: tables of disjoint sets of subjects combine with ``merging(_:)``
/// into exactly the table of all subjects, so shards can count locally and send only the table.
public struct SurvivalTable: Hashable, Sendable, Codable {
  /// The distinct times, ascending.
  public private(set) var times: [Double]
  /// Events (e.g. cancellations) at each time.
  public private(set) var events: [Int]
  /// Subjects censored at each time (still alive at the end of observation).
  public private(set) var censored: [Int]

  /// An empty table.
  public init() {
    times = []
    events = []
    censored = []
  }

  /// Counts lifetimes.
  ///
  /// Whole-number durations below 2²² (days, months) are counted into arrays indexed by the duration, in
  /// linear time; other durations are radix-sorted on their bit patterns.
  /// - Parameters:
  ///   - durations: Each subject's time to the event or to censoring; finite and ≥ 0.
  ///   - observed: Whether each subject's event was observed (`false` = censored).
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` when the arrays differ in length, or a
  ///   duration is negative, infinite or NaN.
  /// - Complexity: O(n) for whole-number durations below 2²², O(n) radix passes otherwise.
  public init(durations: [Double], observed: [Bool]) throws(RetentionError) {
    guard durations.count == observed.count else {
      throw .invalidArgument("durations (\(durations.count)) and observed flags (\(observed.count)) differ in length")
    }
    var maximum = 0.0
    var wholeNumbers = true
    for (index, duration) in durations.enumerated() {
      guard duration.isFinite, duration >= 0 else {
        throw .invalidArgument("duration \(duration) at index \(index) must be finite and ≥ 0")
      }
      if duration > maximum { maximum = duration }
      if wholeNumbers && duration.rounded(.towardZero) != duration { wholeNumbers = false }
    }
    self.init()
    if durations.isEmpty { return }
    if wholeNumbers && maximum < Double(1 << 22) && Int(maximum) <= 8 * durations.count + 1024 {
      countWholeNumbers(durations, observed, upTo: Int(maximum))
    } else {
      countBySorting(durations, observed)
    }
  }

  /// Builds a table from counts already aggregated.
  /// - Parameters:
  ///   - times: Distinct times, strictly ascending, finite and ≥ 0.
  ///   - events: Events at each time, ≥ 0.
  ///   - censored: Censored subjects at each time, ≥ 0.
  /// - Throws: ``RetentionError/Code-swift.struct/invalidArgument`` when the arrays are inconsistent.
  public init(times: [Double], events: [Int], censored: [Int]) throws(RetentionError) {
    guard times.count == events.count, times.count == censored.count else {
      throw .invalidArgument("times, events and censored must have the same length")
    }
    for index in times.indices {
      guard times[index].isFinite, times[index] >= 0, events[index] >= 0, censored[index] >= 0,
        index == 0 || times[index - 1] < times[index]
      else { throw .invalidArgument("survival table row \(index) is invalid or out of order") }
    }
    self.times = times
    self.events = events
    self.censored = censored
  }

  /// The number of subjects counted.
  public var subjectCount: Int { events.reduce(0, +) + censored.reduce(0, +) }

  /// Subjects still at risk just before each time: all subjects minus those who left earlier.
  public var atRisk: [Int] {
    var remaining = subjectCount
    var result = [Int](repeating: 0, count: times.count)
    for index in times.indices {
      result[index] = remaining
      remaining -= events[index] + censored[index]
    }
    return result
  }

  /// The table of both sets of subjects.
  /// - Parameter other: A table of other subjects.
  /// - Returns: The combined table, identical to counting all subjects at once.
  /// - Complexity: O(m + k) for tables of m and k rows.
  public func merging(_ other: SurvivalTable) -> SurvivalTable {
    var merged = SurvivalTable()
    var left = 0
    var right = 0
    while left < times.count || right < other.times.count {
      if right == other.times.count || (left < times.count && times[left] < other.times[right]) {
        merged.append(times[left], events[left], censored[left])
        left += 1
      } else if left == times.count || other.times[right] < times[left] {
        merged.append(other.times[right], other.events[right], other.censored[right])
        right += 1
      } else {
        merged.append(times[left], events[left] + other.events[right], censored[left] + other.censored[right])
        left += 1
        right += 1
      }
    }
    return merged
  }

  private mutating func append(_ time: Double, _ eventCount: Int, _ censoredCount: Int) {
    times.append(time)
    events.append(eventCount)
    censored.append(censoredCount)
  }

  private mutating func countWholeNumbers(_ durations: [Double], _ observed: [Bool], upTo maximum: Int) {
    var eventCounts = [Int32](repeating: 0, count: maximum + 1)
    var censoredCounts = [Int32](repeating: 0, count: maximum + 1)
    durations.withUnsafeBufferPointer { durations in
      observed.withUnsafeBufferPointer { observed in
        eventCounts.withUnsafeMutableBufferPointer { eventCounts in
          censoredCounts.withUnsafeMutableBufferPointer { censoredCounts in
            for index in 0..<durations.count {
              let slot = Int(durations[index])
              if observed[index] { eventCounts[slot] &+= 1 } else { censoredCounts[slot] &+= 1 }
            }
          }
        }
      }
    }
    for slot in 0...maximum where eventCounts[slot] != 0 || censoredCounts[slot] != 0 {
      append(Double(slot), Int(eventCounts[slot]), Int(censoredCounts[slot]))
    }
  }

  private mutating func countBySorting(_ durations: [Double], _ observed: [Bool]) {
    var eventKeys: [UInt64] = []
    var censoredKeys: [UInt64] = []
    let eventCount = observed.reduce(0) { $0 + ($1 ? 1 : 0) }
    eventKeys.reserveCapacity(eventCount)
    censoredKeys.reserveCapacity(durations.count - eventCount)
    for index in durations.indices {
      // Non-negative doubles order like their bit patterns; + 0 turns -0.0 into 0.0.
      let key = (durations[index] + 0).bitPattern
      if observed[index] { eventKeys.append(key) } else { censoredKeys.append(key) }
    }
    radixSort(&eventKeys)
    radixSort(&censoredKeys)
    var left = 0
    var right = 0
    while left < eventKeys.count || right < censoredKeys.count {
      let key =
        right == censoredKeys.count
        ? eventKeys[left] : left == eventKeys.count ? censoredKeys[right] : min(eventKeys[left], censoredKeys[right])
      var eventRun = 0
      while left < eventKeys.count && eventKeys[left] == key {
        eventRun += 1
        left += 1
      }
      var censoredRun = 0
      while right < censoredKeys.count && censoredKeys[right] == key {
        censoredRun += 1
        right += 1
      }
      append(Double(bitPattern: key), eventRun, censoredRun)
    }
  }
}

/// Sorts unsigned keys with a least-significant-digit radix sort on 16-bit digits, skipping digits that
/// are the same in every key.
func radixSort(_ keys: inout [UInt64]) {
  guard keys.count > 1 else { return }
  if keys.count < 256 {
    keys.sort()
    return
  }
  var allOnes = UInt64.max
  var anyOnes: UInt64 = 0
  for key in keys {
    allOnes &= key
    anyOnes |= key
  }
  let varying = allOnes ^ anyOnes
  var buffer = [UInt64](repeating: 0, count: keys.count)
  var counts = [Int](repeating: 0, count: 1 << 16)
  for shift in stride(from: 0, to: 64, by: 16) where (varying >> UInt64(shift)) & 0xFFFF != 0 {
    keys.withUnsafeMutableBufferPointer { source in
      buffer.withUnsafeMutableBufferPointer { target in
        counts.withUnsafeMutableBufferPointer { counts in
          for index in 0..<counts.count { counts[index] = 0 }
          for key in source { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
          var total = 0
          for index in 0..<counts.count {
            let count = counts[index]
            counts[index] = total
            total += count
          }
          for key in source {
            let digit = Int((key >> UInt64(shift)) & 0xFFFF)
            target[counts[digit]] = key
            counts[digit] += 1
          }
        }
      }
    }
    swap(&keys, &buffer)
  }
}
