import ArgumentParser
import KonaplateGenerator
import KonaplateSpecFiles
import KonaplateSpecs

/// `konaplate-gen definitions`: the built-in definitions every specs folder has without a file of its own.
struct Definitions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the built-in definitions (the standard header set, the shared result codes).",
        discussion: """
            Every specs folder has them without a file of its own. To change one for your specs, copy what you need \
            into <specs>/common/<name>.yaml: a set of the same name replaces the built-in one whole, a shared result \
            code of the same code replaces the built-in one.

            """ + KonaplateExit.helpText)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the Swift of the built-in header sets into this folder (KonaplateRuntime's copy; maintainers only).",
            valueName: "folder"))
    var runtimeSwift: String?

    func run() throws {
        guard let runtimeSwift else {
            print(BuiltInDefinitions.yaml, terminator: "")
            return
        }
        let file = GeneratorPipeline.builtInHeaderTypes()
        do { try OutputFile.writeIfChanged(Array(file.contents.utf8), to: runtimeSwift + "/" + file.name) } catch {
            throw fail(error)
        }
    }
}
