import Foundation

// Real time is mapped onto the wall-clock line piece by piece. Between two offset changes of the zone, wall time is
// the instant plus the offset. After a spring-forward the wall clock resumes past the gap, so wall times inside it
// are never reached and a boundary there takes effect at the transition instant. After a fall-back the wall clock
// repeats an hour it has already shown; since intervals open and close the first time the clock reaches their
// times, nothing changes during that repeated stretch: it is open exactly when the wall second just before the
// jump was open.

extension BusinessCalendar {
  /// Whether business time is counting at an instant.
  ///
  /// - Parameter instant: The instant to test.
  /// - Returns: `true` when `instant` lies inside an opening interval and not on a holiday.
  /// - Complexity: O(log *t* + log *i* + log *h*) for *t* zone offset changes, *i* merged intervals and *h* holidays.
  public func isOpen(at instant: Date) -> Bool {
    if engine.isAlwaysOpen { return true }
    let time = instant.timeIntervalSince1970
    let zone = engine.zone
    let segment = zone.segment(containing: time)
    if let frozen = repeatedStretch(segment: segment), time < frozen.end {
      return frozen.isOpen
    }
    return engine.isOpen(wall: time + zone.offsets[segment])
  }

  /// The first instant at or after `instant` at which the calendar is open.
  ///
  /// Returns `instant` itself when the calendar is open then.
  ///
  /// - Parameter instant: Where to start looking.
  /// - Returns: The opening instant, or `nil` only if the calendar never opens again.
  /// - Complexity: O(log *t* + (*t*′ + *h*′ + 1)(log *i* + log *h*)) for *t* zone offset changes, *i* merged
  ///   intervals, *h* holidays, and the *t*′ offset changes and *h*′ consecutive holidays passed before the opening.
  public func nextOpening(after instant: Date) -> Date? {
    if engine.isAlwaysOpen { return instant }
    let zone = engine.zone
    var cursor = instant.timeIntervalSince1970
    guard cursor.isFinite else { return nil }
    var segment = zone.segment(containing: cursor)
    while segment < zone.offsets.count {
      let segmentEnd = segment < zone.transitions.count ? zone.transitions[segment] : .infinity
      if let frozen = repeatedStretch(segment: segment), cursor < frozen.end {
        if frozen.isOpen { return Date(timeIntervalSince1970: cursor) }
        cursor = frozen.end
      }
      if cursor < segmentEnd {
        let offset = zone.offsets[segment]
        let wall = engine.nextOpenWallTime(atOrAfter: cursor + offset)
        guard engine.isOpen(wall: wall) else { return nil }  // only for non-finite arithmetic
        if wall == cursor + offset { return Date(timeIntervalSince1970: cursor) }
        if wall - offset < segmentEnd { return Date(timeIntervalSince1970: max(cursor, wall - offset)) }
      }
      cursor = segmentEnd
      segment += 1
    }
    return nil
  }

  /// The open time in `[start, end)`: how many seconds of business time pass between two instants.
  ///
  /// With `end` before `start`, returns the negative of `businessTime(from: end, to: start)`.
  ///
  /// - Parameters:
  ///   - start: The first instant counted.
  ///   - end: The instant where counting stops (not counted).
  /// - Returns: Seconds of business time, negative when `end < start`.
  /// - Complexity: O(log *t* + (*t*′ + 1)(log *i* + log *h*)) for *t* zone offset changes, *i* merged intervals,
  ///   *h* holidays and *t*′ offset changes inside the range: whole weeks are counted at once and the holidays in
  ///   range are subtracted from running totals, never day by day.
  public func businessTime(from start: Date, to end: Date) -> TimeInterval {
    let from = start.timeIntervalSince1970
    let to = end.timeIntervalSince1970
    if to < from { return -businessTime(from: end, to: start) }
    if engine.isAlwaysOpen || !(to - from).isFinite { return engine.isAlwaysOpen ? to - from : 0 }
    let zone = engine.zone
    var total = 0.0
    var cursor = from
    var segment = zone.segment(containing: cursor)
    while cursor < to && segment < zone.offsets.count {
      let segmentEnd = segment < zone.transitions.count ? zone.transitions[segment] : .infinity
      if let frozen = repeatedStretch(segment: segment), cursor < frozen.end {
        let stop = min(frozen.end, to)
        if frozen.isOpen { total += stop - cursor }
        cursor = stop
      }
      let pieceEnd = min(segmentEnd, to)
      if cursor < pieceEnd {
        let offset = zone.offsets[segment]
        total += engine.openTime(fromWall: cursor + offset, to: pieceEnd + offset)
        cursor = pieceEnd
      }
      segment += 1
    }
    return total
  }

