import Foundation
import SupportSLA

/// Workloads for SupportSLA (issue 5).
func slaBenchmarks() -> [Benchmark] {
  slaCalendarBenchmarks()
}

// MARK: Business calendar

/// The calendar workload: Mon–Fri 09:00–12:00 and 13:00–17:00 in America/New_York with the US federal
/// holidays of 2026–2027 (~10 a year), random instants over those two years.
private func benchmarkCalendar() -> BusinessCalendar {
  let holidays = [
    "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
    "2026-11-11", "2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18",
    "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
  ]
  return try! BusinessCalendar(
    timeZone: TimeZone(identifier: "America/New_York")!,
    weekly: WeeklySchedule(
      days: Weekday.workdays,
      intervals: [try! OpeningInterval("09:00", "12:00"), try! OpeningInterval("13:00", "17:00")]),
    holidays: holidays.map { try! Holiday($0) })
}

private let twoYearsStart = 1_767_225_600.0  // 2026-01-01T00:00:00Z
private let twoYears = 730.0 * 86_400

func slaCalendarBenchmarks() -> [Benchmark] {
  let operations = 1_000_000
  return [
    Benchmark(
      name: "sla.calendar.business-time",
      summary: "businessTime(from:to:) between random instants over 2 years, NY Mon–Fri with lunch, ~10 holidays/yr",
      operations: operations,
      unit: "ops",
      goal: .throughput(atLeast: 1_000_000),
      prepare: {
        let calendar = benchmarkCalendar()
        var random = SeededGenerator(seed: 5)
        let pairs = (0..<operations).map { _ in
          (
            Date(timeIntervalSince1970: twoYearsStart + Double.random(in: 0..<twoYears, using: &random)),
            Date(timeIntervalSince1970: twoYearsStart + Double.random(in: 0..<twoYears, using: &random))
          )
        }
        return {
          var total = 0.0
          for (start, end) in pairs { total += calendar.businessTime(from: start, to: end) }
          blackHole(total)
        }
      }
    ),
    Benchmark(
      name: "sla.calendar.add-business-time",
      summary: "date(addingBusinessTime:to:) of 0–1000 business hours from random instants over 2 years, same calendar",
      operations: operations,
      unit: "ops",
      goal: .throughput(atLeast: 1_000_000),
      prepare: {
        let calendar = benchmarkCalendar()
        var random = SeededGenerator(seed: 6)
        let inputs = (0..<operations).map { _ in
          (
            Date(timeIntervalSince1970: twoYearsStart + Double.random(in: 0..<(twoYears / 2), using: &random)),
            Double.random(in: 0..<(1000 * 3600), using: &random).rounded()
          )
        }
        return {
          var total = 0.0
          for (start, amount) in inputs {
            total += try calendar.date(addingBusinessTime: amount, to: start).timeIntervalSince1970
          }
          blackHole(total)
        }
      }
    ),
    Benchmark(
      name: "sla.calendar.is-open",
      summary: "isOpen(at:) at random instants over 2 years, same calendar",
      operations: operations,
      unit: "ops",
      prepare: {
        let calendar = benchmarkCalendar()
        var random = SeededGenerator(seed: 7)
        let instants = (0..<operations).map { _ in
          Date(timeIntervalSince1970: twoYearsStart + Double.random(in: 0..<twoYears, using: &random))
        }
        return {
          var count = 0.0
          for instant in instants where calendar.isOpen(at: instant) { count += 1 }
          blackHole(count)
        }
      }
    ),
  ]
}
