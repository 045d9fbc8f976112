import Foundation
import KonaplateGenerator
import KonaplateSpecs
@_exported import KonaplateTestSupport
import Testing

public func endpointInput(_ yaml: String, file: String = "spec.yaml") -> SpecInput {
    SpecInput(displayPath: file, sourceName: "api-specs/" + file, contents: Array(yaml.utf8))
}

/// Every diagnostic of linting `yaml` as an endpoint spec, as the CLI prints them.
public func diagnostics(_ yaml: String) -> [String] {
    SpecFrontEnd.lint([endpointInput(yaml)]).map(\.description)
}

public func diagnostics(bytes: [UInt8]) -> [String] {
    SpecFrontEnd.lint([
        SpecInput(displayPath: "spec.yaml", sourceName: "api-specs/spec.yaml", contents: bytes)
    ]).map(\.description)
}

/// A small valid endpoint; bad inputs are this with one thing broken.
public let validSpec = """
    name: Sample
    title: 샘플
    method: POST
    path: /api/v1/sample
    mode: sync
    docs: complete
    headers: standard
    request:
      fields:
        userId: { type: number, presence: required, range: 1...9999999999999999999 }

    """

/// `yaml` (an endpoint spec) with the real header sets, loaded and checked: the checked API, or every diagnostic.
public func checked(_ yaml: String, definitions: [SpecInput] = []) -> (api: CheckedAPI?, diagnostics: [String]) {
    let (api, diagnostics) = SpecFrontEnd.check(definitions + [endpointInput(yaml)])
    return (api, diagnostics.map(\.description))
}

/// The Swift model of `yaml`'s endpoint; fails the test when the spec has an error.
public func translated(_ yaml: String, definitions: [SpecInput] = []) throws -> SwiftEndpoint {
    let (api, diagnostics) = checked(yaml, definitions: definitions)
    let checkedAPI = try #require(api, "\(diagnostics)")
    return try #require(
        APITranslator.translate(checkedAPI, module: SwiftModule(name: "KonaplateAPI", writer: .command)).endpoints.first
    )
}

/// A definitions file of header sets, as a test input.
public func definitionsInput(_ yaml: String, file: String = "common/headers.yaml") -> SpecInput {
    SpecInput(displayPath: file, sourceName: "api-specs/" + file, contents: Array(yaml.utf8))
}

/// One real endpoint spec, read from the repository (the header sets are built in).
public func realInputs() -> [SpecInput] {
    ["api-specs/bankaccounts/info.yaml"].map { path in
        SpecInput(
            displayPath: path, sourceName: path,
            contents: Array(try! Data(contentsOf: repositoryRoot.appendingPathComponent(path))))
    }
}

/// Every spec in api-specs/, as the CLI reads them.
public func realSpecInputs() throws -> [SpecInput] {
    let root = repositoryRoot.appendingPathComponent("api-specs")
    let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }.sorted()
    return try paths.map { path in
        SpecInput(
            displayPath: "api-specs/" + path, sourceName: "api-specs/" + path,
            contents: Array(try Data(contentsOf: root.appendingPathComponent(path))))
    }
}

/// The built-in definitions as a definitions file of the specs folder's own (`api-specs/common/headers.yaml`): it
/// replaces the built-in sets and shared codes with identical ones, so a test can edit them as a user would.
public func builtInDefinitionsAsFile() -> SpecInput {
    SpecInput(
        displayPath: "api-specs/common/headers.yaml", sourceName: "api-specs/common/headers.yaml",
        contents: Array(BuiltInDefinitions.yaml.utf8))
}
