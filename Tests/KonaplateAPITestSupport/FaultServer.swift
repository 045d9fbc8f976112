import Foundation
import HTTPTypes
import KonaplateDouble
import KonaplateRuntime
import Synchronization

/// A loopback HTTP/1.1 server that answers through a `KonaplateDouble`, and misbehaves on purpose: for each request
/// it asks the double for the answer, then lets a plan decide what really goes on the wire (the answer cut short,
/// framed wrongly, dripped a byte at a time, a connection reset, nothing at all). Raw sockets and one thread per
/// connection, so that every byte and every way of ending a connection is the test's to choose, with no HTTP
/// library in between to correct it. Connections are kept alive between requests, as a real server's are.
public final class FaultServer: Sendable {
    /// One request as the server read it: `index` counts the requests received so far (0 for the first).
    public struct Received: Sendable {
        public let index: Int
        public let head: HTTPRequest
        public let body: [UInt8]
    }

    /// The double's answer to a request, which a plan passes on, changes or drops.
    public struct Answer: Sendable {
        public var status: Int
        /// Without Content-Length: `bytes` adds the right one, a plan a wrong one.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        /// The status line and `headers`, with `Content-Length: contentLength` unless it is nil, and the blank line.
        public func head(contentLength: Int?, extra: [(name: String, value: String)] = []) -> [UInt8] {
            let reason = HTTPResponse.Status(code: status).reasonPhrase
            var text = "HTTP/1.1 \(status) \(reason.isEmpty ? "Status" : reason)\r\n"
            for (name, value) in headers + extra { text += "\(name): \(value)\r\n" }
            if let contentLength { text += "Content-Length: \(contentLength)\r\n" }
            return Array((text + "\r\n").utf8)
        }

        /// The whole answer, framed correctly.
        public var bytes: [UInt8] { head(contentLength: body.count) + body }
    }

    /// What the server does on the connection, in order.
    public enum Step: Sendable {
        case write([UInt8])
        /// `total` bytes of `chunk` repeated, written as the client reads them (a huge body without holding it).
        case stream(chunk: [UInt8], total: Int)
        /// One byte at a time, `every` apart.
        case drip([UInt8], every: Duration)
        /// A FIN: the connection ends cleanly.
        case close
        /// A RST: the connection ends with "connection reset by peer".
        case reset
        /// Nothing more, ever: the connection stays open until the server stops.
        case hold
    }

    /// What to do with a request, given the double's answer.
    public typealias Plan = @Sendable (Received, Answer) -> [Step]

    public let port: Int
    public let double: KonaplateDouble
    private let listening: Int32
    private let plan: Plan
    private let state = Mutex(State())
    private let stopping = StopSignal()

    private struct State {
        var received = 0
        var connections: Set<Int32> = []
    }

    /// Where a client reaches it: `http://127.0.0.1:<port>` with the double's base path.
    public var server: KonaplateServer {
        KonaplateServer(scheme: "http", authority: "127.0.0.1:\(port)", basePath: double.configuration.basePath)
    }

    /// How many requests it has read whole (the double records the same ones).
    public var received: Int { state.withLock { $0.received } }

    /// Starts listening at once; `plan` decides every answer (`{ _, answer in [.write(answer.bytes)] }` is an honest
    /// server).
    public init(double: KonaplateDouble, plan: @escaping Plan) throws {
        self.double = double
        self.plan = plan
        (listening, port) = try LoopbackSocket.listen(backlog: 128)
        let thread = Thread { [self] in acceptConnections() }
        thread.start()
    }

    /// Stops accepting, ends every connection (held and dripping ones too) and closes the listening socket. Once.
    public func stop() {
        guard !stopping.stop() else { return }
        LoopbackSocket.shutDown(listening)
        // Under the lock: a connection leaves the set before its socket is closed (`end`), so every descriptor shut
        // down here is still this server's (a closed one could already belong to another socket).
        state.withLock { state in
            for connection in state.connections { LoopbackSocket.shutDown(connection) }
        }
    }

    private func acceptConnections() {
        while let connection = LoopbackSocket.accept(listening) {
            let accepted = state.withLock { state in
                guard !stopping.isStopped else { return false }
                state.connections.insert(connection)
                return true
            }
            guard accepted else {
                LoopbackSocket.close(connection)
                break
            }
            Thread { [self] in serve(connection) }.start()
        }
        LoopbackSocket.close(listening)
    }

