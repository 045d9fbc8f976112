import KonaplateSpecs
import KonaplateTextFormats

/// Compares the fields of two versions of one object (a body, a nested object, an array's element), by JSON name.
/// A field that disappeared where exactly one of the same type appeared is taken as renamed: the pair is then
/// compared like any other, so a reviewer sees one rename, not a removal and an addition.
struct FieldComparison {
    let side: DiffSide

    func compare(
        _ old: [FieldSpec], _ new: [FieldSpec], at path: String,
        into collector: inout DiffCollector
    ) {
        for (oldField, newField) in Self.pairs(old, new, name: \.name.value, kind: { $0.type }) {
            switch (oldField, newField) {
            case (let oldField?, let newField?):
                let subject = path + "." + newField.name.value
                if oldField.name.value != newField.name.value {
                    collector.add(
                        .fieldRenamed, .breaking, subject,
                        "the JSON name changed: '\(oldField.name.value)' → '\(newField.name.value)'",
                        at: newField.name.location)
                }
                compare(oldField, newField, subject: subject, into: &collector)
            case (let oldField?, nil):
                let optionalResponse = side == .response && oldField.presence != .required
                collector.add(
                    .fieldRemoved, optionalResponse ? .risky : .breaking, path + "." + oldField.name.value,
                    optionalResponse
                        ? "an optional response field is gone; clients that read it get nothing"
                        : "deployed clients \(side == .request ? "still send" : "expect") it")
            case (nil, let newField?):
                let verdict: DiffVerdict =
                    side == .response ? .compatible : newField.presence == .required ? .breaking
                    : newField.presence == .optional ? .compatible : .risky
                collector.add(
                    .fieldAdded, verdict, path + "." + newField.name.value,
                    "a new \(newField.presence.word) \(side.rawValue) field"
                        + (verdict == .breaking ? ": deployed clients do not send it" : ""),
                    at: newField.name.location)
            case (nil, nil): break
            }
        }
    }

    private func compare(_ old: FieldSpec, _ new: FieldSpec, subject: String, into collector: inout DiffCollector) {
        let at = new.name.location
        if old.type != new.type {
            collector.add(.typeChanged, .breaking, subject, "\(old.type.rawValue) → \(new.type.rawValue)", at: at)
            return  // everything else about the field follows from its type
        }
        comparePresence(old, new, subject: subject, at: at, into: &collector)
        compareConstraints(
            length: (old.length?.value, new.length?.value), range: (old.range?.value, new.range?.value),
            format: (old.format?.value, new.format?.value), subject: subject, at: at, into: &collector)
        compareConstraint(.patternChanged, old.pattern?.value, new.pattern?.value, subject: subject, at: at, into: &collector)
        if let change = ConstraintChange.between(
            (old.count?.value.minimum, old.count?.value.maximum), (new.count?.value.minimum, new.count?.value.maximum))
        {
            collector.add(
                .countChanged, change.verdict(side), subject, "elements \(describe(old.count?.value)) → \(describe(new.count?.value))",
                at: at)
        }
        compareCodes(old.codes, new.codes, subject: subject, at: at, into: &collector)
        if old.sensitive != new.sensitive {
            collector.add(
                .sensitiveChanged, .risky, subject, new.sensitive ? "now sensitive (redacted)" : "no longer sensitive", at: at)
        }
        if old.description != new.description {
            collector.add(.documentationChanged, .compatible, subject, "description changed", at: at)
        }
        if old.rules.map(RuleShape.init) != new.rules.map(RuleShape.init) {
            collector.add(.conditionChanged, .risky, subject, "the rules about its fields changed", at: at)
        }
        compareElements(old, new, subject: subject, at: at, into: &collector)
        compare(old.fields, new.fields, at: subject, into: &collector)
    }

    private func comparePresence(
        _ old: FieldSpec, _ new: FieldSpec, subject: String, at: SourceLocation, into collector: inout DiffCollector
    ) {
        if old.presence.strength != new.presence.strength {
            let verdict = Presence.verdict(from: old.presence, to: new.presence, side)
            collector.add(
                .presenceChanged, verdict, subject,
                "\(old.presence.word) → \(new.presence.word)" + (verdict == .compatible ? "" : Presence.because(side)), at: at)
        } else if old.presence != new.presence || old.requiredWhen.map(DependencyShape.init) != new.requiredWhen.map(DependencyShape.init) {
            collector.add(.conditionChanged, .risky, subject, "the condition under which it is required changed", at: at)
        }
    }

    func compareConstraints(
        length: (LengthRule?, LengthRule?), range: (IntegerRange?, IntegerRange?), format: (String?, String?),
        subject: String, at: SourceLocation?, into collector: inout DiffCollector
    ) {
        if let change = ConstraintChange.between(
            (length.0?.minimum, length.0?.maximum), (length.1?.minimum, length.1?.maximum))
        {
            collector.add(
                .lengthChanged, change.verdict(side), subject,
                "length \(describe(length.0)) → \(describe(length.1))" + because(change), at: at)
        }
        if let change = ConstraintChange.between(
            (range.0?.minimum, range.0?.maximum), (range.1?.minimum, range.1?.maximum))
        {
            collector.add(
                .rangeChanged, change.verdict(side), subject,
                "range \(range.0.map(\.description) ?? "none") → \(range.1.map(\.description) ?? "none")" + because(change),
                at: at)
        }
        compareConstraint(.formatChanged, format.0, format.1, subject: subject, at: at, into: &collector)
    }

