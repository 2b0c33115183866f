import Foundation
import RetentionMetrics

/// The part of ``DeskState`` that closes the host's loop with its customers: satisfaction surveys and their
/// answers, the suggestions board, incidents and the tickets linked to them. The fold of their ``DeskChange``s.
struct DeskLoopState: Sendable {
  /// Surveys requested, by id, and their ids in request order.
  private(set) var surveys: [SurveyID: SatisfactionSurvey] = [:]
  private(set) var surveyOrder: [SurveyID] = []
  /// Tickets that were sent a CSAT survey (one per ticket, ever).
  private(set) var surveyedTickets: Set<TicketID> = []
  /// The latest NPS request of each customer.
  private(set) var lastNPSRequest: [CustomerID: Date] = [:]
  /// Answers, by survey: a survey with an answer is used.
  private(set) var answers: [SurveyID: SurveyAnswer] = [:]
  /// Suggestions, by id, and their ids in arrival order.
  private(set) var suggestions: [SuggestionID: Suggestion] = [:]
  private(set) var suggestionOrder: [SuggestionID] = []
  /// Incidents, by id, and their ids in declaration order.
  private(set) var incidents: [IncidentID: IncidentRecord] = [:]
  private(set) var incidentOrder: [IncidentID] = []
  /// Linked tickets, per incident in linking order, and the incident of each linked ticket.
  private(set) var links: [IncidentID: [IncidentLink]] = [:]
  private(set) var incidentOfTicket: [TicketID: IncidentID] = [:]

  /// The surveys in request order.
  var allSurveys: [SatisfactionSurvey] { surveyOrder.compactMap { surveys[$0] } }
  /// The suggestions in arrival order.
  var allSuggestions: [Suggestion] { suggestionOrder.compactMap { suggestions[$0] } }
  /// The incidents in declaration order.
  var allIncidents: [IncidentRecord] { incidentOrder.compactMap { incidents[$0] } }
  /// The incidents that still last, in declaration order.
  var ongoingIncidents: [IncidentRecord] { allIncidents.filter(\.isOngoing) }

  /// How many records a compaction would write (before dropping history).
  var liveRecordCount: Int {
    surveys.count + answers.count + suggestions.count + incidents.count + links.values.reduce(0) { $0 + $1.count }
  }

  /// Folds one change in; changes of other kinds are ignored. Folding a change again leaves the state as it is.
  mutating func apply(_ change: DeskChange) {
    switch change {
    case .surveyRequested(let survey):
      if surveys.updateValue(survey, forKey: survey.id) == nil { surveyOrder.append(survey.id) }
      if let ticket = survey.ticketID { surveyedTickets.insert(ticket) }
      if survey.kind == .nps {
        lastNPSRequest[survey.customerID] = max(lastNPSRequest[survey.customerID] ?? .distantPast, survey.requestedAt)
      }
    case .surveyAnswered(let answer):
      if answers[answer.surveyID] == nil { answers[answer.surveyID] = answer }
    case .suggestion(let suggestion):
      if let current = suggestions[suggestion.id], current.revision > suggestion.revision { return }
      if suggestions.updateValue(suggestion, forKey: suggestion.id) == nil { suggestionOrder.append(suggestion.id) }
    case .incident(let record, _):
      if let current = incidents[record.id], current.revision > record.revision { return }
      if incidents.updateValue(record, forKey: record.id) == nil { incidentOrder.append(record.id) }
    case .incidentLinked(let link):
      guard incidentOfTicket[link.ticketID] == nil else { return }
      incidentOfTicket[link.ticketID] = link.incidentID
      links[link.incidentID, default: []].append(link)
    default:
      return
    }
  }

  /// The records that rebuild this state without history older than `cutoff`: surveys (with their answers)
  /// requested since; suggestions not done, or changed since; incidents still lasting or resolved since, with
  /// their links.
  func compactedChanges(droppingHistoryBefore cutoff: Date) -> [DeskChange] {
    var changes: [DeskChange] = []
    for survey in allSurveys where survey.requestedAt >= cutoff {
      changes.append(.surveyRequested(survey))
      if let answer = answers[survey.id] { changes.append(.surveyAnswered(answer)) }
    }
    for suggestion in allSuggestions where suggestion.status != .done || suggestion.updatedAt >= cutoff {
      changes.append(.suggestion(suggestion))
    }
    for record in allIncidents where record.resolvedAt.map({ $0 >= cutoff }) ?? true {
      changes.append(.incident(record, at: record.changedAt))
      for link in links[record.id] ?? [] { changes.append(.incidentLinked(link)) }
    }
    return changes
  }
}
