import ArgumentParser

public struct KonaplateGenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "konaplate-gen",
        abstract: "Generates Swift models, header builders and validators from Konaplate API specs.",
        discussion: KonaplateExit.helpText,
        version: KonaplateGenVersion.current,
        subcommands: [Generate.self, Check.self, Lint.self, Diff.self, Import.self, OpenAPI.self, Definitions.self],
        defaultSubcommand: Generate.self)

    public init() {}
}
