import ArgumentParser

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

    var specs: String { specsOption.specs }
}
