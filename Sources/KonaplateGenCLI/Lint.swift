import ArgumentParser
import KonaplateSpecs

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the specs and print diagnostics, remarks included; write nothing.",
        discussion: KonaplateExit.helpText)

    @OptionGroup var specsOption: SpecsOption

    func run() throws {
        let inputs = try readSpecs(specsOption.specs)
        let diagnostics = SpecFrontEnd.lint(inputs)
        try report(diagnostics, writes: false)
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let remarks = diagnostics.filter { $0.severity == .remark }.count
        print(
            "konaplate-gen: \(counted(inputs.count, "spec file")) in \(specsOption.specs): no errors"
                + (warnings > 0 ? ", \(counted(warnings, "warning"))" : "")
                + (remarks > 0 ? ", \(counted(remarks, "remark"))" : ""))
    }
}
