import Foundation
import Testing
@testable import Controllers

/// client-go's correlation of a burst of events about one object: repeats counted, similar messages combined
/// from the tenth on, 25 writes per object, type and reason, then one per 5 minutes.
@Suite struct EventCorrelatorTests {
    let set = ObjectReference(apiVersion: "apps/v1", kind: "StatefulSet", namespace: "default", name: "web", uid: "u1")
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    func created(_ index: Int) -> EventRecord {
        EventRecord(regarding: set, reason: "SuccessfulCreate", message: "create Pod web-\(index) in StatefulSet web successful")
    }

    @Test func aThousandCreatesLeaveNineEventsAndOneCombinedThenStop() {
        var correlator = EventCorrelator()
        let outcomes = (0..<1000).map { correlator.correlate(created($0), now: start, newName: "e\($0)") }
        let creates = outcomes.compactMap { outcome -> String? in
            if case .create(_, _, _, let message) = outcome { return message } else { return nil }
        }
        #expect(creates.count == 10)
        #expect(creates.prefix(9) == ArraySlice((0..<9).map { created($0).message }))
        #expect(creates.last == "(combined from similar events): create Pod web-9 in StatefulSet web successful")
        let increments = outcomes.compactMap { outcome -> (String, Int64)? in
            if case .increment(_, let name, let count, _) = outcome { return (name, count) } else { return nil }
        }
        #expect(increments.count == 15)
        #expect(increments.allSatisfy { $0.0 == "e9" })
        #expect(increments.map(\.1) == Array(2...16))
        #expect(outcomes.dropFirst(25).allSatisfy { $0 == .skip })

        // Five minutes on, one more write: the combined Event's count includes the dropped ones.
        let later = correlator.correlate(created(1000), now: start + 300, newName: "late")
        guard case .increment(_, "e9", let count, let message) = later else {
            Issue.record("expected an increment of the combined event, got \(later)")
            return
        }
        #expect(count == 992)
        #expect(message == "(combined from similar events): create Pod web-1000 in StatefulSet web successful")
    }

    @Test func repeatsAreCountedAndOtherReasonsHaveTheirOwnBudget() {
        var correlator = EventCorrelator()
        let waiting = EventRecord(regarding: set, reason: "WaitingForPod", message: "waiting for Pod web-0")
        #expect(correlator.correlate(waiting, now: start, newName: "w") == .create(
            key: .init(group: .init(regarding: set, type: "Normal", reason: "WaitingForPod"), message: waiting.message),
            name: "w", count: 1, message: waiting.message))
        guard case .increment(_, "w", 2, _) = correlator.correlate(waiting, now: start + 1, newName: "x") else {
            Issue.record("a repeat should raise the count of the first event")
            return
        }
        for index in 0..<40 { _ = correlator.correlate(created(index), now: start, newName: "c\(index)") }
        guard case .increment(_, "w", 3, _) = correlator.correlate(waiting, now: start + 2, newName: "y") else {
            Issue.record("another reason's burst must not use up this reason's budget")
            return
        }
    }

    @Test func similarMessagesAreCombinedOnlyWithinTenMinutes() {
        var correlator = EventCorrelator()
        for index in 0..<9 { _ = correlator.correlate(created(index), now: start, newName: "c\(index)") }
        let afterTenMinutes = correlator.correlate(created(9), now: start + 601, newName: "fresh")
        guard case .create(_, "fresh", 1, let message) = afterTenMinutes else {
            Issue.record("expected a new event, got \(afterTenMinutes)")
            return
        }
        #expect(message == created(9).message)
    }

    @Test func memoryStaysBoundedAsObjectsComeAndGo() {
        var correlator = EventCorrelator()
        for index in 0..<10_000 {
            let pod = ObjectReference(apiVersion: "v1", kind: "Pod", namespace: "default", name: "p\(index)", uid: "u\(index)")
            _ = correlator.correlate(EventRecord(regarding: pod, reason: "Scheduled", message: "assigned p\(index)"),
                                     now: start, newName: "e\(index)")
        }
        #expect(correlator.cachedEntries <= 3 * EventCorrelator.capacity)
    }
}
