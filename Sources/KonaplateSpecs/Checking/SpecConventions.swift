/// The transcription conventions of the spec format (DocC, KonaplateGenCLI, "The spec format"), checked as warnings: breaking one is not wrong enough to stop a
/// build, but a maintainer should see it (and a real spec should follow it; CI builds warn-free).
public enum SpecConventions {
    /// Required free text is `length: 1...N`: with `...N` an empty required value would validate (DECISIONS.md D34).
    static func check(_ field: FieldSpec, diagnostics: inout Diagnostics) {
        guard field.type == .string, field.presence == .required, field.codes.isEmpty, field.format == nil,
            field.range == nil, let length = field.length, case .atMost(let maximum) = length.value
        else { return }
        diagnostics.warning(
            "required text '\(field.name.value)' with 'length: ...\(maximum)' accepts an empty value; write 'length: 1...\(maximum)' (required free text has at least 1 character, DECISIONS.md D34)",
            at: length.location)
    }

    /// The Swift name is the upper camel case of the path after the version ("The spec format", "Transcribing a page"). A
    /// different name is a remark for `lint` only: renaming breaks callers, so a deliberate name must not warn on
    /// every build. Letter case is not compared
    /// (`BankAccountsInfo` for `bankaccounts/info` keeps the docs' word boundaries).
    static func check(name: Located<String>, path: String, diagnostics: inout Diagnostics) {
        guard let derived = derivedName(path) else { return }
        let letters = { (text: String) in text.lowercased().filter { $0.isLetter || $0.isNumber } }
        guard letters(derived) != letters(name.value) else { return }
        diagnostics.remark(
            "'name' \(name.value) is not the name the naming convention derives from the path (UpperCamelCase after the version), '\(derived)'; keep it if callers already use it, otherwise consider 'name: \(derived)'",
            at: name.location)
    }

    /// `/api/v1/user/loginId/find` → `UserLoginIdFind`; `/api/v2/…` → `…V2`; nil for a path of another shape.
    public static func derivedName(_ path: String) -> String? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count > 2, segments[0] == "api", segments[1].first == "v", Int(segments[1].dropFirst()) != nil
        else { return nil }
        let words = segments.dropFirst(2).flatMap { $0.split(separator: "-").map(String.init) }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return segments[1] == "v1" ? name : name + segments[1].uppercased()
    }
}
