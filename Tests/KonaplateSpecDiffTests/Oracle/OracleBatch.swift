import Foundation
import KonaplateGenerator
import KonaplateSpecs

@testable import KonaplateSpecDiff

/// One spec change for the oracles: two spec sets and the endpoints the change touches, by spec file (nil: the
/// endpoint is not on that side).
struct OracleMutant {
    var id: String
    /// What was done, for a reader of a failure: the operator and where.
    var label: String
    var base: [SpecInput]
    var head: [SpecInput]
    var touched: [(base: String?, head: String?)]
}

/// What an oracle or `diff` says about one endpoint of one mutant.
struct Verdicts: Equatable, CustomStringConvertible {
    var swift = false
    var request = false
    var response = false

    var description: String {
        "Swift \(swift ? "breaking" : "not breaking"), wire request \(request ? "breaking" : "not breaking"), wire response \(response ? "breaking" : "not breaking")"
    }
}

struct OracleOutcome {
    var mutant: OracleMutant
    /// Nil when a side has spec errors: nothing to compare (the mutator made an invalid spec).
    var report: DiffReport?
    var disagreements: [String] = []
    /// Whether the compile or the replay ran for it (identical generated code needs neither).
    var compiled = false
}

/// Runs a batch of mutants through `diff` and both oracles: ONE `swiftc -typecheck` of every probe against every
/// mutant's generated code, then ONE replay executable for the whole batch; errors and refusals are attributed to
/// mutants by file and function name.
final class OracleBatch {
    let toolchain: OracleToolchain
    /// Where the batches are compiled; the base module, compiled once, stays in `base/` below it.
    let folder: URL
    /// The base spec set every mutant starts from, checked, translated and generated once.
    let base: Side
    private var baseModuleBuilt = false
    /// Oracle answers by what was compiled: a mutant whose generated code an earlier one already had is not compiled again.
    private var answered: [String: Verdicts] = [:]

    /// A file of earlier answers (`key-hash<TAB>swift request response` per line), read at the start and appended
    /// to: the long run's batches, each its own process, do not compile again what an earlier one answered.
    let answersFile: URL?

