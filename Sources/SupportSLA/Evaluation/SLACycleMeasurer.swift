import Foundation
import SupportTickets

/// Measures every cycle of one target over a ticket's timeline.
///
/// Written as functions over borrowed inputs (no stored copies, no hashing) because it runs for every target of
/// every ticket a monitor scans.
enum SLACycleMeasurer {
  /// The statuses that never pause a clock: they end a cycle instead (the statuses that are not `isActive`; a
  /// bit test, where `isActive` is a call into SupportTickets).
  private static var solvedMask: UInt8 { TicketStatus.resolved.slaBit | TicketStatus.closed.slaBit }

  /// Appends the status of every cycle of `target` that started by `now`, oldest first.
  static func measureAll(
    _ target: SLATarget, over timeline: SLATicketTimeline, now: Date, into output: inout [SLATargetStatus]
  ) {
    let changes = timeline.changes
    let replies = timeline.publicReplies
    var cursor = Cursor()
    var index = 0
    var stretchNumber = 0
    var replyIndex = 0
    // Walk the active stretches: from a change to an active status until the next change to a solved one.
    while index < changes.count {
      guard changes[index].status.slaBit & solvedMask == 0 else {
        index += 1
        continue
      }
      let start = changes[index].instant
      var endIndex = index + 1
      while endIndex < changes.count, changes[endIndex].status.slaBit & solvedMask == 0 { endIndex += 1 }
      let end: Date? = endIndex < changes.count ? changes[endIndex].instant : nil
      stretchNumber += 1
      switch target.metric {
      case .resolution:
        output.append(measure(target, from: start, to: end, over: timeline, now: now, cursor: &cursor))
      case .firstResponse:
        if stretchNumber == 1 {
          var fulfilment = end
          if let reply = replies.first(where: { $0 >= start }), end.map({ reply < $0 }) ?? true {
            fulfilment = reply
          }
          output.append(measure(target, from: start, to: fulfilment, over: timeline, now: now, cursor: &cursor))
        }
      case .nextResponse:
        while replyIndex < replies.count, replies[replyIndex] < start { replyIndex += 1 }
        var cycleStart = start
        // Every public reply inside the stretch fulfils the running cycle and starts the next one.
        while replyIndex < replies.count, end.map({ replies[replyIndex] < $0 }) ?? true {
          let reply = replies[replyIndex]
          replyIndex += 1
          if reply == cycleStart { continue }
          output.append(measure(target, from: cycleStart, to: reply, over: timeline, now: now, cursor: &cursor))
          cycleStart = reply
        }
        output.append(measure(target, from: cycleStart, to: end, over: timeline, now: now, cursor: &cursor))
      }
      index = endIndex
    }
  }

  /// Where the previous cycle of a target left off: cycles are measured in order, so the status lookup only
  /// moves forward.
  struct Cursor {
    var changeIndex = 0
    var cycleNumber = 0
  }

  /// Measures one cycle from `start` until `end` (its fulfilment) or, when `end` is `nil`, until `now`.
  private static func measure(
    _ target: SLATarget, from start: Date, to end: Date?, over timeline: SLATicketTimeline, now: Date,
    cursor: inout Cursor
  ) -> SLATargetStatus {
    cursor.cycleNumber += 1
    let changes = timeline.changes
    let limit = end ?? now
    let goal = target.goal
    let pauseMask = target.pauseMask & ~solvedMask
    while cursor.changeIndex + 1 < changes.count, changes[cursor.changeIndex + 1].instant <= start {
      cursor.changeIndex += 1
    }
    var index = cursor.changeIndex
    var pauses: [SLAMetricEvent] = []
    var elapsed: TimeInterval = 0
    var breachedAt: Date?
    var from = start
    var paused = changes[index].status.slaBit & pauseMask != 0
    if paused { pauses.append(SLAMetricEvent(.paused, at: start)) }
    while true {
      let nextChange = index + 1 < changes.count ? min(changes[index + 1].instant, limit) : limit
      if !paused, nextChange > from {
        let counted = businessTime(from: from, to: nextChange, on: target.storage)
        if breachedAt == nil, elapsed + counted >= goal,
          let deadline = date(adding: goal - elapsed, to: from, on: target.storage),
          deadline < nextChange || (deadline == nextChange && (end == nil || nextChange != end))
        {
          breachedAt = deadline
        }
        elapsed += counted
      }
      guard nextChange < limit || (end == nil && index + 1 < changes.count && changes[index + 1].instant <= limit)
      else { break }
      // A change exactly at `now` has happened: it sets the state, though no time passes after it.
      index += 1
      from = nextChange
      let nowPaused = changes[index].status.slaBit & pauseMask != 0
      if nowPaused != paused {
        pauses.append(SLAMetricEvent(nowPaused ? .paused : .resumed, at: from))
        paused = nowPaused
      }
    }
    let state: SLAState
    let dueAt: Date?
    if let breachedAt {
      state = .breached
      dueAt = breachedAt
    } else {
      state = end != nil ? .achieved : (paused ? .paused : .running)
      dueAt =
        state == .paused
        ? nil : date(adding: max(0, goal - elapsed), to: limit, on: target.storage)
    }
    return SLATargetStatus(
      metric: target.metric, cycle: cursor.cycleNumber, goal: goal, state: state, activatedAt: start,
      fulfilledAt: end, elapsed: elapsed, dueAt: dueAt, breachedAt: breachedAt, pauseEvents: pauses)
  }

  /// ``BusinessCalendar/businessTime(from:to:)`` on a target's calendar, computed in place for a 24/7 calendar
  /// exactly as the calendar computes it.
  @inline(__always)
  private static func businessTime(from start: Date, to end: Date, on storage: SLATarget.Storage) -> TimeInterval {
    if storage.isAlwaysOpen {
      let from = start.timeIntervalSince1970
      let to = end.timeIntervalSince1970
      if to >= from { return to - from }
    }
    return storage.calendar.businessTime(from: start, to: end)
  }

  /// ``BusinessCalendar/date(addingBusinessTime:to:)`` on a target's calendar, `nil` where it throws; computed in
  /// place for a 24/7 calendar exactly as the calendar computes it.
  @inline(__always)
  private static func date(adding amount: TimeInterval, to start: Date, on storage: SLATarget.Storage) -> Date? {
    if storage.isAlwaysOpen {
      guard amount >= 0, amount.isFinite else { return nil }
      return amount == 0 ? start : start.addingTimeInterval(amount)
    }
    return try? storage.calendar.date(addingBusinessTime: amount, to: start)
  }
}
