import ArgumentParser
import Foundation
import KonaplateSpecFiles
import KonaplateSpecImport
import KonaplateSpecs

/// `konaplate-gen import PAGE.txt`: a docs page's text becomes a draft spec.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a draft spec from a docs page's text (copied from the browser, or saved as text).",
        discussion: """
            The draft goes where the spec format's path convention puts it (/api/v1/x/y → <specs>/x/y.yaml) unless --stdout; \
            its name spells the path's words as the specs there spell them (BankAccounts…). Every decision the page cannot settle is a '# TODO(import): …' comment next to its key; lint warns on \
            each until it is resolved. Reads standard input when PAGE is '-' or absent.

            """ + KonaplateExit.helpText)

    @Argument(help: "The page's text file ('-' or nothing: standard input).")
    var page: String = "-"

    @OptionGroup var specsOption: SpecsOption

    @Flag(name: .long, help: "Print the draft instead of writing it.")
    var stdout = false

    @Flag(name: .long, help: "Replace a spec that already exists at the draft's path.")
    var force = false

    func run() throws {
        let text: String
        let pageName = page == "-" ? "<stdin>" : page
        if page == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: page) else {
                throw fail(.io("cannot read '\(page)'"))
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let specs = specsOption.specs
        // The specs the draft joins: their header sets (the page's header tables are compared with `standard`)
        // and their names (the draft's name spells the path's words as they do). A folder not made yet has none.
        let folder = (try? SpecFolder.inputs(specs, relativePaths: SpecFolder.specPaths(specs))) ?? []
        let result = PageImport.draft(from: text, pageName: pageName, specs: folder)
        try report(result.diagnostics, writes: !stdout)
        guard let draft = result.draft, let relative = result.relativePath else {
            throw fail(.io("the page's path is not of the form /api/v1/…; use --stdout"))
        }
        if stdout {
            print(draft, terminator: "")
            return
        }
        let target = URL(fileURLWithPath: specs).appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: target.path), !force {
            throw fail(
                .io("'\(target.relativePath)' already exists; compare with --stdout, or replace it with --force"))
        }
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw fail(.io("cannot create the folder of '\(target.relativePath)': \(error.localizedDescription)"))
        }
        do { try OutputFile.writeAtomically(Array(draft.utf8), to: target.path) } catch { throw fail(error) }
        let todos = draft.components(separatedBy: "# " + ImportTodos.marker).count - 1
        print(
            "konaplate-gen: wrote \(target.relativePath) with \(counted(todos, "TODO(import)")) to resolve; `konaplate-gen lint` lists them"
        )
    }
}
