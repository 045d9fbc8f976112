import KonaplateSpecs
import KonaplateTextFormats

/// Compares the fields of two versions of one object (a body, a nested object, an array's element), by JSON name.
/// A removed and an added field are one renamed field only on evidence: the Swift name kept (`swiftName`), or the
/// same type, presence, constraints and description. Otherwise they are what they look like, a removal and an
/// addition, and each gets its own verdict.
///
/// The verdicts follow what a deployed client meets (DiffWording says it in words): a request is judged by the new
/// server, which ignores members it does not know and refuses what breaks its rules; a response is judged by the
/// deployed client's generated types, which fail to decode a missing required member and, under the default
/// `.strict` validation, refuse an answer that breaks a documented constraint.
struct FieldComparison {
    let side: DiffSide

    func compare(
        _ old: [FieldSpec], _ new: [FieldSpec], at path: String,
        into collector: inout DiffCollector
    ) {
        for (oldField, newField) in Self.pairs(old, new) {
            switch (oldField, newField) {
            case (let oldField?, let newField?):
                let subject = path + "." + newField.name.value
                if oldField.name.value != newField.name.value {
                    collector.renamedPaths[path + "." + oldField.name.value] = subject
                    let (removal, removalWhy) = removed(oldField, among: new)
                    let (addition, additionWhy) = added(newField, among: old)
                    let verdict = max(removal, addition)
                    let why = [removal == verdict ? removalWhy : nil, addition == verdict ? additionWhy : nil]
                        .compactMap { $0 }
                    collector.add(
                        .fieldRenamed, verdict, subject,
                        "the JSON name changed: '\(oldField.name.value)' → '\(newField.name.value)': "
                            + why.joined(separator: "; "),
                        at: newField.name.location)
                }
                compare(oldField, newField, subject: subject, siblings: (old, new), into: &collector)
            case (let oldField?, nil):
                let (verdict, why) = removed(oldField, among: new)
                collector.add(
                    .fieldRemoved, verdict, path + "." + oldField.name.value, why, at: oldField.name.location.inBase)
            case (nil, let newField?):
                let (verdict, why) = added(newField, among: old)
                collector.add(.fieldAdded, verdict, path + "." + newField.name.value, why, at: newField.name.location)
            case (nil, nil): break
            }
        }
    }

    // MARK: Fields that come and go

    /// A field gone: what a deployed client meets.
    private func removed(_ field: FieldSpec, among new: [FieldSpec]) -> (DiffVerdict, String) {
        switch side {
        case .request:
            return (
                .risky,
                "deployed clients still send '\(field.name.value)'; the server ignores members it does not know, so the value is lost"
            )
        case .response:
            if let situation = Requirement.demanded(Requirement(field), beyond: .never, sentBy: new) {
                return (.breaking, DiffWording.responseMissing(field, situation))
            }
            return (.risky, "the server no longer sends '\(field.name.value)'; deployed clients read nil")
        }
    }

    /// A field new: what a deployed client meets.
    private func added(_ field: FieldSpec, among old: [FieldSpec]) -> (DiffVerdict, String) {
        switch side {
        case .request:
            if let situation = Requirement.demanded(Requirement(field), beyond: .never, sentBy: old) {
                return (
                    .breaking,
                    "a new \(field.presence.word) request field: deployed clients do not send '\(field.name.value)', which the server needs \(situation), so it refuses their requests"
                )
            }
            if case .conditional = field.presence {
                return (
                    .risky,
                    "a new conditional request field: deployed clients never send it, though the docs may need it"
                )
            }
            return (.compatible, "a new optional request field: deployed clients leave it out")
        case .response:
            return (
                .compatible,
                "a new \(field.presence.word) response field: deployed clients ignore members they do not know"
            )
        }
    }

    // MARK: One field on both sides

