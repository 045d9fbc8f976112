import Foundation

// KonaplateClient against a swift-openapi-generator client of the same operation, side by side in one process
// (Benchmarks/client-comparison.sh writes BENCHMARKS.md from its JSON lines): ServiceInfoList answered at once by
// canned transports returning the same bytes, with 1 and 20 response items. Each round times `perRound` requests
// of one client, then of the other, the order alternating between rounds, so that a drift of the machine (another
// process, the CPU's clock) lands on both; the ratio is taken per round.
//
//   ClientComparison [ROUNDS] [ITEMS...]      defaults: 30 rounds, 1 and 20 items

let arguments = Array(CommandLine.arguments.dropFirst())
let rounds = arguments.first.flatMap { Int($0) } ?? 30
let sizes = arguments.count > 1 ? arguments.dropFirst().compactMap { Int($0) } : [1, 20]
for items in sizes {
    // Off the main actor (top-level code is on it): every await in the loops stays on the global executor, as in a
    // server, instead of hopping back to the main thread after each request.
    let line = try await Comparison(rounds: rounds, items: items).run()
    print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
}
