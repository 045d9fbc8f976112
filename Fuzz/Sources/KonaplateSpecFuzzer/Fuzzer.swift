import KonaplateGenerator
import KonaplateOpenAPI
import KonaplateSpecs
import SwiftParser
import SwiftSyntax

/// One input: the bytes as an endpoint spec (the standard header set is built in), then as a definitions file. The properties checked are the ones the
/// tool promises: it never crashes (the fuzzer reports any trap), every rejected input gets a positioned
/// diagnostic, and every accepted input yields Swift that the Swift parser accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let endpoint = SpecInput(displayPath: "fuzz.yaml", sourceName: "api-specs/fuzz.yaml", contents: bytes)
    check(GeneratorPipeline.generate([endpoint]))
    let definitions = SpecInput(
        displayPath: "common/fuzz.yaml", sourceName: "api-specs/common/fuzz.yaml", contents: bytes)
    check(GeneratorPipeline.generate([definitions]))
    _ = OpenAPIExporter.document([endpoint])
    return 0
}

private func check(_ result: GenerationResult) {
    for diagnostic in result.diagnostics where diagnostic.location.line < 1 || diagnostic.location.column < 1 {
        fatalError("unpositioned diagnostic: \(diagnostic)")
    }
    if result.hasErrors {
        precondition(result.files.isEmpty, "files produced despite errors")
        precondition(result.diagnostics.contains { $0.severity == .error }, "rejected without an error")
    }
    for file in result.files where file.name.hasSuffix(".swift") {
        let tree = Parser.parse(source: file.contents)
        precondition(
            !tree.hasError, "an accepted spec yields Swift that does not parse: \(file.name)\n\(file.contents)")
    }
}

// SwiftPM links an executable target's entry point under the name `<Target>_main`. The fuzzer's `main` comes from
// libFuzzer, so this entry point hands control to libFuzzer's driver with the same callback.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("KonaplateSpecFuzzer_main")
public func fuzzerMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
