import KonaplateSpecs

/// The draft's `name:`: the convention's upper camel case of the path (`SpecConventions.derivedName`), with each
/// word of the path spelled as the specs beside the draft spell it. A path is lower case where a name keeps the
/// docs' word boundaries: `/api/v1/bankaccounts/xyz` is `BankAccountsXyz` when `bankaccounts/info.yaml` is named
/// `BankAccountsInfo`.
struct DraftName {
    /// How the specs spell each word of their paths (the word lower-cased): in how many specs, and one to cite.
    private var spellings: [String: [String: (count: Int, example: String)]] = [:]

    /// - Parameter siblings: the paths and names of the specs the draft joins.
    init(siblings: [(path: String, name: String)]) {
        for sibling in siblings.sorted(by: { $0.name < $1.name }) {
            for (word, spelling) in Self.spellings(of: sibling.name, path: sibling.path) ?? [] {
                spellings[word.lowercased(), default: [:]][spelling, default: (0, sibling.name)].count += 1
            }
        }
    }

    /// The name, with a comment for each word spelled as the specs spell it, and a TODO for each word the specs
    /// spell in more than one way; nil for a path of another shape than `/api/vN/…`.
    func draft(for path: String) -> (name: String, comments: [String], todos: [String])? {
        guard let derived = SpecConventions.derivedName(path) else { return nil }
        guard let (words, suffix) = Self.words(of: path, derived: derived) else { return (derived, [], []) }
        var name = ""
        var comments: [String] = []
        var todos: [String] = []
        for word in words {
            let conventional = Self.conventional(word)
            guard let known = spellings[word.lowercased()] else {
                name += conventional
                continue
            }
            // The most used spelling; on a tie the convention's, then the first in order.
            let ranked = known.sorted { $0.key < $1.key }
            let rank = { (spelling: String, use: (count: Int, example: String)) in
                (use.count, spelling == conventional ? 1 : 0)
            }
            let chosen = ranked.reduce(ranked[0]) { best, next in
                rank(best.key, best.value) < rank(next.key, next.value) ? next : best
            }
            name += chosen.key
            if known.count > 1 {
                let all = ranked.map { "\($0.key) (\($0.value.example))" }.joined(separator: ", ")
                todos.append(
                    "the specs spell '\(word)' as \(all); the name follows \(chosen.key): confirm, as callers use it")
            } else if chosen.key != conventional {
                comments.append("'\(word)' is spelled \(chosen.key) as in \(chosen.value.example)")
            }
        }
        return (name + suffix, comments, todos)
    }

    /// The words of a path after its version, and what the convention adds after them (`V2` for `/api/v2/…`); nil
    /// when the words spelled by the convention do not start the derived name.
    private static func words(of path: String, derived: String) -> (words: [String], suffix: String)? {
        let words = path.split(separator: "/").dropFirst(2).flatMap { $0.split(separator: "-") }.map(String.init)
        let conventional = words.map(Self.conventional).joined()
        guard !words.isEmpty, derived.hasPrefix(conventional) else { return nil }
        return (words, String(derived.dropFirst(conventional.count)))
    }

    /// A word as the convention spells it: its first letter upper case.
    private static func conventional(_ word: String) -> String {
        SpecConventions.derivedName("/api/v1/" + word) ?? word
    }

    /// A spec's name cut at its path's words (`BankAccountsInfo`, `/api/v1/bankaccounts/info` → `bankaccounts`:
    /// `BankAccounts`, `info`: `Info`); nil when the name is not the path's words (a name chosen otherwise tells
    /// nothing about them).
    private static func spellings(of name: String, path: String) -> [(word: String, spelling: String)]? {
        guard let derived = SpecConventions.derivedName(path), let (words, suffix) = words(of: path, derived: derived),
            name.lowercased().hasSuffix(suffix.lowercased())
        else { return nil }
        var rest = Substring(name.dropLast(suffix.count))
        guard rest.lowercased() == words.joined().lowercased(), rest.count == words.joined().count else { return nil }
        return words.map { word in
            defer { rest = rest.dropFirst(word.count) }
            return (word, String(rest.prefix(word.count)))
        }
    }
}
