import Testing
@testable import KubeClient

@Suite struct LineSplitterTests {
    private func text(_ lines: [[UInt8]]) -> [String] { lines.map { String(decoding: $0, as: UTF8.self) } }

    @Test func linesSpanChunksAndChunksHoldSeveralLines() {
        var splitter = LineSplitter()
        #expect(splitter.append(Array(#"{"type":"ADD"#.utf8)).isEmpty)
        #expect(text(splitter.append(Array("ED\"}\n{\"a\":1}\n{\"b\"".utf8))) == [#"{"type":"ADDED"}"#, #"{"a":1}"#])
        #expect(text(splitter.append(Array(":2}\r\n\n".utf8))) == [#"{"b":2}"#])
        #expect(splitter.finish() == nil)
    }

    @Test func anUnterminatedLastLineIsKeptForFinish() {
        var splitter = LineSplitter()
        #expect(splitter.append(Array("{}\n{\"x\":".utf8)).count == 1)
        #expect(splitter.append(Array("1}".utf8)).isEmpty)
        #expect(splitter.finish().map { String(decoding: $0, as: UTF8.self) } == #"{"x":1}"#)
    }

    @Test func queryValuesArePercentEncoded() {
        #expect(QueryString.encode([("labelSelector", "app in (a,b)"), ("limit", "2")]) == "?labelSelector=app%20in%20%28a%2Cb%29&limit=2")
        #expect(QueryString.encode([]) == "")
        #expect(QueryString.escape("k!=v&x=é") == "k%21%3Dv%26x%3D%C3%A9")
    }
}
