import Foundation
import Testing
import APIMachinery

@Suite struct TimestampTests {
    @Test func formatsRFC3339InUTCWithWholeSeconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_796_650_805.75)) == "2026-12-07T13:40:05Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59Z")
    }

    @Test func parsesWhatItFormats() {
        for seconds in stride(from: 0.0, to: 4_000_000_000, by: 86_399_937) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.parse(Timestamp.format(date)) == date)
        }
    }
}
