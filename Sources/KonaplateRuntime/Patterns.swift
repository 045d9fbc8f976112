import Synchronization

/// The regular expressions of generated `pattern` checks, compiled once each. A spec's pattern was compiled when the
/// spec was checked, so it compiles here too; a pattern that somehow does not is reported as not matching.
enum KonaplatePatterns {
    private static let compiled = Mutex<[String: Regex<AnyRegexOutput>]>([:])

    static func matches(_ value: String, _ pattern: String) -> Bool {
        let regex: Regex<AnyRegexOutput>? = compiled.withLock { cache in
            if let regex = cache[pattern] { return regex }
            let regex = try? Regex(pattern)
            cache[pattern] = regex
            return regex
        }
        guard let regex else { return false }
        return (try? regex.wholeMatch(in: value)) != nil
    }
}
