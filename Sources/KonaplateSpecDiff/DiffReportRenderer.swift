import KonaplateSpecs
import KonaplateTextFormats

/// Prints a diff report: text for the terminal, Markdown for a PR comment, JSON for tools. Decides nothing: every
/// verdict was made by the comparisons.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

extension DiffReport {
    /// - Parameters:
    ///   - base: what the old specs are, for the heading (`origin/main`, a folder).
    ///   - head: what the new specs are (`the working tree`, a folder).
    public func rendered(_ format: DiffFormat, base: String, head: String) -> String {
        switch format {
        case .text: DiffTextRenderer.render(self, base: base, head: head)
        case .markdown: DiffMarkdownRenderer.render(self, base: base, head: head)
        case .json: DiffJSONRenderer.render(self, base: base, head: head)
        }
    }

    /// "2 breaking, 1 risky, 4 compatible": the changes counted by their worst verdict over both aspects.
    var tally: String {
        let counts = DiffVerdict.allCases.reversed().map { verdict in
            (verdict, changes.filter { max($0.verdict(.wire), $0.verdict(.swift)) == verdict }.count)
        }
        let parts = counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    var allowedCount: Int { changes.filter { $0.findings.contains(where: \.isAllowed) }.count }

    /// The one line that says what the report found.
    func verdictLine(base: String, head: String) -> String {
        let endpoints =
            baseEndpointCount == headEndpointCount
            ? counted(headEndpointCount, "endpoint")
            : "\(baseEndpointCount) → \(counted(headEndpointCount, "endpoint"))"
        let allowed = allowedCount > 0 ? " (\(allowedCount) allowed)" : ""
        return "\(base) → \(head): \(endpoints), \(counted(changes.count, "change")): \(tally)\(allowed)"
    }
}

func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

enum DiffTextRenderer {
    static func render(_ report: DiffReport, base: String, head: String) -> String {
        var lines = ["konaplate-gen diff: " + report.verdictLine(base: base, head: head)]
        var endpoint: String?
        for change in report.changes {
            if change.endpoint != endpoint {
                endpoint = change.endpoint
                lines.append("")
                lines.append(change.endpoint)
            }
            lines.append(
                "  \(change.location): \(change.subject): wire \(change.verdict(.wire)), Swift \(change.verdict(.swift))"
            )
            for finding in change.findings {
                let aspect = finding.aspect == .wire ? "wire " : "Swift"
                let allowed = finding.isAllowed ? " (allowed)" : ""
                lines.append("    \(aspect) \(finding.verdict)\(allowed): \(finding.rule.rawValue): \(finding.reason)")
            }
        }
        for allowance in report.unusedAllowances {
            lines.append("")
            lines.append("note: --allow \(allowance) matched no breaking change; remove it")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A table a reviewer reads in seconds: what breaks first, the compatible rest folded away.
enum DiffMarkdownRenderer {
    static func render(_ report: DiffReport, base: String, head: String) -> String {
        let breaking = report.changes.filter { max($0.verdict(.wire), $0.verdict(.swift)) == .breaking }
        let risky = report.changes.filter { max($0.verdict(.wire), $0.verdict(.swift)) == .risky }
        let compatible = report.changes.filter { max($0.verdict(.wire), $0.verdict(.swift)) == .compatible }
        let mark =
            report.hasUnallowedBreaks
            ? "❌ breaking changes"
            : breaking.isEmpty
                ? (risky.isEmpty ? "✅ compatible" : "⚠️ risky changes") : "✅ breaking changes, all allowed"
        var lines = [
            "### konaplate-gen diff: \(mark)", "",
            report.verdictLine(base: "`\(base)`", head: "`\(head)`") + ".", "",
        ]
        if !(breaking + risky).isEmpty {
            lines += table(breaking + risky)
            lines.append("")
        }
        if !compatible.isEmpty {
            lines.append("<details><summary>\(counted(compatible.count, "compatible change"))</summary>")
            lines.append("")
            lines += table(compatible)
            lines.append("")
            lines.append("</details>")
            lines.append("")
        }
        lines.append(
            "*Wire*: a client already deployed against the server. *Swift*: code calling the generated API, compiled again. Rules: the KonaplateGenCLI documentation, \"Reviewing spec changes\"."
        )
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ changes: [DiffChange]) -> [String] {
        var rows = ["| endpoint | change | wire | Swift | why |", "|---|---|---|---|---|"]
        for change in changes {
            let why = change.findings.map { finding in
                "`\(finding.rule.rawValue)`\(finding.isAllowed ? " (allowed)" : ""): \(escape(finding.reason))"
            }.joined(separator: "<br>")
            rows.append(
                "| \(code(change.endpoint)) | \(code(change.subject)) (\(escape(change.location.description))) | \(cell(change.verdict(.wire))) | \(cell(change.verdict(.swift))) | \(why) |"
            )
        }
        return rows
    }

    private static func cell(_ verdict: DiffVerdict) -> String {
        switch verdict {
        case .breaking: "**breaking**"
        case .risky: "risky"
        case .compatible: "compatible"
        }
    }

    /// Table cells end at a `|` and a line break, so both are escaped (`\|` inside a code span too, as GitHub's
    /// tables require). A value from a spec is quoted ('…') in a reason: a backtick in it would open a code span,
    /// so it is escaped there; the code spans the reasons write themselves stay.
    static func escape(_ text: String) -> String {
        let cell = text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        let parts = cell.split(separator: "'", omittingEmptySubsequences: false)
        return parts.enumerated().map { index, part in
            index % 2 == 1 && index < parts.count - 1 ? part.replacingOccurrences(of: "`", with: "\\`") : String(part)
        }.joined(separator: "'")
    }

    /// A code span holding any text: a fence longer than any run of backticks inside.
    static func code(_ text: String) -> String {
        guard text.contains("`") else { return "`\(escape(text))`" }
        return "`` " + text.replacingOccurrences(of: "|", with: "\\|") + " ``"
    }
}

enum DiffJSONRenderer {
    static func render(_ report: DiffReport, base: String, head: String) -> String {
        let changes = report.changes.map { change in
            JSON.object([
                ("endpoint", .string(change.endpoint)), ("subject", .string(change.subject)),
                ("location", location(change.location)), ("wire", .string("\(change.verdict(.wire))")),
                ("swift", .string("\(change.verdict(.swift))")),
                (
                    "findings",
                    .array(
                        change.findings.map { finding in
                            .object([
                                ("aspect", .string(finding.aspect.rawValue)), ("rule", .string(finding.rule.rawValue)),
                                ("verdict", .string("\(finding.verdict)")), ("allowed", .bool(finding.isAllowed)),
                                ("reason", .string(finding.reason)), ("location", location(finding.location)),
                            ])
                        })
                ),
            ])
        }
        return JSON.object([
            ("base", .string(base)), ("head", .string(head)),
            ("baseEndpoints", .integer(report.baseEndpointCount)),
            ("headEndpoints", .integer(report.headEndpointCount)),
            ("breaking", .bool(report.hasUnallowedBreaks)), ("changes", .array(changes)),
            ("unusedAllowances", .array(report.unusedAllowances.map { .string($0.description) })),
        ]).rendered()
    }

    private static func location(_ location: SourceLocation) -> JSON {
        .object([
            ("file", .string(location.file)), ("line", .integer(location.line)), ("column", .integer(location.column)),
        ])
    }
}