    private func compareConstraint(
        _ rule: DiffRule, _ old: String?, _ new: String?, subject: String, at: SourceLocation?,
        into collector: inout DiffCollector
    ) {
        guard let change = ConstraintChange.between(old, new) else { return }
        let name = rule == .formatChanged ? "format" : "pattern"
        collector.add(rule, change.verdict(side), subject, "\(name) \(old ?? "none") → \(new ?? "none")" + because(change), at: at)
    }

    /// A field's code list (or its array elements'): codes by value.
    func compareCodes(
        _ old: [CodeSpec], _ new: [CodeSpec], subject: String, at: SourceLocation, into collector: inout DiffCollector
    ) {
        switch (old.isEmpty, new.isEmpty) {
        case (true, true): return
        case (true, false):
            collector.add(
                .codesAdded, side == .request ? .breaking : .risky, subject,
                "free text became a list of \(new.count) codes", at: at)
            return
        case (false, true):
            collector.add(
                .codesRemoved, side == .request ? .compatible : .risky, subject, "no longer a list of codes", at: at)
            return
        case (false, false): break
        }
        let oldCodes = Set(old.map(\.code))
        let newCodes = Set(new.map(\.code))
        for code in new where !oldCodes.contains(code.code) {
            collector.add(
                .codeAdded, side == .request ? .compatible : .risky, subject,
                "code '\(code.code)' added" + (side == .response ? ": deployed clients see it as undocumented" : ""),
                at: code.location)
        }
        for code in old where !newCodes.contains(code.code) {
            collector.add(
                .codeRemoved, side == .request ? .breaking : .compatible, subject,
                "code '\(code.code)' removed" + (side == .request ? ": deployed clients may still send it" : ""), at: at)
        }
        let oldMeanings = Dictionary(old.map { ($0.code, $0.meaning) }, uniquingKeysWith: { first, _ in first })
        if new.contains(where: { code in oldMeanings[code.code].map { $0 != code.meaning } ?? false }) {
            collector.add(.documentationChanged, .compatible, subject, "the meaning of a code changed", at: at)
        }
    }

    /// An array's element: its type, constraints and codes, and whether it may be null.
    private func compareElements(
        _ old: FieldSpec, _ new: FieldSpec, subject: String, at: SourceLocation, into collector: inout DiffCollector
    ) {
        if old.elementsOptional != new.elementsOptional {
            let nowNullable = new.elementsOptional
            let breaks = (side == .response) == nowNullable
            collector.add(
                .elementTypeChanged, breaks ? .breaking : .compatible, subject,
                nowNullable ? "elements may now be null" : "elements may no longer be null", at: at)
        }
        guard let oldItems = old.items, let newItems = new.items else {
            if (old.items == nil) != (new.items == nil) {
                collector.add(
                    .elementTypeChanged, .breaking, subject,
                    new.items == nil ? "elements became objects" : "elements are no longer objects", at: at)
            }
            return
        }
        if oldItems.isAny != newItems.isAny || (!oldItems.isAny && oldItems.type != newItems.type) {
            collector.add(
                .elementTypeChanged, .breaking, subject,
                "elements \(oldItems.isAny ? "any" : oldItems.type.rawValue) → \(newItems.isAny ? "any" : newItems.type.rawValue)",
                at: at)
            return
        }
        compareConstraints(
            length: (oldItems.length?.value, newItems.length?.value), range: (oldItems.range?.value, newItems.range?.value),
            format: (oldItems.format?.value, newItems.format?.value), subject: subject + "[]", at: at, into: &collector)
        compareCodes(oldItems.codes, newItems.codes, subject: subject + "[]", at: at, into: &collector)
    }

    private func describe(_ rule: LengthRule?) -> String { rule?.description ?? "none" }

    private func because(_ change: ConstraintChange) -> String {
        switch (change, side) {
        case (.narrower, .request): ": deployed clients may send values it now refuses"
        case (.wider, .response): ": deployed clients may receive values they refuse"
        case (.different, _): ": neither narrower nor wider"
        default: ""
        }
    }

    /// Pairs old and new entries by name; one leftover on each side of the same kind is a rename.
    static func pairs<Entry, Kind: Equatable>(
        _ old: [Entry], _ new: [Entry], name: (Entry) -> String, kind: (Entry) -> Kind
    ) -> [(Entry?, Entry?)] {
        let oldByName = Dictionary(old.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(name))
        var removed = old.filter { !newNames.contains(name($0)) }
        var result: [(Entry?, Entry?)] = []
        var added: [Entry] = []
        for entry in new {
            if let match = oldByName[name(entry)] { result.append((match, entry)) } else { added.append(entry) }
        }
        if removed.count == 1, added.count == 1, kind(removed[0]) == kind(added[0]) {
            result.append((removed.removeFirst(), added.removeFirst()))
        }
        return result + added.map { (nil, $0) } + removed.map { ($0, nil) }
    }
}

/// A group rule without its positions: what it says.
struct RuleShape: Equatable {
    var kind: GroupRule.Kind
    var fields: [String]
    init(_ rule: GroupRule) {
        kind = rule.kind
        fields = rule.fields.map(\.value)
    }
}

/// A `when:` dependency without its positions.
private struct DependencyShape: Equatable {
    var field: String
    var values: [String]
    init(_ dependency: FieldDependency) {
        field = dependency.field.value
        values = dependency.values
    }
}
