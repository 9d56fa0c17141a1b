import Testing
@testable import Controllers

/// A Parallel set's paced changes wait out the quiet period after its status write; other sets, and every set
/// when pacing is off, are queued at once.
@Suite struct StatusPacerTests {
    @Test func changesAfterAStatusWriteWaitForThePeriod() {
        let pacer = StatusPacer(period: .seconds(10))
        #expect(pacer.delay(for: "default/web") == nil)
        pacer.wroteStatus("default/web")
        let delay = pacer.delay(for: "default/web")
        #expect(delay.map { $0 > .seconds(9) && $0 <= .seconds(10) } == true)
        #expect(pacer.delay(for: "default/other") == nil)
    }

    @Test func aZeroPeriodNeverDelays() {
        let pacer = StatusPacer(period: .zero)
        pacer.wroteStatus("default/web")
        #expect(pacer.delay(for: "default/web") == nil)
    }

    @Test func theQuietPeriodEnds() async throws {
        let pacer = StatusPacer(period: .milliseconds(20))
        pacer.wroteStatus("default/web")
        try await Task.sleep(for: .milliseconds(40))
        #expect(pacer.delay(for: "default/web") == nil)
    }
}
