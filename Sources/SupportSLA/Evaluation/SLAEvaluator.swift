public import Foundation
public import SupportTickets

/// Turns a ticket's timeline, a policy and an instant into the status of every SLA target.
///
/// How each metric's cycles start and end (the full rules are in the "SLA guide" article):
/// - **First response**: one cycle from creation; fulfilled by the first public agent reply (never an internal
///   note or an automated message), or by the resolution if the ticket is solved without one.
/// - **Next response** (periodic update): a cycle starts at creation, at every reopening and after every public
///   agent reply while the ticket is unresolved; the next public agent reply or the resolution fulfils it.
/// - **Resolution**: a cycle from creation until the ticket is resolved or closed; reopening starts a new cycle
///   and earlier cycles keep their outcome.
///
/// While the ticket is in one of a target's pause statuses its clock stops. Events after `now` are ignored, so
/// evaluating at an earlier instant replays the past.
///
/// ```swift
/// let evaluator = SLAEvaluator(policies: .hostingDefault)
/// if let status = evaluator.evaluate(SLASubject(ticket), now: now),
///    let resolution = status.current(.resolution) {
///   print(resolution.state, resolution.dueAt as Any)
/// }
/// ```
public struct SLAEvaluator: Sendable, Hashable {
  /// The policies tickets are matched against (first match wins).
  public var policies: SLAPolicySet

  /// Creates an evaluator.
  /// - Parameter policies: The policies; ``SLAPolicySet/hostingDefault`` by default.
  public init(policies: SLAPolicySet = .hostingDefault) { self.policies = policies }

  /// The SLA status of a ticket under the first policy that matches it.
  ///
  /// - Parameters:
  ///   - subject: The ticket and its customer's segment.
  ///   - now: The evaluation instant.
  /// - Returns: The status, or `nil` when no policy matches.
  /// - Complexity: O(*p* + *c*) for *p* policies and *c* status changes and public replies (the subject extracted
  ///   them from the events when it was created), plus the calendar arithmetic of each cycle.
  public func evaluate(_ subject: SLASubject, now: Date) -> SLAStatus? {
    // Read the policies in place: copying one retains its name, condition sets and targets.
    policies.policies.withUnsafeBufferPointer { policies in
      guard let index = SLAPolicySet.firstMatch(in: policies, for: subject) else { return nil }
      return Self.evaluate(subject.box, under: policies.baseAddress! + index, now: now)
    }
  }

  /// The SLA status of many tickets at one instant, each under the first policy that matches it.
  ///
  /// Prefer this to evaluating one subject at a time in a loop over an array: it reads each subject in place instead
  /// of copying it (a ticket copy retains every one of its properties).
  ///
  /// - Parameters:
  ///   - subjects: The tickets and their customers' segments.
  ///   - now: The evaluation instant.
  /// - Returns: One status per subject, in order; `nil` where no policy matches.
  /// - Complexity: O(*n*) evaluations for *n* subjects.
  public func evaluate(_ subjects: [SLASubject], now: Date) -> [SLAStatus?] {
    subjects.withUnsafeBufferPointer { buffer in
      var statuses: [SLAStatus?] = []
      statuses.reserveCapacity(buffer.count)
      for index in buffer.indices { statuses.append(evaluate(buffer[index], now: now)) }
      return statuses
    }
  }

  /// The SLA status of a ticket under a given policy (its conditions are not checked).
  ///
  /// - Parameters:
  ///   - ticket: The ticket.
  ///   - policy: The policy whose targets are measured.
  ///   - now: The evaluation instant; later events are ignored.
  /// - Returns: Every cycle of every target that started by `now`.
  /// - Complexity: O(*e*) for *e* events (this reads the ticket's timeline on every call; evaluate an
  ///   ``SLASubject`` to read it once), plus O(1) calendar operations per cycle and status change.
  public static func evaluate(_ ticket: Ticket, under policy: SLAPolicy, now: Date) -> SLAStatus {
    evaluate(SLASubject.Box.make(ticket), under: policy, now: now)
  }

  /// Evaluates a boxed ticket, reading its extracted timeline in place.
  static func evaluate(_ box: SLASubject.Box, under policy: SLAPolicy, now: Date) -> SLAStatus {
    withUnsafePointer(to: policy) { evaluate(box, under: $0, now: now) }
  }

  /// Evaluates a boxed ticket under a policy read in place (a policy passed by value out of a buffer is copied,
  /// which retains its name, condition sets and targets).
  static func evaluate(_ box: SLASubject.Box, under policy: UnsafePointer<SLAPolicy>, now: Date) -> SLAStatus {
    var targets: [SLATargetStatus] = []
    if box.createdAt <= now {
      let timeline = SLATicketTimeline(box, upTo: now)
      targets.reserveCapacity(policy.pointee.targets.count + timeline.publicReplies.count + 2)
      policy.pointee.targets.withUnsafeBufferPointer { policyTargets in
        for index in policyTargets.indices {
          SLACycleMeasurer.measureAll(policyTargets[index], over: timeline, now: now, into: &targets)
        }
      }
      // The timeline points into the box's buffers: keep the box alive until the clocks are measured.
      withExtendedLifetime(box) {}
    }
    return SLAStatus(
      ticketID: box.id, policyName: policy.pointee.name, priority: box.priority, department: box.department,
      evaluatedAt: now, targets: targets)
  }
}