    /// Requests one after another on one connection, until the client, a plan or `stop` ends it.
    private func serve(_ connection: Int32) {
        var reader = RequestReader(connection: connection)
        var ended = false
        while !ended, !stopping.isStopped, let (head, body) = reader.next() {
            let index = state.withLock { state in
                defer { state.received += 1 }
                return state.received
            }
            let (response, responseBody) = double.answer(head, body: body)
            let answer = Answer(
                status: response.status.code, headers: response.headerFields.map { ($0.name.rawName, $0.value) },
                body: responseBody)
            for step in plan(Received(index: index, head: head, body: body), answer) where !ended {
                ended = perform(step, on: connection)
            }
        }
        if !ended { end(connection, reset: false) }
    }

    /// Whether `step` ended the connection.
    private func perform(_ step: Step, on connection: Int32) -> Bool {
        switch step {
        case .write(let bytes):
            return !LoopbackSocket.write(connection, bytes)
        case .stream(let chunk, let total):
            var left = total
            while left > 0, !stopping.isStopped {
                guard LoopbackSocket.write(connection, chunk.prefix(left)) else { return false }
                left -= min(left, chunk.count)
            }
            return false
        case .drip(let bytes, let interval):
            for byte in bytes {
                guard LoopbackSocket.write(connection, [byte]), !stopping.wait(interval) else { return false }
            }
            return false
        case .close:
            end(connection, reset: false)
            return true
        case .reset:
            end(connection, reset: true)
            return true
        case .hold:
            _ = stopping.wait(nil)
            return false
        }
    }

    private func end(_ connection: Int32, reset: Bool) {
        state.withLock { _ = $0.connections.remove(connection) }
        if reset { LoopbackSocket.reset(connection) } else { LoopbackSocket.close(connection) }
    }
}

/// HTTP/1.1 requests read off one connection: the head up to its blank line, then a Content-Length body (the
/// transports never send another framing). An `Expect: 100-continue` is answered, as curl waits for it.
struct RequestReader {
    let connection: Int32
    private var buffer: [UInt8] = []

    init(connection: Int32) { self.connection = connection }

    mutating func next() -> (HTTPRequest, [UInt8])? {
        guard let end = readUntilBlankLine() else { return nil }
        let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(end + 4)
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var fields = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else {
                continue
            }
            fields.append(
                HTTPField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        if fields[.expect]?.lowercased() == "100-continue" {
            guard LoopbackSocket.write(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        let length = fields[.contentLength].flatMap { Int($0) } ?? 0
        while buffer.count < length {
            let more = LoopbackSocket.read(connection, upTo: 64 << 10)
            if more.isEmpty { return nil }
            buffer += more
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        let head = HTTPRequest(
            method: HTTPRequest.Method(String(requestLine[0])) ?? .post, scheme: "http",
            authority: fields[HTTPField.Name("Host")!],
            path: String(requestLine[1]), headerFields: fields)
        return (head, body)
    }

    /// The offset of the head's blank line, reading as much as it takes; nil when the connection ends first.
    private mutating func readUntilBlankLine() -> Int? {
        let blankLine: [UInt8] = [13, 10, 13, 10]
        var searched = 0
        while true {
            if buffer.count >= 4 {
                for offset in max(0, searched - 3)...(buffer.count - 4)
                where buffer[offset..<offset + 4].elementsEqual(blankLine) {
                    return offset
                }
                searched = buffer.count
            }
            let more = LoopbackSocket.read(connection, upTo: 64 << 10)
            if more.isEmpty { return nil }
            buffer += more
        }
    }
}

/// Set once when a server stops; what a dripping or holding connection waits on, so that stopping wakes it at once.
final class StopSignal: @unchecked Sendable {  // `stopped` is only read and written with `condition` locked
    private let condition = NSCondition()
    private var stopped = false

    /// Whether it had stopped already.
    func stop() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let already = stopped
        stopped = true
        condition.broadcast()
        return already
    }

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Waits for `duration` (nil: until stopped); true when the server stopped.
    func wait(_ duration: Duration?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let (seconds, attoseconds) = (duration ?? .zero).components
        let deadline = Date().addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
        while !stopped {
            if duration == nil {
                condition.wait()
            } else if !condition.wait(until: deadline) {
                break
            }
        }
        return stopped
    }
}
