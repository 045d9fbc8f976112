import Foundation
import KonaplateGenCLI
import KonaplateSpecs
import KonaplateTestSupport
import Testing

/// Every reference in the repository resolves inside it: a clone holds everything its comments, specs and docs
/// point to. The facts taken from the Konaplate docs live in DECISIONS.md; citations name its entries.
struct RepositoryReferenceTests {
    /// The repository's text files, relative paths; build folders and git's own are skipped.
    static let textFiles: [String] = {
        let skipped: Set<String> = [".git", ".build", ".swiftpm"]
        let extensions: Set<String> = ["swift", "yaml", "yml", "md", "json", "py", "sh", "txt"]
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: repositoryRoot.path)!
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if skipped.contains(name) || name.hasPrefix(".build") {
                enumerator.skipDescendants()
                continue
            }
            if extensions.contains((name as NSString).pathExtension) || ["Tools/python", ".ci/run"].contains(path) {
                files.append(path)
            }
        }
        return files.sorted()
    }()

    static func text(_ path: String) -> String {
        (try? String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// `### D12: …` headings of DECISIONS.md.
    static let entries: Set<Int> = {
        Set(
            text("DECISIONS.md").split(separator: "\n").compactMap { line -> Int? in
                guard line.hasPrefix("### D"), let colon = line.firstIndex(of: ":") else { return nil }
                return Int(line[line.index(line.startIndex, offsetBy: 5)..<colon])
            })
    }()

    @Test func nothingPointsOutsideTheRepository() {
        // Built from parts, so this file does not match itself.
        let outside = ["../" + "shared", "konaplate-" + "docs/", "guidelines" + ".md", "\u{00A7}"]
        #expect(Self.textFiles.count > 100)
        for path in Self.textFiles where path != "DECISIONS.md" {
            let text = Self.text(path)
            for needle in outside where text.contains(needle) {
                Issue.record("\(path) refers to '\(needle)', which a clone does not have; cite DECISIONS.md instead")
            }
        }
    }

    @Test func everyDecisionCitationHasItsEntry() throws {
        #expect(!Self.entries.isEmpty)
        let citation = try Regex(#"DECISIONS\.md D([0-9]+)"#)
        var cited: Set<Int> = []
        for path in Self.textFiles {
            for match in Self.text(path).matches(of: citation) {
                let number = Int(match.output[1].substring!)!
                cited.insert(number)
                #expect(Self.entries.contains(number), "\(path) cites DECISIONS.md D\(number), which has no entry")
            }
        }
        #expect(cited.count > 10)
    }

    @Test func entriesAreNumberedWithoutGapsAndNameTheirSource() {
        #expect(Self.entries == Set(1...(Self.entries.max() ?? 0)))
        let sections = Self.text("DECISIONS.md").components(separatedBy: "\n### D").dropFirst()
        for section in sections {
            let heading = section.prefix { $0 != "\n" }
            let body = section.components(separatedBy: "\n## ").first ?? section
            #expect(body.contains("Source: https://"), "D\(heading) names no source page")
        }
    }
}

/// The guides stay short and their links stay true: a renamed or moved article fails here, not in a reader's browser.
struct GuideTests {
    /// The README is the first page a user reads; the reference lives in DocC (the README links to it).
    @Test func theReadmeStaysAGuide() {
        let lines = RepositoryReferenceTests.text("README.md").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 250, "README.md has \(lines.count) lines: move reference material into a DocC article")
    }

    /// Every relative Markdown link of the README, CONTRIBUTING.md and the DocC articles names a file of the repository.
    @Test func everyRelativeLinkResolves() throws {
        let link = try Regex(#"\]\(([^)#\s]+)(#[^)]*)?\)"#)
        let documents = RepositoryReferenceTests.textFiles.filter {
            $0 == "README.md" || $0 == "CONTRIBUTING.md" || ($0.contains(".docc/") && $0.hasSuffix(".md"))
        }
        #expect(documents.contains("README.md"))
        for document in documents {
            let folder = (document as NSString).deletingLastPathComponent
            for match in RepositoryReferenceTests.text(document).matches(of: link) {
                let target = String(match.output[1].substring!)
                if target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("doc:") { continue }
                let path = (folder as NSString).appendingPathComponent(target)
                #expect(
                    FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent(path).path),
                    "\(document) links to \(target), which is not in the repository")
            }
        }
    }

    /// Every DocC article is reachable from the README, so no catalog is built in CI yet missing from the guide.
    @Test func theReadmeLinksEveryArticle() throws {
        let readme = RepositoryReferenceTests.text("README.md")
        let articles = RepositoryReferenceTests.textFiles.filter {
            $0.hasPrefix("Sources/") && $0.contains(".docc/") && $0.hasSuffix(".md")
        }
        #expect(!articles.isEmpty)
        for article in articles {
            // A catalog's landing page (named after its module) is what the archive opens on; the articles are linked.
            let catalog = ((article as NSString).deletingLastPathComponent as NSString).lastPathComponent
            if (article as NSString).lastPathComponent == catalog.replacingOccurrences(of: ".docc", with: ".md") {
                continue
            }
            #expect(readme.contains("](\(article))"), "README.md does not link \(article)")
        }
    }

    /// How many endpoints the specs hold is the specs' to say: prose that states a count goes stale with the next spec.
    @Test func noGuideStatesTheEndpointCount() throws {
        let count = try Regex(#"\b[0-9]+ (endpoint specs|endpoints of|specs in api-specs)"#)
        for document in ["README.md", "CONTRIBUTING.md"] {
            for match in RepositoryReferenceTests.text(document).matches(of: count) {
                Issue.record("\(document) states a count that the specs decide: '\(match.output[0].substring!)'")
            }
        }
    }
}

/// The version `konaplate-gen --version` prints is the newest release in CHANGELOG.md.
struct ReleaseTests {
    @Test func theVersionIsTheNewestChangelogEntry() throws {
        let changelog = RepositoryReferenceTests.text("CHANGELOG.md")
        let newest = try #require(
            changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") })
        #expect(newest.hasPrefix("## [\(KonaplateGenVersion.current)] - "))
    }
}
