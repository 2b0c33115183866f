import Foundation
import SupportSLA
import Testing

@Suite("Business calendar basics")
struct BusinessCalendarSmokeTests {
  @Test("a 24/7 calendar counts every second")
  func alwaysOpenCountsEverySecond() throws {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let end = start.addingTimeInterval(12_345)
    #expect(BusinessCalendar.alwaysOpen.businessTime(from: start, to: end) == 12_345)
    #expect(try BusinessCalendar.alwaysOpen.date(addingBusinessTime: 600, to: start) == start.addingTimeInterval(600))
  }
}
