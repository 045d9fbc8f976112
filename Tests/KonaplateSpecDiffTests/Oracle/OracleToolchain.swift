import Foundation
import KonaplateTestSupport

/// The compiler the oracles run: `swiftc` against the debug build's modules (generated code imports HTTPTypes and
/// KonaplateRuntime) and, for the replay executable, the object files of KonaplateRuntime and what it links.
/// The caller holds the build lock (the tests run inside `swift test`, which holds it).
struct OracleToolchain {
    let build: URL
    var modules: URL { build.appendingPathComponent("Modules") }

    /// The debug build of this checkout, or nil (with the reason) when it is not there.
    static func locate() -> Result<OracleToolchain, OracleUnavailable> {
        let build = repositoryRoot.appendingPathComponent(".build/debug")
        let runtime = build.appendingPathComponent("Modules/KonaplateRuntime.swiftmodule")
        guard FileManager.default.fileExists(atPath: runtime.path) else {
            return .failure(OracleUnavailable(reason: "no \(runtime.path): run `swift build --build-tests` first"))
        }
        return .success(OracleToolchain(build: build))
    }

    /// The targets whose objects the replay links: KonaplateRuntime and its dependencies' (swift-crypto,
    /// swift-http-types, swift-asn1), found from the build's folders so a new dependency needs no edit here.
    static let linkedTargets = [
        "KonaplateRuntime", "HTTPTypes", "Crypto", "CryptoExtras", "_CryptoExtras", "CCryptoBoringSSL",
        "CCryptoBoringSSLShims",
        "CryptoBoringWrapper", "SwiftASN1", "CXKCP", "CXKCPShims",
    ]

    /// A response file naming every object file to link (paths may hold spaces).
    func objectList(in folder: URL) throws -> URL {
        var lines: [String] = []
        for target in Self.linkedTargets {
            let directory = build.appendingPathComponent(target + ".build")
            guard let walker = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".o") {
                lines.append("\"" + directory.appendingPathComponent(path).path + "\"")
            }
        }
        let url = folder.appendingPathComponent("objects.rsp")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    struct Outcome {
        var status: Int32
        var output: String
        /// Error lines by the base name of the file they point into.
        var errorsByFile: [String: [String]] {
            var result: [String: [String]] = [:]
            for line in output.split(separator: "\n") where line.contains(": error: ") {
                let file =
                    line.split(separator: ":", maxSplits: 1).first.map {
                        URL(fileURLWithPath: String($0)).lastPathComponent
                    } ?? ""
                result[file, default: []].append(String(line))
            }
            return result
        }
    }

    func swiftc(_ arguments: [String], in folder: URL) throws -> Outcome {
        try Self.run(swiftcCommand + ["-swift-version", "6", "-I", modules.path] + arguments, in: folder)
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Outcome {
        let (status, output) = try runMerged(arguments, in: folder)
        return Outcome(status: status, output: output)
    }
}

struct OracleUnavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
