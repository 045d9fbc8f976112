import ArgumentParser
import KonaplateOpenAPI
import KonaplateSpecFiles

struct OpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Export every spec as one OpenAPI 3.1 document (JSON), for other OpenAPI tools.",
        discussion: KonaplateExit.helpText)

    @OptionGroup var specsOption: SpecsOption

    @Option(name: .long, help: "The file to write; standard output when omitted.")
    var output: String?

    func run() throws {
        let (document, diagnostics) = OpenAPIExporter.document(try readSpecs(specsOption.specs))
        try report(diagnostics)
        guard let document else { return }
        guard let output else {
            print(document, terminator: "")
            return
        }
        do { try OutputFile.writeIfChanged(Array(document.utf8), to: output) } catch { throw fail(error) }
    }
}