    init(toolchain: OracleToolchain, folder: URL, base: [SpecInput], answersFile: URL? = nil) throws {
        self.toolchain = toolchain
        self.folder = folder
        self.answersFile = answersFile
        guard let side = Side(base) else { throw OracleFailure(message: "the base specs have errors") }
        self.base = side
        if let answersFile, let text = try? String(contentsOf: answersFile, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t").map(String.init)
                guard parts.count == 2 else { continue }
                answered[parts[0]] = Verdicts(
                    swift: parts[1].contains("S"), request: parts[1].contains("Q"), response: parts[1].contains("R"))
            }
        }
    }

    var batchFolder: URL { folder.appendingPathComponent("batch") }
    var baseFolder: URL { folder.appendingPathComponent("base") }

    /// Seconds spent per phase, for the long run's figures.
    private(set) var phases: [String: Double] = [:]
    private var phaseStart = ContinuousClock.now
    private func phase(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = now - phaseStart
        phases[name, default: 0] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        phaseStart = now
    }

    func run(_ mutants: [OracleMutant]) throws -> [OracleOutcome] {
        phaseStart = ContinuousClock.now
        try? FileManager.default.removeItem(at: batchFolder)
        try FileManager.default.createDirectory(at: batchFolder, withIntermediateDirectories: true)
        var outcomes: [OracleOutcome] = []
        var jobs: [Job] = []
        for mutant in mutants {
            var outcome = OracleOutcome(mutant: mutant)
            // An endpoint's verdicts depend on its own spec and the header sets alone: unless the sets changed, the
            // diff and the oracles read the definitions and the touched specs only (the same verdicts, 30 times faster).
            let (baseInputs, headInputs) = reduced(mutant)
            let report = SpecDiff.compare(base: baseInputs, head: headInputs)
            let old = baseInputs.count == mutant.base.count ? base : Side(baseInputs)
            guard !report.hasErrors, let old, let new = Side(headInputs) else {
                outcomes.append(outcome)
                continue
            }
            outcome.report = report
            for (index, pair) in mutant.touched.enumerated() {
                let job = Job(
                    mutant: mutant, index: outcomes.count, tag: "\(mutant.id)T\(index)",
                    old: pair.base.flatMap(old.endpoint),
                    new: pair.head.flatMap(new.endpoint), oldSide: old, newSide: new, report: report)
                jobs.append(job)
            }
            outcomes.append(outcome)
        }
        // Each job: the verdicts `diff` gave its endpoint, and what the oracles say.
        var oracle: [String: Verdicts] = [:]
        var toCompile: [Job] = []
        for job in jobs {
            switch (job.old, job.new) {
            case (nil, _): oracle[job.tag] = Verdicts()  // a new endpoint: nothing deployed calls it
            case (_?, nil): oracle[job.tag] = Verdicts(swift: true, request: true, response: false)  // gone: calls fail
            case (let old?, let new?):
                if job.oldSide.code(old) == job.newSide.code(new) {
                    oracle[job.tag] = Verdicts()  // identical generated code compiles and answers as before
                } else {
                    toCompile.append(job)
                    outcomes[job.index].compiled = true
                }
            }
        }
        phase("diff and generation")
        // Identical generated code was answered before.
        toCompile = toCompile.filter { job in
            guard let known = answered[job.key.stableHash] else { return true }
            oracle[job.tag] = known
            outcomes[job.index].compiled = false
            return false
        }
        if !toCompile.isEmpty {
            let compiled = try compileAndReplay(toCompile)
            oracle.merge(compiled) { first, _ in first }
            var lines = ""
            for job in toCompile {
                guard let verdicts = compiled[job.tag] else { continue }
                answered[job.key.stableHash] = verdicts
                lines +=
                    "\(job.key.stableHash)\t-\(verdicts.swift ? "S" : "")\(verdicts.request ? "Q" : "")\(verdicts.response ? "R" : "")\n"
            }
            if let answersFile {
                if !FileManager.default.fileExists(atPath: answersFile.path) {
                    _ = FileManager.default.createFile(atPath: answersFile.path, contents: nil)
                }
                if let handle = FileHandle(forWritingAtPath: answersFile.path) {
                    handle.seekToEndOfFile()
                    handle.write(Data(lines.utf8))
                    try? handle.close()
                }
            }
        }
        for job in jobs {
            let said = job.diffVerdicts()
            guard let found = oracle[job.tag] else {
                outcomes[job.index].disagreements.append("\(job.tag): the oracle gave no answer")
                continue
            }
            if said != found {
                outcomes[job.index].disagreements.append(
                    "\(job.endpointName): diff says \(said); the oracles say \(found)")
            }
        }
        return outcomes
    }

    // MARK: - One endpoint of one mutant

    struct Endpoint {
        var checked: CheckedEndpoint
        var swift: SwiftEndpoint
    }

    struct Job {
        var mutant: OracleMutant
        var index: Int
        var tag: String
        var old: Endpoint?
        var new: Endpoint?
        var oldSide: Side
        var newSide: Side
        var report: DiffReport

        var endpointName: String { new?.swift.typeName ?? old?.swift.typeName ?? "?" }

        /// What the oracles' answer depends on: both sides' generated code and names.
        var key: String {
            guard let old, let new else { return tag }
            let oldCode = oldSide.code(old)
            let newCode = newSide.code(new)
            return [
                old.swift.typeName, new.swift.typeName, oldCode.endpoint, oldCode.sets, newCode.endpoint, newCode.sets,
            ]
            .joined(separator: "\u{0}")
        }

        /// `diff`'s verdicts for this endpoint: its own findings and those of a header set it uses.
        func diffVerdicts() -> Verdicts {
            let names = Set([old?.swift.typeName, new?.swift.typeName].compactMap { $0 })
            let findings = report.changes.flatMap(\.findings).filter { finding in
                names.contains(finding.endpoint) || !names.isDisjoint(with: finding.coveredEndpoints)
            }
            var verdicts = Verdicts()
            for finding in findings where finding.verdict == .breaking {
                if finding.aspect == .swift {
                    verdicts.swift = true
                } else if finding.subject.hasPrefix("response") || finding.subject.hasPrefix("result") {
                    verdicts.response = true
                } else {
                    verdicts.request = true
                }
            }
            return verdicts
        }
    }

    /// One spec set, checked, translated and generated per endpoint on demand.
    final class Side {
        let inputs: [SpecInput]
        let api: CheckedAPI
        let swift: SwiftAPI
        private var generated: [String: (endpoint: String, sets: String)] = [:]

        /// The header sets' generated code (from the definitions alone).
        lazy var setsCode: String = {
            let definitions = inputs.filter { input in
                !api.endpoints.contains { $0.spec.sourceName == input.sourceName }
            }
            let files = GeneratorPipeline.generate(definitions).files
            return Self.stripHeader(
                files.filter { $0.name.hasSuffix(".swift") }.map(\.contents).joined(separator: "\n"))
        }()

        init?(_ inputs: [SpecInput]) {
            guard let api = SpecFrontEnd.check(inputs).api else { return nil }
            self.inputs = inputs
            self.api = api
            self.swift = APITranslator.translate(api, module: SwiftModule(name: "KonaplateAPI", writer: .command))
        }

        func endpoint(_ sourceName: String) -> Endpoint? {
            guard let index = api.endpoints.firstIndex(where: { $0.spec.sourceName == sourceName }) else { return nil }
            return Endpoint(checked: api.endpoints[index], swift: swift.endpoints[index])
        }

        /// The generated Swift of one endpoint and of the header sets it may use: generated from the definitions
        /// files and that endpoint's spec alone, as `generate` writes them; under another type name when `name` is
        /// given (the spec's `name:` changed, so nested types of the same name stay as they are).
        func code(_ endpoint: Endpoint, as name: String? = nil) -> (endpoint: String, sets: String) {
            let key = endpoint.checked.spec.sourceName + "\u{0}" + (name ?? "")
            if let cached = generated[key] { return cached }
            let definitions = inputs.filter { input in
                !api.endpoints.contains { $0.spec.sourceName == input.sourceName }
            }
            var own = inputs.filter { $0.sourceName == endpoint.checked.spec.sourceName }
            if let name {
                own = own.map { input in
                    var input = input
                    let text = String(decoding: input.contents, as: UTF8.self)
                    let renamed = text.replacingOccurrences(
                        of: "(?m)^name:[^\n]*$", with: "name: \(name)", options: .regularExpression)
                    input.contents = Array(renamed.utf8)
                    return input
                }
            }
            let files = GeneratorPipeline.generate(definitions + own).files
            let endpointFile = files.first { $0.sourceName == endpoint.checked.spec.sourceName }?.contents ?? ""
            let sets = files.filter { file in
                file.name.hasSuffix(".swift") && definitions.contains { $0.sourceName == file.sourceName }
            }
            .map(\.contents).joined(separator: "\n")
            let result = (Self.stripHeader(endpointFile), Self.stripHeader(sets))
            generated[key] = result
            return result
        }

        /// Without the comment naming the spec file (a moved spec generates the same code).
        private static func stripHeader(_ source: String) -> String {
            source.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("// Generated by") }
                .joined(separator: "\n")
        }
    }

    // MARK: - Compiling

    private func compileAndReplay(_ jobs: [Job]) throws -> [String: Verdicts] {
        try buildBaseModule()
        var verdicts: [String: Verdicts] = [:]
        var probeFiles: [String] = []
        var changedFiles: [String] = []
        var replays: [String] = []
        for job in jobs {
            guard let old = job.old, let new = job.new else { continue }
            let newName = "\(new.swift.typeName)Oracle\(job.tag)"
            let newCode = job.newSide.code(new, as: newName)
            var renames: [String: String] = [:]
            if newCode.sets != base.setsCode {
                // The header sets changed: this mutant's own copy, under its own names.
                for set in job.newSide.swift.headerSets {
                    renames[set.requestTypeName] = set.requestTypeName + "__" + job.tag
                    renames[set.responseTypeName] = set.responseTypeName + "__" + job.tag
                }
                let setsFile = "changedsets-\(job.tag).swift"
                try write(imports + rename(newCode.sets, renames), setsFile)
                changedFiles.append(setsFile)
            }
            let changedFile = "changed-\(job.tag).swift"
            try write(imports + rename(newCode.endpoint, renames), changedFile)
            changedFiles.append(changedFile)
            let probeFile = "probe-\(job.tag).swift"
            try write(
                imports
                    + UsageProbe.source(
                        for: old.swift, as: "\(old.swift.typeName)Oracle\(job.tag)", function: "probe_\(job.tag)"),
                probeFile)
            probeFiles.append(probeFile)
            let replayFile = "replay-\(job.tag).swift"
            try write(
                imports
                    + ReplayProgram.source(
                        job: job.tag, old: "\(old.swift.typeName)OracleBase", new: newName, oldEndpoint: old.checked,
                        newEndpoint: new.checked), replayFile)
            replays.append(replayFile)
            verdicts[job.tag] = Verdicts()
        }
        // The Swift oracle: every probe against every mutant's code, in one type-check of one module.
        try write("func probeValue<T>(of _: T.Type) -> T { fatalError() }\n", "probe-support.swift")
        let typecheck = try toolchain.swiftc(
            [
                "-typecheck", "-wmo", "-parse-as-library", "-module-name", "Probes", "-I", baseFolder.path,
                "probe-support.swift",
            ] + changedFiles + probeFiles,
            in: batchFolder)
        try write(typecheck.output, "typecheck.log")
        phase("Swift oracle (type-check)")
        var broken: Set<String> = []
        for file in typecheck.errorsByFile.keys {
            guard let tag = tagOf(file), verdicts[tag] != nil else {
                throw OracleFailure(
                    message: "the probes' type-check failed outside any probe:\n\(typecheck.output.prefix(4000))")
            }
            if file.hasPrefix("probe-") { verdicts[tag]?.swift = true } else { broken.insert(tag) }
        }
        if !broken.isEmpty {
            throw OracleFailure(
                message: "generated code failed to compile for \(broken.sorted()):\n\(typecheck.output.prefix(4000))")
        }
        // The wire oracle: one executable replays every mutant's samples.
        let main = replays.map { "replay_\($0.dropFirst("replay-".count).dropLast(".swift".count))()" }.joined(
            separator: "\n")
        try write(main + "\n", "main.swift")
        let build = try toolchain.swiftc(
            ["-Onone", "-wmo", "-module-name", "Replay", "-I", baseFolder.path, "-o", "replay"] + changedFiles + replays
                + [
                    "main.swift", baseFolder.appendingPathComponent("OracleBase.o").path,
                    "@" + baseFolder.appendingPathComponent("objects.rsp").path, "-lstdc++",
                ],
            in: batchFolder)
        phase("wire oracle (build)")
        guard build.status == 0 else {
            throw OracleFailure(message: "the replay did not build:\n\(build.output.prefix(6000))")
        }
        let replay = try OracleToolchain.run([batchFolder.appendingPathComponent("replay").path], in: batchFolder)
        phase("wire oracle (replay)")
        guard replay.status == 0 else {
            throw OracleFailure(message: "the replay failed:\n\(replay.output.suffix(4000))")
        }
        for line in replay.output.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3, verdicts[parts[0]] != nil else { continue }
            if parts[1] == "request" { verdicts[parts[0]]?.request = true }
            if parts[1] == "response" { verdicts[parts[0]]?.response = true }
        }
        return verdicts
    }

    /// Every base endpoint (as `<Name>OracleBase`) and the base header sets, compiled once into the module `OracleBase`
    /// that every batch imports and links.
    private func buildBaseModule() throws {
        guard !baseModuleBuilt else { return }
        defer { phase("base module (once)") }
        // Kept between runs in the same folder while the base code and the compiler are the same.
        let stamp =
            (base.swift.endpoints.map(\.typeName).joined() + base.setsCode
            + base.api.endpoints.indices.map {
                base.code(Endpoint(checked: base.api.endpoints[$0], swift: base.swift.endpoints[$0])).endpoint
            }.joined()
            + toolchain.modules.path).stableHash
        let stampFile = baseFolder.appendingPathComponent("stamp")
        if (try? String(contentsOf: stampFile, encoding: .utf8)) == stamp,
            FileManager.default.fileExists(atPath: baseFolder.appendingPathComponent("OracleBase.o").path)
        {
            baseModuleBuilt = true
            return
        }
        try? FileManager.default.removeItem(at: baseFolder)
        try FileManager.default.createDirectory(at: baseFolder, withIntermediateDirectories: true)
        var files = ["base-sets.swift"]
        try (imports + base.setsCode).write(
            to: baseFolder.appendingPathComponent("base-sets.swift"), atomically: true, encoding: .utf8)
        for (index, endpoint) in base.swift.endpoints.enumerated() {
            let name = "base-\(endpoint.typeName).swift"
            let code = base.code(
                Endpoint(checked: base.api.endpoints[index], swift: endpoint), as: endpoint.typeName + "OracleBase"
            ).endpoint
            try (imports + code).write(
                to: baseFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files.append(name)
        }
        _ = try toolchain.objectList(in: baseFolder)
        let build = try toolchain.swiftc(
            [
                "-Onone", "-wmo", "-parse-as-library", "-module-name", "OracleBase", "-emit-module",
                "-emit-module-path", "OracleBase.swiftmodule",
                "-c", "-o", "OracleBase.o",
            ] + files,
            in: baseFolder)
        guard build.status == 0 else {
            throw OracleFailure(message: "the base module did not build:\n\(build.output.prefix(6000))")
        }
        try stamp.write(to: stampFile, atomically: true, encoding: .utf8)
        baseModuleBuilt = true
    }

    /// The definitions files and the touched specs, when the definitions did not change; else everything.
    private func reduced(_ mutant: OracleMutant) -> (base: [SpecInput], head: [SpecInput]) {
        let definitions = { (inputs: [SpecInput]) in inputs.filter { $0.sourceName.contains("/common/") } }
        guard definitions(mutant.base).map(\.contents) == definitions(mutant.head).map(\.contents) else {
            return (mutant.base, mutant.head)
        }
        let oldFiles = Set(mutant.touched.compactMap(\.base))
        let newFiles = Set(mutant.touched.compactMap(\.head))
        return (
            definitions(mutant.base) + mutant.base.filter { oldFiles.contains($0.sourceName) },
            definitions(mutant.head) + mutant.head.filter { newFiles.contains($0.sourceName) }
        )
    }

    private let imports = "import Foundation\nimport HTTPTypes\n@_spi(Generated) import KonaplateRuntime\n"

    private func write(_ text: String, _ name: String) throws {
        let source = name.hasPrefix("base") ? text : "import OracleBase\n" + text
        try source.write(to: batchFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func tagOf(_ file: String) -> String? {
        for prefix in ["probe-", "changed-", "changedsets-"] where file.hasPrefix(prefix) {
            return String(file.dropFirst(prefix.count).dropLast(".swift".count))
        }
        return nil
    }

    /// Renames whole identifiers (`BankAccountsInfo`, not `BankAccountsInfoList`).
    private func rename(_ source: String, _ names: [String: String]) -> String {
        var result = source
        for (old, new) in names.sorted(by: { $0.key.count > $1.key.count }) {
            let regex = try! NSRegularExpression(
                pattern: "(?<![A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: old) + "(?![A-Za-z0-9_])")
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: new)
        }
        return result
    }
}

struct OracleFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension String {
    /// FNV-1a over the UTF-8 bytes: the same in every process (Swift's `hashValue` is seeded per process).
    var stableHash: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