    private func compare(
        _ old: FieldSpec, _ new: FieldSpec, subject: String, siblings: ([FieldSpec], [FieldSpec]),
        into collector: inout DiffCollector
    ) {
        let owner = new.name.location
        let oldOwner = old.name.location
        if old.type != new.type {
            collector.add(
                .typeChanged, .breaking, subject,
                "\(old.type.rawValue) → \(new.type.rawValue): "
                    + DiffWording.typeChanged(old.type.rawValue, new.type.rawValue, side),
                at: collector.key("type", new: owner, old: oldOwner))
            return  // everything else about the field follows from its type
        }
        comparePresence(old, new, subject: subject, siblings: siblings, into: &collector)
        compareConstraints(
            length: (old.length?.value, new.length?.value), range: (old.range?.value, new.range?.value),
            format: (old.format?.value, new.format?.value), subject: subject, owners: (oldOwner, owner),
            codes: (old.codes, new.codes), into: &collector)
        compareConstraint(
            .patternChanged, old.pattern?.value, new.pattern?.value, subject: subject, owners: (oldOwner, owner),
            into: &collector)
        if let change = ConstraintChange.between(
            (old.count?.value.minimum, old.count?.value.maximum), (new.count?.value.minimum, new.count?.value.maximum))
        {
            collector.add(
                .countChanged, change.verdict(side), subject,
                "elements \(describe(old.count?.value)) → \(describe(new.count?.value))"
                    + DiffWording.because(change, side, "element counts"),
                at: collector.key("count", new: owner, old: oldOwner))
        }
        compareCodes(old.codes, new.codes, subject: subject, owners: (oldOwner, owner), into: &collector)
        collector.compareAnnotations(
            sensitive: (old.sensitive, new.sensitive), description: (old.description, new.description),
            subject: subject,
            owners: (oldOwner, owner))
        if old.rules.map(RuleShape.init) != new.rules.map(RuleShape.init) {
            collector.add(
                .conditionChanged, .risky, subject,
                "the rules about its fields changed: check which combinations deployed clients send",
                at: collector.key("rules", new: owner, old: oldOwner))
        }
        compareElements(old, new, subject: subject, into: &collector)
        compare(old.fields, new.fields, at: subject, into: &collector)
    }

    private func comparePresence(
        _ old: FieldSpec, _ new: FieldSpec, subject: String, siblings: ([FieldSpec], [FieldSpec]),
        into collector: inout DiffCollector
    ) {
        let oldRequirement = Requirement(old)
        let newRequirement = Requirement(new)
        let samePresence = old.presence.word == new.presence.word
        guard old.presence != new.presence || oldRequirement != newRequirement else { return }
        let at = collector.key(samePresence ? "when" : "presence", new: new.name.location, old: old.name.location)
        let change = "\(old.presence.word) → \(new.presence.word)"
        // Who must be ready for the field's absence: the new server (requests), the deployed client (responses).
        let situation =
            side == .request
            ? Requirement.demanded(newRequirement, beyond: oldRequirement, sentBy: siblings.0)
            : Requirement.demanded(oldRequirement, beyond: newRequirement, sentBy: siblings.1)
        if let situation {
            let why =
                side == .request
                ? "deployed clients may leave it out \(situation), so the server refuses their requests"
                : DiffWording.responseMissing(old, situation)
            let rule: DiffRule = samePresence ? .conditionChanged : .presenceChanged
            collector.add(
                rule, .breaking, subject, (samePresence ? "its condition changed" : change) + ": " + why, at: at)
            return
        }
        if samePresence {
            collector.add(
                .conditionChanged, .risky, subject, "the condition under which it is required changed", at: at)
        } else if case .conditional = new.presence, side == .request {
            collector.add(
                .presenceChanged, .risky, subject,
                change + ": the docs now need it in cases no validator checks; deployed clients may leave it out",
                at: at)
        } else if case .conditional = old.presence, side == .response {
            collector.add(
                .presenceChanged, .risky, subject,
                change + ": the server may leave it out in cases the docs state in words", at: at)
        } else {
            let why =
                side == .request
                ? "deployed clients send it or not, both accepted"
                : "deployed clients get it at least as often as before"
            collector.add(.presenceChanged, .compatible, subject, change + ": " + why, at: at)
        }
    }

