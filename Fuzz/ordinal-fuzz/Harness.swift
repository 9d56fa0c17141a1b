import CLibFuzzer
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One fuzz target: a function that must return normally for every input. A crash, a trap or a hang
/// (libFuzzer's `-timeout`) is a finding; thrown errors are the expected answer to bad input.
struct Harness: Sendable {
    let name: String
    let run: @Sendable ([UInt8]) -> Void
}

/// Every target, by the name `scripts/fuzz` and `ORDINAL_FUZZ_TARGET` use.
let harnesses: [Harness] = [
    Harness(name: "dns", run: DNSHarness.run),
    Harness(name: "request", run: RequestHarness.run),
    Harness(name: "label-selector", run: SelectorHarness.label),
    Harness(name: "field-selector", run: SelectorHarness.field),
    Harness(name: "json", run: DocumentHarness.json),
    Harness(name: "yaml", run: DocumentHarness.yaml),
    Harness(name: "json-patch", run: PatchHarness.jsonPatch),
    Harness(name: "merge-patch", run: PatchHarness.mergePatch),
    Harness(name: "strategic-merge-patch", run: PatchHarness.strategicMergePatch),
]

/// The harness `ORDINAL_FUZZ_TARGET` names, chosen once in `LLVMFuzzerInitialize`.
nonisolated(unsafe) var selected: Harness?

/// libFuzzer calls this once before fuzzing: pick the harness, or exit listing the names.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = getenv("ORDINAL_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let harness = harnesses.first(where: { $0.name == name }) else {
        print("set ORDINAL_FUZZ_TARGET to one of: \(harnesses.map(\.name).joined(separator: " "))")
        exit(2)
    }
    selected = harness
    return 0
}

/// libFuzzer calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected?.run(bytes)
    return 0
}

/// Fails the run (libFuzzer saves the input) when an invariant of the code under test does not hold.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant violated: \(message())") }
}

extension Array where Element == UInt8 {
    /// The bytes before and after the first `separator`; everything is `head` when there is none.
    func split(at separator: UInt8) -> (head: [UInt8], tail: [UInt8]) {
        guard let index = firstIndex(of: separator) else { return (self, []) }
        return (Array(self[..<index]), Array(self[(index + 1)...]))
    }
}

/// The entry point. SwiftPM links an executable with `main` aliased to this symbol, so it runs libFuzzer's
/// driver rather than libFuzzer's `main`.
@_cdecl("ordinal_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    CLibFuzzer_runDriver(argc, argv)
}