  /// The earliest instant at which `amount` of business time has passed since `start`.
  ///
  /// Adding 0 returns `start` unchanged, even outside opening hours. A start outside hours begins counting at the
  /// next opening. A deadline that lands exactly on the end of an open interval is that end instant (Friday 16:00
  /// plus one hour on a 09:00–17:00 calendar is Friday 17:00, not Monday's opening).
  ///
  /// - Parameters:
  ///   - amount: Seconds of business time, ≥ 0.
  ///   - start: Where counting starts.
  /// - Returns: The instant at which `businessTime(from: start, to: result) == amount`, the earliest such.
  /// - Throws: ``SLAError`` with code ``SLAError/Code/invalidAmount`` when `amount` is negative or not finite.
  /// - Complexity: O(log *t* + (*t*′ + 1)(log *i* + log *h*) + log *h*′ · log *i*) for *t* zone offset changes,
  ///   *i* merged intervals, *h* holidays, and *t*′ offset changes and *h*′ holidays passed: whole weeks are
  ///   jumped at once and the holidays in range are found by galloping search, never day by day.
  public func date(addingBusinessTime amount: TimeInterval, to start: Date) throws -> Date {
    guard amount >= 0, amount.isFinite else { throw SLAError.invalidAmount(amount) }
    if amount == 0 { return start }
    if engine.isAlwaysOpen { return start.addingTimeInterval(amount) }
    let zone = engine.zone
    var remaining = amount
    var cursor = start.timeIntervalSince1970
    guard cursor.isFinite else { return start }
    var segment = zone.segment(containing: cursor)
    while segment < zone.offsets.count {
      let segmentEnd = segment < zone.transitions.count ? zone.transitions[segment] : .infinity
      if let frozen = repeatedStretch(segment: segment), cursor < frozen.end {
        if frozen.isOpen {
          let available = frozen.end - cursor
          if available >= remaining { return Date(timeIntervalSince1970: cursor + remaining) }
          remaining -= available
        }
        cursor = frozen.end
      }
      if cursor < segmentEnd {
        let offset = zone.offsets[segment]
        let wallStart = cursor + offset
        let available =
          segmentEnd.isInfinite ? .infinity : engine.openTime(fromWall: wallStart, to: segmentEnd + offset)
        if available >= remaining {
          let wallEnd = engine.wallTime(adding: remaining, to: wallStart)
          return Date(timeIntervalSince1970: min(max(wallEnd - offset, cursor), segmentEnd))
        }
        remaining -= available
      }
      cursor = segmentEnd
      segment += 1
    }
    return Date(timeIntervalSince1970: cursor)
  }

  /// The stretch at the start of `segment` during which the wall clock repeats times after a fall-back, and
  /// whether it is open (as the wall second just before the jump was).
  @inline(__always)
  private func repeatedStretch(segment: Int) -> RepeatedStretch? {
    guard segment > 0 else { return nil }
    let zone = engine.zone
    let before = zone.offsets[segment - 1]
    let after = zone.offsets[segment]
    guard before > after else { return nil }
    let transition = zone.transitions[segment - 1]
    let end =
      segment < zone.transitions.count
      ? min(transition + before - after, zone.transitions[segment])
      : transition + before - after
    return RepeatedStretch(end: end, wallBeforeJump: transition + before, engine: engine)
  }
}

/// The real-time stretch after a fall-back during which the wall clock replays times it has shown.
private struct RepeatedStretch {
  /// Where the stretch ends (the wall clock is back where it was before the jump).
  var end: Double
  /// The wall time the clock showed just before jumping back.
  var wallBeforeJump: Double
  var engine: CalendarEngine

  /// Open exactly when the wall second just before the jump was open (integral boundaries: test its middle).
  var isOpen: Bool { engine.isOpen(wall: wallBeforeJump - 0.5) }
}
