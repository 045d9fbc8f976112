import ArgumentParser
import KonaplateSpecs

/// `--specs`, the folder every subcommand reads: one option, one help text, one default.
struct SpecsOption: ParsableArguments {
    @Option(name: .long, help: "The folder of YAML specs.")
    var specs = "api-specs"
}

/// `--specs` and `--output`: what `generate` and `check` compare.
struct FoldersOptions: ParsableArguments {
    @OptionGroup var specsOption: SpecsOption

    @Option(name: .long, help: "The folder of generated Swift files.")
    var output = "Generated"

    @OptionGroup var moduleOption: ModuleOption

    var specs: String { specsOption.specs }
}

/// `--module`: the Swift module generated files are compiled into.
struct ModuleOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The Swift module the generated files are compiled into: the names it declares beside its endpoints derive from it (KonaplateEndpointCatalogue.konaplateAPI).",
            valueName: "name"))
    var module = "KonaplateAPI"

    func validate() throws {
        guard SwiftIdentifiers.isASCIIIdentifier(module), module.first?.isLetter == true else {
            throw ValidationError(
                "--module must be a Swift module name (letters, digits, '_', starting with a letter); found '\(module)'"
            )
        }
    }
}
