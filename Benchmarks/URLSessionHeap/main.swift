import Foundation
import FoundationNetworking
import Synchronization

// FoundationNetworking alone: a delegate session like the client's, N concurrent uploads per round.
final class Delegate: NSObject, URLSessionDataDelegate, Sendable {
    let pending = Mutex<[Int: (CheckedContinuation<Int, any Error>, [UInt8])]>([:])
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        pending.withLock { $0[dataTask.taskIdentifier]?.1.append(contentsOf: data) }
    }
    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let (c, body) = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let error { c.resume(throwing: error) } else { c.resume(returning: body.count) }
    }
}
let port = CommandLine.arguments[1]
let requests = 1000
let configuration = URLSessionConfiguration.ephemeral
configuration.urlCache = nil
configuration.httpMaximumConnectionsPerHost = 16
let delegate = Delegate()
let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
func send() async -> Int {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/x")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let task = session.uploadTask(with: request, from: Data("{\"a\":1}".utf8))
    return
        (try? await withCheckedThrowingContinuation { c in
            delegate.pending.withLock { $0[task.taskIdentifier] = (c, []) }
            task.resume()
        }) ?? -1
}
for _ in 0..<8 { _ = await send() }
var marks: [Int] = []
for _ in 0..<6 {
    marks.append(Int(konaplate_malloc_in_use() / 1024))
    let ok = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<requests { group.addTask { await send() } }
        var ok = 0
        for await n in group where n > 0 { ok += 1 }
        return ok
    }
    try? await Task.sleep(for: .seconds(1))
    print("round answered", ok)
}
marks.append(Int(konaplate_malloc_in_use() / 1024))
print("heap KiB", marks)
