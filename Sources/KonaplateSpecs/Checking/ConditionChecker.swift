/// Conditional fields and rules about groups of fields, in each object: what a rule names must exist there, a value
/// must be one the other field can have, and a Conditional field must say when it is required (in words, in a
/// checkable `when`, or through a rule naming it).
enum ConditionChecker {
    /// One object's fields and rules; then each nested object's and array element's.
    static func check(_ fields: [FieldSpec], rules: [GroupRule], diagnostics: inout Diagnostics) {
        let byName = Dictionary(fields.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        var inRules: Set<String> = []
        for rule in rules {
            check(rule, in: byName, diagnostics: &diagnostics)
            inRules.formUnion(rule.fields.map(\.value))
        }
        for field in fields {
            if case .conditional(let text) = field.presence, text.isEmpty, field.requiredWhen == nil,
                !inRules.contains(field.name.value)
            {
                diagnostics.error(
                    "conditional field '\(field.name.value)' needs 'when:' (the docs' condition in words, or { field, oneOf } when it is checkable), or a rule of its object that names it (rules: [{ exactlyOne: [...] }])",
                    at: field.name.location)
            }
            if let dependency = field.requiredWhen {
                check(dependency, of: field, in: byName, diagnostics: &diagnostics)
            }
            if field.type == .object || (field.type == .array && field.items == nil) {
                check(field.fields, rules: field.rules, diagnostics: &diagnostics)
            }
        }
    }

    private static func check(_ rule: GroupRule, in fields: [String: FieldSpec], diagnostics: inout Diagnostics) {
        let names = rule.fields.map(\.value)
        if Set(names).count < 2 {
            diagnostics.error(
                "'\(rule.kind.rawValue)' needs at least two different fields of this object; found \(names.isEmpty ? "none" : names.joined(separator: ", "))",
                at: rule.location)
        }
        for name in rule.fields {
            guard let field = fields[name.value] else {
                diagnostics.error(
                    "'\(rule.kind.rawValue)' names '\(name.value)', which is not a field of this object\(Suggestion.hint(for: name.value, among: fields.keys.sorted()))",
                    at: name.location)
                continue
            }
            if field.presence == .required {
                diagnostics.error(
                    "'\(name.value)' is required, so '\(rule.kind.rawValue)' about it says nothing; make it 'presence: conditional' (or optional)",
                    at: name.location)
            }
        }
    }

    private static func check(
        _ dependency: FieldDependency, of field: FieldSpec, in fields: [String: FieldSpec],
        diagnostics: inout Diagnostics
    ) {
        let name = dependency.field
        guard let other = fields[name.value], name.value != field.name.value else {
            diagnostics.error(
                "'when' names '\(name.value)', which is not another field of this object\(Suggestion.hint(for: name.value, among: fields.keys.sorted().filter { $0 != field.name.value }))",
                at: name.location)
            return
        }
        switch other.type {
        case .object, .array:
            diagnostics.error(
                "'when' names '\(name.value)', a\(other.type == .object ? "n object" : "n array"); a condition compares a text, code, number or boolean field",
                at: name.location)
        case .string where !other.codes.isEmpty:
            let codes = other.codes.map(\.code)
            for value in dependency.values where !codes.contains(value) {
                diagnostics.error(
                    "'\(value)' is not one of the codes of '\(name.value)' (\(codes.joined(separator: ", ")))\(Suggestion.hint(for: value, among: codes))",
                    at: dependency.location)
            }
        case .boolean:
            for value in dependency.values where value != "true" && value != "false" {
                diagnostics.error(
                    "'\(name.value)' is a boolean; 'oneOf' takes true or false, found '\(value)'",
                    at: dependency.location)
            }
        case .number:
            for value in dependency.values where Int128(value) == nil {
                diagnostics.error(
                    "'\(name.value)' is a number; 'oneOf' takes whole numbers, found '\(value)'",
                    at: dependency.location)
            }
        case .string:
            break
        }
    }
}