    func compareConstraints(
        length: (LengthRule?, LengthRule?), range: (IntegerRange?, IntegerRange?), format: (String?, String?),
        subject: String, owners: (SourceLocation?, SourceLocation?), codes: ([CodeSpec], [CodeSpec]) = ([], []),
        into collector: inout DiffCollector
    ) {
        if let change = ConstraintChange.between(
            (length.0?.minimum, length.0?.maximum), (length.1?.minimum, length.1?.maximum)),
            !codes.0.isEmpty, !codes.1.isEmpty
        {
            // A code list on both sides: only its codes travel, so what counts is whether they fit the receiver's length.
            let sent = side == .request ? codes.0 : codes.1
            let limit = side == .request ? length.1 : length.0
            let misfit = sent.first { code in
                let count = code.code.utf16.count
                return count < (limit?.minimum ?? 0) || count > (limit?.maximum ?? Int.max)
            }
            let why =
                switch (misfit, side) {
                case (let code?, .request):
                    ": deployed clients may still send code '\(code.code)', which the server now refuses"
                case (let code?, .response): ": " + DiffWording.responseRefused("code '\(code.code)'")
                case (nil, .request): ": every code deployed clients send still fits"
                case (nil, .response): ": every code the server sends still fits what deployed clients accept"
                }
            collector.add(
                .lengthChanged, misfit == nil ? .compatible : .breaking, subject,
                "length \(describe(length.0)) → \(describe(length.1))" + why,
                at: collector.key("length", new: owners.1, old: owners.0))
            _ = change
        } else if length.0 != length.1,
            let change = ConstraintChange.between(
                Self.effectiveLength(length.0, format.0, other: length.1),
                Self.effectiveLength(length.1, format.1, other: length.0))
        {
            collector.add(
                .lengthChanged, change.verdict(side), subject,
                "length \(describe(length.0)) → \(describe(length.1))"
                    + DiffWording.because(
                        change, side, "values of length \(describe(side == .request ? length.0 : length.1))"),
                at: collector.key("length", new: owners.1, old: owners.0))
        }
        if let change = ConstraintChange.between(
            (range.0?.minimum, range.0?.maximum), (range.1?.minimum, range.1?.maximum))
        {
            let values = "values in \((side == .request ? range.0 : range.1).map(\.description) ?? "any range")"
            collector.add(
                .rangeChanged, change.verdict(side), subject,
                "range \(range.0.map(\.description) ?? "none") → \(range.1.map(\.description) ?? "none")"
                    + DiffWording.because(change, side, values),
                at: collector.key("range", new: owners.1, old: owners.0))
        }
        compareConstraint(.formatChanged, format.0, format.1, subject: subject, owners: owners, into: &collector)
    }

    private func compareConstraint(
        _ rule: DiffRule, _ old: String?, _ new: String?, subject: String, owners: (SourceLocation?, SourceLocation?),
        into collector: inout DiffCollector
    ) {
        guard let change = ConstraintChange.between(old, new) else { return }
        let name = rule == .formatChanged ? "format" : "pattern"
        let sent = side == .request ? old : new
        let values = sent.map { "values in \(name) '\($0)'" } ?? "values in no particular \(name)"
        collector.add(
            rule, change.verdict(side), subject,
            "\(name) \(old.map { "'\($0)'" } ?? "none") → \(new.map { "'\($0)'" } ?? "none")"
                + DiffWording.because(change, side, values),
            at: collector.key(name, new: owners.1, old: owners.0))
    }

