import Foundation

// The kinds of message of issue 14's loop: the age guard, surveys, suggestions, incidents and maintenance overruns.
extension MessageKind {
  /// Staff: a ticket is still not resolved or closed past the age guard's limit (24 h by default), whatever its
  /// pauses — on-hold time and time waiting on the customer count.
  public static let openPastAgeLimit: MessageKind = "openPastAgeLimit"
  /// Customer: how did we do? A satisfaction survey (CSAT after a resolve, or the scheduled NPS question) with a
  /// signed, single-use answer link.
  public static let satisfactionSurvey: MessageKind = "satisfactionSurvey"
  /// Customer: a suggestion you made is done.
  public static let suggestionDone: MessageKind = "suggestionDone"
  /// Customer: an incident affects your services.
  public static let incidentStart: MessageKind = "incidentStart"
  /// Customer: news about an incident that affects your services (a staff update or the periodic update).
  public static let incidentUpdate: MessageKind = "incidentUpdate"
  /// Customer: the incident is resolved.
  public static let incidentResolved: MessageKind = "incidentResolved"
  /// Customer: maintenance is taking longer than planned; here is the new estimate.
  public static let maintenanceOverrun: MessageKind = "maintenanceOverrun"
  /// Staff: a maintenance window passed its planned end (or its last estimate) without being marked done.
  public static let maintenanceOverrunAlert: MessageKind = "maintenanceOverrunAlert"
}

// The customer texts of those messages.
extension NotificationTemplateName {
  /// `{customerName} {ticketID} {ticketSubject} {surveyLink} {expires} {hostName}`: rate the support on a resolved
  /// ticket (CSAT 1–5, with an optional comment).
  public static let satisfactionSurvey: NotificationTemplateName = "satisfactionSurvey"
  /// `{customerName} {surveyLink} {expires} {hostName}`: how likely are you to recommend us (NPS 0–10)?
  public static let npsSurvey: NotificationTemplateName = "npsSurvey"
  /// `{customerName} {suggestion} {note} {hostName}`: your suggestion is done (`{note}` may be empty).
  public static let suggestionDone: NotificationTemplateName = "suggestionDone"
  /// `{customerName} {services} {started} {summary} {hostName}`.
  public static let incidentStart: NotificationTemplateName = "incidentStart"
  /// `{customerName} {services} {started} {update} {hostName}`.
  public static let incidentUpdate: NotificationTemplateName = "incidentUpdate"
  /// `{customerName} {services} {started} {resolved} {summary} {hostName}`.
  public static let incidentResolved: NotificationTemplateName = "incidentResolved"
  /// `{customerName} {services} {plannedEnd} {estimate} {hostName}`.
  public static let maintenanceOverrun: NotificationTemplateName = "maintenanceOverrun"
}
