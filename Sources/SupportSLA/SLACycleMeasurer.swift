import Foundation
import SupportTickets

/// Measures every cycle of one target over a ticket's timeline.
struct SLACycleMeasurer {
  let target: SLATarget
  let timeline: SLATicketTimeline
  let now: Date
  private var statusIndex = 0
  private var cycleNumber = 0

  init(target: SLATarget, timeline: SLATicketTimeline, now: Date) {
    self.target = target
    self.timeline = timeline
    self.now = now
  }

  /// Appends the status of every cycle that started by `now`, oldest first.
  mutating func measureAll(into output: inout [SLATargetStatus]) {
    let instants = timeline.statusInstants
    let statuses = timeline.statuses
    var index = 0
    var stretchNumber = 0
    var replyIndex = 0
    // Walk the active stretches: from a change to an active status until the next change to a solved one.
    while index < statuses.count {
      guard statuses[index].isActive else {
        index += 1
        continue
      }
      let start = instants[index]
      var endIndex = index + 1
      while endIndex < statuses.count, statuses[endIndex].isActive { endIndex += 1 }
      let end: Date? = endIndex < statuses.count ? instants[endIndex] : nil
      stretchNumber += 1
      switch target.metric {
      case .resolution:
        output.append(measure(from: start, to: end))
      case .firstResponse:
        if stretchNumber == 1 {
          let reply = timeline.publicReplies.first { $0 >= start }
          let fulfilment = [reply, end].compactMap { $0 }.min()
          output.append(measure(from: start, to: fulfilment))
        }
      case .nextResponse:
        let replies = timeline.publicReplies
        while replyIndex < replies.count, replies[replyIndex] < start { replyIndex += 1 }
        var cycleStart = start
        // Every public reply inside the stretch fulfils the running cycle and starts the next one.
        while replyIndex < replies.count, end.map({ replies[replyIndex] < $0 }) ?? true {
          let reply = replies[replyIndex]
          replyIndex += 1
          if reply == cycleStart { continue }
          output.append(measure(from: cycleStart, to: reply))
          cycleStart = reply
        }
        output.append(measure(from: cycleStart, to: end))
      }
      index = endIndex
    }
  }

  /// Measures one cycle from `start` until `end` (its fulfilment) or, when `end` is `nil`, until `now`.
  private mutating func measure(from start: Date, to end: Date?) -> SLATargetStatus {
    cycleNumber += 1
    let instants = timeline.statusInstants
    let statuses = timeline.statuses
    let limit = end ?? now
    let goal = target.goal
    let calendar = target.calendar
    while statusIndex + 1 < instants.count, instants[statusIndex + 1] <= start { statusIndex += 1 }
    var index = statusIndex
    var events: [SLAMetricEvent] = [SLAMetricEvent(.activated, at: start)]
    var elapsed: TimeInterval = 0
    var breachedAt: Date?
    var cursor = start
    var paused = isPause(statuses[index])
    if paused { events.append(SLAMetricEvent(.paused, at: start)) }
    while true {
      let nextChange = index + 1 < instants.count ? min(instants[index + 1], limit) : limit
      if !paused, nextChange > cursor {
        let counted = calendar.businessTime(from: cursor, to: nextChange)
        if breachedAt == nil, elapsed + counted >= goal,
          let deadline = try? calendar.date(addingBusinessTime: goal - elapsed, to: cursor),
          deadline < nextChange || (deadline == nextChange && (end == nil || nextChange != end))
        {
          breachedAt = deadline
          events.append(SLAMetricEvent(.breached, at: deadline))
        }
        elapsed += counted
      }
      guard nextChange < limit else { break }
      index += 1
      cursor = nextChange
      let nowPaused = isPause(statuses[index])
      if nowPaused != paused {
        events.append(SLAMetricEvent(nowPaused ? .paused : .resumed, at: cursor))
        paused = nowPaused
      }
    }
    if let end { events.append(SLAMetricEvent(.fulfilled, at: end)) }
    let state: SLAState
    let dueAt: Date?
    if let breachedAt {
      state = .breached
      dueAt = breachedAt
    } else {
      state = end != nil ? .achieved : (paused ? .paused : .running)
      dueAt = state == .paused ? nil : try? calendar.date(addingBusinessTime: max(0, goal - elapsed), to: limit)
    }
    return SLATargetStatus(
      metric: target.metric, cycle: cycleNumber, goal: goal, state: state, activatedAt: start, fulfilledAt: end,
      elapsed: elapsed, dueAt: dueAt, breachedAt: breachedAt, events: events)
  }

  private func isPause(_ status: TicketStatus) -> Bool {
    status.isActive && target.pauseStatuses.contains(status)
  }
}
