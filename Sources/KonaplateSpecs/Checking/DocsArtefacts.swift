/// The stored docs pages' artefacts, transcribed as if they were facts (DECISIONS.md D27, D36): constraints that
/// allow no real value, and the `<array>_item` row that stands for an array's element.
enum DocsArtefacts {
    static func check(_ field: FieldSpec, isArrayElement: Bool, arrayName: String?, diagnostics: inout Diagnostics) {
        checkPlaceholders(field, diagnostics: &diagnostics)
        if let arrayName, isItemRow(field.name.value, of: arrayName) {
            diagnostics.error(
                "field '\(field.name.value)' looks like the docs' '\(arrayName)_item' row, which stands for each element of '\(arrayName)', not for a field inside it (DECISIONS.md D36); write its fields directly under '\(arrayName)''s 'fields'",
                at: field.name.location)
        }
    }

    /// `planInfoList_item` under `planInfoList`, or any `…_item` directly in an array's element.
    private static func isItemRow(_ name: String, of array: String) -> Bool {
        name == array + "_item" || name.hasSuffix("_item")
    }

    /// "Length : 0" and "Value : N" on a real field: a validator built from them would reject every real value.
    private static func checkPlaceholders(_ field: FieldSpec, diagnostics: inout Diagnostics) {
        for (key, rule) in [("length", field.length), ("length", field.items?.length)] {
            guard let rule, rule.value.maximum == 0 else { continue }
            diagnostics.error(
                "'\(key): \(rule.value)' on '\(field.name.value)' allows only an empty value: it is the docs' placeholder \"Length : 0\" (DECISIONS.md D27); leave '\(key)' out, or take the length from the description with a comment saying so",
                at: rule.location)
        }
        for range in [field.range, field.items?.range].compactMap({ $0 }) {
            guard let minimum = range.value.minimum, minimum == range.value.maximum else { continue }
            diagnostics.error(
                "'range: \(range.value)' on '\(field.name.value)' allows only \(minimum): it is the docs' placeholder \"Value : \(minimum)\" (DECISIONS.md D27); leave 'range' out, or take the bounds from the description with a comment saying so",
                at: range.location)
        }
    }
}
