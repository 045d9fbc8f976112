import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fail (exit 2, with a unified diff) when the generated folder differs from what the specs produce.",
        discussion: KonaplateExit.helpText)

    @OptionGroup var folders: FoldersOptions

    func run() throws {
        let (result, plan) = try generateInMemory(folders)
        if plan.isInSync {
            print("konaplate-gen: \(folders.output) is up to date with \(folders.specs) (\(result.files.count) files)")
            return
        }
        print(plan.unifiedDiff(), terminator: "")
        printError(
            "konaplate-gen: \(folders.output) is out of date (\(counted(plan.changes.count, "file")) \(plan.changes.count == 1 ? "differs" : "differ")); run `swift run konaplate-gen generate` and commit the result"
        )
        throw KonaplateExit.outOfDate.exitCode
    }
}
