import Foundation

/// Right-censored lifetimes counted per distinct time: how many subjects had the event and how many were
/// censored (still alive when last seen) at each time. Every survival estimate in this module is computed
/// from it.
///
/// The first row is always time 0 (the origin, as in lifelines' event table), holding whatever happened at
/// time 0 — often nothing; every other row has at least one subject.
///
/// The table is a mergeable aggregate: tables of disjoint sets of subjects combine with ``merging(_:)``
/// into exactly the table of all subjects, so shards can count locally and send only the table.
public struct SurvivalTable: Hashable, Sendable, Codable {
  /// 0, then the other distinct times, ascending.
  public private(set) var times: [Double]
  /// Events (e.g. cancellations) at each time.
  public private(set) var events: [Int]
  /// Subjects censored at each time (still alive at the end of observation).
  public private(set) var censored: [Int]

  /// An empty table (just the origin row).
  public init() {
    times = [0]
    events = [0]
    censored = [0]
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
    self.init()
    if durations.isEmpty { return }
    if !countWholeNumbers(durations, observed) {
      for (index, duration) in durations.enumerated() where !(duration.isFinite && duration >= 0) {
        throw .invalidArgument("duration \(duration) at index \(index) must be finite and ≥ 0")
      }
      countBySorting(durations, observed)
    }
  }

  /// Builds a table from counts already aggregated.
  /// - Parameters:
  ///   - times: Distinct times, strictly ascending, finite and ≥ 0 (a 0 row is added when missing).
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
    let hasOrigin = times.first == 0
    self.times = hasOrigin ? times : [0] + times
    self.events = hasOrigin ? events : [0] + events
    self.censored = hasOrigin ? censored : [0] + censored
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
    merged.times.removeAll()
    merged.events.removeAll()
    merged.censored.removeAll()
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

  /// Counts whole-number durations below 2²² into an array indexed by the duration; returns `false`
  /// (counting nothing) when some duration is not such a number, so the caller falls back to sorting.
  private mutating func countWholeNumbers(_ durations: [Double], _ observed: [Bool]) -> Bool {
    let limit = Double(1 << 22)
    let scan = durations.withUnsafeBufferPointer { durations -> (fractional: Int, minimum: Double, maximum: Double) in
      var fractional = 0
      var minimum = 0.0
      var maximum = 0.0
      for duration in durations {
        // Below 2⁵², adding and subtracting 2⁵² rounds to a whole number; NaN never compares equal.
        fractional += (duration + 0x1p52) - 0x1p52 == duration ? 0 : 1
        minimum = Swift.min(minimum, duration)
        maximum = Swift.max(maximum, duration)
      }
      return (fractional, minimum, maximum)
    }
    guard scan.fractional == 0, scan.minimum >= 0, scan.maximum < limit,
      Int(scan.maximum) <= 8 * durations.count + 1024
    else { return false }
    let slots = Int(scan.maximum) + 1
    // counts[2·t] = events at t, counts[2·t + 1] = censored at t.
    var counts = [Int32](repeating: 0, count: 2 * slots)
    counts.withUnsafeMutableBufferPointer { counts in
      durations.withUnsafeBufferPointer { durations in
        observed.withUnsafeBufferPointer { observed in
          for index in 0..<durations.count {
            counts[2 * Int(durations[index]) + (observed[index] ? 0 : 1)] &+= 1
          }
        }
      }
    }
    events[0] = Int(counts[0])
    censored[0] = Int(counts[1])
    for slot in 1..<slots where counts[2 * slot] != 0 || counts[2 * slot + 1] != 0 {
      append(Double(slot), Int(counts[2 * slot]), Int(counts[2 * slot + 1]))
    }
    return true
  }