    /// A field's code list (or its array elements'): codes by value. A request's codes are what the new server
    /// accepts; a response's are what the deployed client's validation accepts.
    func compareCodes(
        _ old: [CodeSpec], _ new: [CodeSpec], subject: String, owners: (SourceLocation?, SourceLocation?),
        into collector: inout DiffCollector
    ) {
        let at = collector.key("codes", new: owners.1, old: owners.0)
        switch (old.isEmpty, new.isEmpty) {
        case (true, true): return
        case (true, false):
            if side == .request {
                collector.add(
                    .codesAdded, .breaking, subject,
                    "free text became a list of \(new.count) codes: deployed clients may send other text, which the server now refuses",
                    at: at)
            } else {
                collector.add(
                    .codesAdded, .compatible, subject,
                    "free text became a list of \(new.count) codes: deployed clients accept any text, the codes too",
                    at: at)
            }
            return
        case (false, true):
            if side == .request {
                collector.add(
                    .codesRemoved, .compatible, subject,
                    "no longer a list of codes: the server accepts the codes deployed clients send", at: at)
            } else {
                collector.add(
                    .codesRemoved, .breaking, subject,
                    "no longer a list of codes: " + DiffWording.responseRefused("text beyond the \(old.count) codes"),
                    at: at)
            }
            return
        case (false, false): break
        }
        let oldCodes = Set(old.map(\.code))
        let newCodes = Set(new.map(\.code))
        for code in new where !oldCodes.contains(code.code) {
            if side == .request {
                collector.add(
                    .codeAdded, .compatible, subject, "code '\(code.code)' added: the server accepts one more code",
                    at: code.location)
            } else {
                collector.add(
                    .codeAdded, .breaking, subject,
                    "code '\(code.code)' added: " + DiffWording.responseRefused("'\(code.code)'"), at: code.location)
            }
        }
        for code in old where !newCodes.contains(code.code) {
            if side == .request {
                collector.add(
                    .codeRemoved, .breaking, subject,
                    "code '\(code.code)' removed: deployed clients may still send it, and the server now refuses it",
                    at: code.location.inBase)
            } else {
                collector.add(
                    .codeRemoved, .compatible, subject, "code '\(code.code)' removed: the server no longer sends it",
                    at: code.location.inBase)
            }
        }
        let oldMeanings = Dictionary(old.map { ($0.code, $0.meaning) }, uniquingKeysWith: { first, _ in first })
        if let changed = new.first(where: { code in oldMeanings[code.code].map { $0 != code.meaning } ?? false }) {
            collector.add(
                .documentationChanged, .compatible, subject, "the meaning of a code changed", at: changed.location)
        }
    }

    /// An array's element: its type, constraints and codes, and whether it may be null.
    private func compareElements(
        _ old: FieldSpec, _ new: FieldSpec, subject: String, into collector: inout DiffCollector
    ) {
        let at = new.name.location
        if old.elementsOptional != new.elementsOptional {
            let nowNullable = new.elementsOptional
            let breaks = (side == .response) == nowNullable
            let why =
                switch (side, nowNullable) {
                case (.request, true): "deployed clients send no null element; the server accepts them"
                case (.request, false): "deployed clients may send null elements, which the server now refuses"
                case (.response, true): "the server may send null elements; deployed clients fail to decode them"
                case (.response, false): "deployed clients accept the non-null elements the server now sends"
                }
            collector.add(
                .elementTypeChanged, breaks ? .breaking : .compatible, subject,
                (nowNullable ? "elements may now be null: " : "elements may no longer be null: ") + why,
                at: collector.key("elements", new: at, old: old.name.location))
        }
        guard let oldItems = old.items, let newItems = new.items else {
            if (old.items == nil) != (new.items == nil) {
                collector.add(
                    .elementTypeChanged, .breaking, subject,
                    (new.items == nil ? "elements became objects" : "elements are no longer objects") + ": "
                        + DiffWording.shapeChanged(side),
                    at: at)
            }
            return
        }
        let owners = (Optional(oldItems.location), Optional(newItems.location))
        if oldItems.isAny != newItems.isAny || (!oldItems.isAny && oldItems.type != newItems.type) {
            let oldType = oldItems.isAny ? "any" : oldItems.type.rawValue
            let newType = newItems.isAny ? "any" : newItems.type.rawValue
            let breaks =
                !(newItems.isAny && side == .request)
                && !(newItems.isAny == false && oldItems.isAny && side == .response)
            collector.add(
                .elementTypeChanged, breaks ? .breaking : .compatible, subject,
                "elements \(oldType) → \(newType): "
                    + (breaks ? DiffWording.typeChanged(oldType, newType, side) : "any JSON value is accepted"),
                at: newItems.location)
            return
        }
        compareConstraints(
            length: (oldItems.length?.value, newItems.length?.value),
            range: (oldItems.range?.value, newItems.range?.value),
            format: (oldItems.format?.value, newItems.format?.value), subject: subject + "[]", owners: owners,
            into: &collector)
        compareCodes(oldItems.codes, newItems.codes, subject: subject + "[]", owners: owners, into: &collector)
    }

    private func describe(_ rule: LengthRule?) -> String { rule?.description ?? "none" }

