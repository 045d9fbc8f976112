import ArgumentParser
import Foundation
import KonaplateSpecDiff
import KonaplateSpecFiles
import KonaplateSpecs

/// `konaplate-gen diff <base>`: the verdict a reviewer needs on a spec change.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Report which spec changes since <base> break deployed clients (wire) or code calling the generated API (Swift).",
        discussion: """
            <base> is a folder of specs, or a git revision (main, HEAD~1, origin/main): the specs folder as it was \
            there.

            """ + KonaplateExit.helpText)

    @Argument(help: "A git revision or a folder of specs to compare with.")
    var base: String

    @OptionGroup var specsOption: SpecsOption

    @Option(name: .long, help: "text, markdown (a PR comment) or json.")
    var format: DiffFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp(
            "An accepted break, as ENDPOINT:RULE (BankAccountsInfo:field-removed; * for any endpoint or rule). Repeatable.",
            valueName: "endpoint:rule"))
    var allow: [String] = []

    @Option(name: .long, help: "A file of accepted breaks, one ENDPOINT:RULE per line (# starts a comment).")
    var allowFile: String?

    func run() throws {
        let allowances = try readAllowances()
        let specs = specsOption.specs
        let head = try readSpecs(specs)
        let (baseInputs, baseLabel): ([SpecInput], String)
        do { (baseInputs, baseLabel) = try BaseSpecs.read(base, specs: specs) } catch { throw fail(error) }
        let report = SpecDiff.compare(base: baseInputs, head: head, allow: allowances)
        try reportErrors(report.diagnostics)
        print(report.rendered(format, base: baseLabel, head: specs), terminator: "")
        if report.hasUnallowedBreaks {
            printError(
                "konaplate-gen: breaking changes since \(baseLabel); accept reviewed ones with --allow ENDPOINT:RULE")
            throw KonaplateExit.breakingChanges.exitCode
        }
    }

    private func readAllowances() throws -> [DiffAllowance] {
        var entries = allow
        if let allowFile {
            guard let data = FileManager.default.contents(atPath: allowFile) else {
                throw fail(.io("cannot read the allow file '\(allowFile)'"))
            }
            entries += String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
                let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let trimmed = entry.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
        }
        return try entries.map { entry in
            switch DiffAllowance.parse(entry) {
            case .success(let allowance): return allowance
            case .failure(let error): throw ValidationError(error.description)
            }
        }
    }

    /// Errors in either spec set: the sets cannot be compared.
    private func reportErrors(_ diagnostics: [Diagnostic]) throws {
        guard !diagnostics.isEmpty else { return }
        for diagnostic in diagnostics { printError("\(diagnostic)") }
        printError("konaplate-gen: \(counted(diagnostics.count, "error")); the specs cannot be compared")
        throw KonaplateExit.specErrors.exitCode
    }
}

extension DiffFormat: ExpressibleByArgument {}