  /// Sorts once: each subject becomes the key (bit pattern << 1) | observed. Non-negative doubles order like
  /// their bit patterns and never use the sign bit, so the shift loses nothing; runs of equal `key >> 1` are the
  /// distinct times, and the low bit counts events versus censorings.
  private mutating func countBySorting(_ durations: [Double], _ observed: [Bool]) {
    let total = durations.count
    var keys = [UInt64](unsafeUninitializedCapacity: total) { keys, count in
      durations.withUnsafeBufferPointer { durations in
        observed.withUnsafeBufferPointer { observed in
          for index in 0..<total {
            // + 0 turns -0.0 into 0.0.
            keys[index] = (durations[index] + 0).bitPattern << 1 | (observed[index] ? 1 : 0)
          }
        }
      }
      count = total
    }
    radixSort(&keys)
    // Rows are written once each, in order, into uninitialized storage.
    var rows = 0
    let capacity = total + 1
    var newTimes: [Double] = []
    var newEvents: [Int] = []
    var newCensored: [Int] = []
    keys.withUnsafeBufferPointer { keys in
      newTimes = [Double](unsafeUninitializedCapacity: capacity) { times, timesCount in
        newEvents = [Int](unsafeUninitializedCapacity: capacity) { events, eventsCount in
          newCensored = [Int](unsafeUninitializedCapacity: capacity) { censored, censoredCount in
            // Row 0 is the origin; durations equal to 0.0 count there.
            times[0] = 0
            events[0] = 0
            censored[0] = 0
            var index = 0
            while index < total {
              let time = keys[index] >> 1
              var eventCount = 0
              var runEnd = index
              while runEnd < total && keys[runEnd] >> 1 == time {
                eventCount &+= Int(keys[runEnd] & 1)
                runEnd += 1
              }
              if time != 0 {
                rows += 1
                times[rows] = Double(bitPattern: time)
                events[rows] = 0
                censored[rows] = 0
              }
              events[rows] += eventCount
              censored[rows] += runEnd - index - eventCount
              index = runEnd
            }
            censoredCount = rows + 1
          }
          eventsCount = rows + 1
        }
        timesCount = rows + 1
      }
    }
    times = newTimes
    events = newEvents
    censored = newCensored
  }
}

/// Sorts unsigned keys with a least-significant-digit radix sort. Keys are first offset by the smallest key,
/// so only the bits that vary are sorted, in as few passes of at most 16 bits as cover them (histograms of all
/// digits are taken in one read of the keys).
func radixSort(_ keys: inout [UInt64]) {
  guard keys.count > 1 else { return }
  if keys.count < 512 {
    keys.sort()
    return
  }
  var minimum = UInt64.max
  var maximum: UInt64 = 0
  for key in keys {
    minimum = min(minimum, key)
    maximum = max(maximum, key)
  }
  let bits = 64 - (maximum - minimum).leadingZeroBitCount
  guard bits > 0 else { return }
  let passes = (bits + 15) / 16
  let digitBits = (bits + passes - 1) / passes
  let radix = 1 << digitBits
  let mask = UInt64(radix - 1)
  var counts = [Int](repeating: 0, count: radix * passes)
  var buffer = [UInt64](repeating: 0, count: keys.count)
  keys.withUnsafeMutableBufferPointer { keys in
    counts.withUnsafeMutableBufferPointer { counts in
      for index in 0..<keys.count {
        let offset = keys[index] &- minimum
        keys[index] = offset
        var value = offset
        for pass in 0..<passes {
          counts[pass &* radix &+ Int(value & mask)] &+= 1
          value >>= UInt64(digitBits)
        }
      }
    }
  }
  for pass in 0..<passes {
    let base = pass * radix
    let shift = UInt64(pass * digitBits)
    keys.withUnsafeMutableBufferPointer { source in
      buffer.withUnsafeMutableBufferPointer { target in
        counts.withUnsafeMutableBufferPointer { counts in
          var total = 0
          for index in base..<(base + radix) {
            let count = counts[index]
            counts[index] = total
            total &+= count
          }
          for key in source {
            let slot = base &+ Int((key >> shift) & mask)
            target[counts[slot]] = key
            counts[slot] &+= 1
          }
        }
      }
    }
    swap(&keys, &buffer)
  }
  keys.withUnsafeMutableBufferPointer { keys in
    for index in 0..<keys.count { keys[index] &+= minimum }
  }
}

extension SurvivalTable {
  /// Decodes a table, checking it like ``init(times:events:censored:)``.
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` for arrays of different lengths, unsorted or negative times, or
  ///   negative counts.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        times: try container.decode([Double].self, forKey: .times),
        events: try container.decode([Int].self, forKey: .events),
        censored: try container.decode([Int].self, forKey: .censored))
    } catch let error as RetentionError {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
    }
  }
}