    /// The lengths a value may have: its length rule, within the fixed length of its format (`yyyyMMdd`: 8), where
    /// a length rule is in play on either side (a format alone is compared as a format).
    static func effectiveLength(_ rule: LengthRule?, _ format: String?, other: LengthRule?) -> (Int?, Int?) {
        guard rule != nil || other != nil, let format, let fixed = KonaplateFormat(rawValue: format)?.length else {
            return (rule?.minimum, rule?.maximum)
        }
        return (max(rule?.minimum ?? 0, fixed), min(rule?.maximum ?? Int.max, fixed))
    }

    // MARK: Pairing

    /// Pairs old and new fields by JSON name; of the rest, a removed and an added field are one renamed field only
    /// on evidence (`SameField`).
    static func pairs(_ old: [FieldSpec], _ new: [FieldSpec]) -> [(FieldSpec?, FieldSpec?)] {
        let oldByName = Dictionary(old.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(\.name.value))
        var removed = old.filter { !newNames.contains($0.name.value) }
        var result: [(FieldSpec?, FieldSpec?)] = []
        var added: [FieldSpec] = []
        for field in new {
            if let match = oldByName[field.name.value] { result.append((match, field)) } else { added.append(field) }
        }
        for field in added {
            let matches = removed.indices.filter { SameField.evidence(removed[$0], field) }
            guard matches.count == 1 else {
                result.append((nil, field))
                continue
            }
            result.append((removed.remove(at: matches[0]), field))
        }
        return result + removed.map { ($0, nil) }
    }
}

/// When two differently named fields are one field renamed: the Swift name kept, or everything but the name equal.
enum SameField {
    static func evidence(_ old: FieldSpec, _ new: FieldSpec) -> Bool {
        if let kept = new.swiftName?.value, kept == (old.swiftName?.value ?? old.name.value) { return true }
        if let kept = old.swiftName?.value, kept == new.name.value { return true }
        return old.description != nil && shape(old) == shape(new)
    }

    /// Everything a field says but its name and positions.
    private static func shape(_ field: FieldSpec) -> [String] {
        [
            field.type.rawValue, field.presence.word, field.length.map { "\($0.value)" } ?? "",
            field.range.map { "\($0.value)" } ?? "",
            field.format?.value ?? "", field.pattern?.value ?? "",
            field.codes.map { $0.code + "=" + $0.meaning }.joined(separator: ","),
            field.count.map { "\($0.value)" } ?? "", "\(field.sensitive)", field.description ?? "",
            field.items.map { "\($0.type)" } ?? "",
            field.fields.map(\.name.value).joined(separator: ","),
        ]
    }
}

/// When generated validators require a field: always, when a sibling has one of some values, or never (optional,
/// or Conditional on a condition the docs state only in words, which nothing checks).
enum Requirement: Equatable {
    case always
    case when(field: String, values: Set<String>)
    case never

    init(_ field: FieldSpec) {
        switch field.presence {
        case .required: self = .always
        case .optional: self = .never
        case .conditional:
            if let dependency = field.requiredWhen {
                self = .when(field: dependency.field.value, values: Set(dependency.values))
            } else {
                self = .never
            }
        }
    }

    /// A situation in which `demanding` requires the field and `granted` does not, that a sender whose object has
    /// `sender` fields can bring about; nil when there is none. The receiver requires it under `demanding`; the
    /// sender sends it under `granted`.
    static func demanded(_ demanding: Requirement, beyond granted: Requirement, sentBy sender: [FieldSpec]) -> String? {
        switch (demanding, granted) {
        case (.never, _), (.always, .always), (.when, .always): return nil
        case (.always, .never): return "at any time"
        case (.always, .when(let field, let values)):
            return "whenever \(field) is not \(values.sorted().joined(separator: " or "))"
        case (.when(let field, let values), let granted):
            var triggers = values
            if case .when(field, let grantedValues) = granted { triggers.subtract(grantedValues) }
            guard !triggers.isEmpty, let other = sender.first(where: { $0.name.value == field }) else { return nil }
            // A code list limits what the sender sends; free text or a number may be anything.
            if !other.codes.isEmpty { triggers.formIntersection(other.codes.map(\.code)) }
            return triggers.isEmpty ? nil : "when \(field) is \(triggers.sorted().joined(separator: " or "))"
        }
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
