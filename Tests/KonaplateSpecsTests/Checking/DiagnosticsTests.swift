import KonaplateGenerator
import KonaplateOpenAPI
import SpecTestSupport
import Testing

@testable import KonaplateSpecs

/// Each bad input is a small spec with one thing wrong; the test pins the exact text, line and column a user sees.
struct DiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let expected: [String]
        var testDescription: String { name }
    }

    /// `validSpec` with extra lines appended inside the request's fields (indented for that level).
    static func withField(_ lines: String) -> String { validSpec + lines }

    static let cases: [Case] = [
        Case(
            name: "misspelled top-level key", yaml: validSpec + "titel: x\n",
            expected: ["spec.yaml:11:1: error: unknown key 'titel' in the endpoint spec; did you mean 'title'?"]),
        Case(
            name: "misspelled field key",
            yaml: withField("    bankCode: { type: string, presence: required, lenght: 3 }\n"),
            expected: ["spec.yaml:11:51: error: unknown key 'lenght' in field 'bankCode'; did you mean 'length'?"]),
        Case(
            name: "unknown key with a close match names it",
            yaml: validSpec + "request2: x\n",
            expected: [
                "spec.yaml:11:1: error: unknown key 'request2' in the endpoint spec; did you mean 'request'?"
            ]),
        Case(
            name: "unknown key with no close match lists the keys",
            yaml: withField("    bankCode: { type: string, presence: required, colour: red }\n"),
            expected: [
                "spec.yaml:11:51: error: unknown key 'colour' in field 'bankCode'; expected one of type, presence, when, length, range, format, codes, sensitive, description, fields, items, count, swiftName, pattern, elements, rules"
            ]),
        Case(
            name: "the docs' Value gets a pointer to range",
            yaml: withField("    amount: { type: number, presence: required, value: 20 }\n"),
            expected: [
                "spec.yaml:11:49: error: unknown key 'value' in field 'amount'; for the docs' \"Value\" or \"Min : a , Max : b\" write 'range: a...b' on a number, or 'length: a...b' on a string (see DECISIONS.md D27 for placeholders such as \"Value : 20\")"
            ]),
        Case(
            name: "maxLength gets a pointer to length",
            yaml: withField("    name: { type: string, presence: required, maxLength: 80 }\n"),
            expected: [
                "spec.yaml:11:47: error: unknown key 'maxLength' in field 'name'; write 'length: a...b' (or 'length: ...b', 'length: a...')"
            ]),
        Case(
            name: "required: true gets a pointer to presence",
            yaml: withField("    name: { type: string, required: true }\n"),
            expected: [
                "spec.yaml:11:11: error: missing required key 'presence' in field 'name'",
                "spec.yaml:11:27: error: unknown key 'required' in field 'name'; write 'presence: required', 'presence: optional' or 'presence: conditional' (the docs' Required/Optional/Conditional)",
            ]),
        Case(
            name: "a pattern Swift cannot read",
            yaml: withField("    plate: { type: string, presence: required, pattern: \"[A-Z\" }\n"),
            expected: [
                "spec.yaml:11:57: error: 'pattern' of 'plate' is not a regular expression Swift reads; write one both Swift and JSON Schema read (ECMA-262 syntax: [0-9], \\d, (?:…), {n,m})"
            ]),
        Case(
            name: "a pattern on a number",
            yaml: withField("    count: { type: number, presence: required, pattern: \"[0-9]+\" }\n"),
            expected: [
                "spec.yaml:11:48: error: 'pattern' applies to string fields; field 'count' is a number"
            ]),
        Case(
            name: "the docs' Length : 0 placeholder",
            yaml: withField("    par: { type: string, presence: required, length: 0 }\n"),
            expected: [
                "spec.yaml:11:54: error: 'length: 0' on 'par' allows only an empty value: it is the docs' placeholder \"Length : 0\" (DECISIONS.md D27); leave 'length' out, or take the length from the description with a comment saying so"
            ]),
        Case(
            name: "the docs' Value : N placeholder",
            yaml: validSpec.replacingOccurrences(of: "range: 1...9999999999999999999", with: "range: 20...20"),
            expected: [
                "spec.yaml:10:56: error: 'range: 20...20' on 'userId' allows only 20: it is the docs' placeholder \"Value : 20\" (DECISIONS.md D27); leave 'range' out, or take the bounds from the description with a comment saying so"
            ]),
        Case(
            name: "the docs' _item row written as a field",
            yaml: withField(
                "    planInfoList:\n      type: array\n      presence: required\n      fields:\n        planInfoList_item:\n          type: object\n          presence: optional\n          fields:\n            amount: { type: number, presence: required }\n"
            ),
            expected: [
                "spec.yaml:15:9: error: field 'planInfoList_item' looks like the docs' 'planInfoList_item' row, which stands for each element of 'planInfoList', not for a field inside it (DECISIONS.md D36); write its fields directly under 'planInfoList''s 'fields'"
            ]),
        Case(
            name: "required free text that accepts an empty value",
            yaml: withField("    loginId: { type: string, presence: required, length: ...80 }\n"),
            expected: [
                "spec.yaml:11:58: warning: required text 'loginId' with 'length: ...80' accepts an empty value; write 'length: 1...80' (required free text has at least 1 character, DECISIONS.md D34)"
            ]),
        Case(
            name: "a name that is not the one derived from the path",
            yaml: validSpec.replacingOccurrences(of: "name: Sample", with: "name: Example"),
            expected: [
                "spec.yaml:1:7: remark: 'name' Example is not the name the naming convention derives from the path (UpperCamelCase after the version), 'Sample'; keep it if callers already use it, otherwise consider 'name: Sample'"
            ]),
        Case(
            name: "a long result case name",
            yaml: validSpec
                + "results:\n  - { status: 400, code: \"007_030\", message: Cancellation not possible for this transaction. }\n",
            expected: [
                "spec.yaml:12:26: warning: result code '007_030' becomes the case 'cancellationNotPossibleForThisTransaction' (41 characters); a shorter name reads better in a switch: set 'case:' (e.g. 'case: cancellationNotPossible')"
            ]),
        Case(
            name: "elements on a string",
            yaml: withField("    name: { type: string, presence: required, elements: optional }\n"),
            expected: [
                "spec.yaml:11:47: error: 'elements' applies to array fields; field 'name' is a string"
            ]),
        Case(
            name: "a format a number cannot carry",
            yaml: withField("    at: { type: number, presence: required, format: HHmmss }\n"),
            expected: [
                "spec.yaml:11:53: error: format HHmmss cannot be a number's: a number drops leading zeros, and only dates and times that start with a 4-digit year keep every digit; type 'at' as a string"
            ]),
        Case(
            name: "a checkable when that names no field of the object",
            yaml: withField(
                "    amount: { type: number, presence: conditional, when: { field: kinds, oneOf: [A] } }\n"),
            expected: ["spec.yaml:11:67: error: 'when' names 'kinds', which is not another field of this object"]),
        Case(
            name: "a checkable when with a value the other field cannot have",
            yaml: withField(
                "    kind: { type: string, presence: required, codes: { INFINITE: a, FIXED: b } }\n    amount: { type: number, presence: conditional, when: { field: kind, oneOf: [INFINTE] } }\n"
            ),
            expected: [
                "spec.yaml:12:58: error: 'INFINTE' is not one of the codes of 'kind' (INFINITE, FIXED); did you mean 'INFINITE'?"
            ]),
        Case(
            name: "a rule that names a required field",
            yaml: validSpec.replacingOccurrences(
                of: "request:\n", with: "request:\n  rules:\n    - exactlyOne: [userId, cardNo]\n")
                + "    cardNo: { type: string, presence: conditional }\n",
            expected: [
                "spec.yaml:10:20: error: 'userId' is required, so 'exactlyOne' about it says nothing; make it 'presence: conditional' (or optional)"
            ]),
        Case(
            name: "a rule that names no field of the object",
            yaml: validSpec.replacingOccurrences(
                of: "request:\n", with: "request:\n  rules:\n    - atLeastOne: [par, cardNo]\n")
                + "    par: { type: string, presence: conditional }\n",
            expected: ["spec.yaml:10:25: error: 'atLeastOne' names 'cardNo', which is not a field of this object"]),
        Case(
            name: "a conditional field that says nothing of when",
            yaml: withField("    par: { type: string, presence: conditional }\n"),
            expected: [
                "spec.yaml:11:5: error: conditional field 'par' needs 'when:' (the docs' condition in words, or { field, oneOf } when it is checkable), or a rule of its object that names it (rules: [{ exactlyOne: [...] }])"
            ]),
        Case(
            name: "a common word for a type",
            yaml: withField("    count: { type: int, presence: required }\n"),
            expected: [
                "spec.yaml:11:20: error: 'type' must be one of string, number, boolean, object, array; found 'int'; write 'type: number' (a whole number: Konaplate amounts and ids are exact, never Double)"
            ]),
        Case(
            name: "the docs' Mandatory for a presence",
            yaml: withField("    name: { type: string, presence: mandatory }\n"),
            expected: [
                "spec.yaml:11:37: error: 'presence' must be one of required, optional, conditional; found 'mandatory'; write 'presence: required'"
            ]),
        Case(
            name: "a quoted boolean is text",
            yaml: validSpec.replacingOccurrences(of: "request:\n", with: "request:\n  encrypted: \"true\"\n"),
            expected: [
                "spec.yaml:9:14: error: 'encrypted' expects true or false; found the text \"true\" (a quoted value is text in YAML: write true without quotes)"
            ]),
        Case(
            name: "a key indented wrongly gets libyaml's error and a hint",
            yaml: validSpec + "    bankCode:\n      type: string\n     presence: required\n",
            expected: [
                "spec.yaml:13:6: error: invalid YAML: did not find expected key (while parsing a block mapping at line 10, column 5); check the indentation: the keys of the mapping that starts at line 10 are in column 5; a key of a nested mapping goes further right than its parent's key, consistently"
            ]),
        Case(
            name: "a key one space too far is named at its line",
            yaml: withField(
                "     userName: { type: string, presence: required, length: 1...10 }\n    other: { type: string, presence: optional }\n"
            ),
            expected: [
                "spec.yaml:11:6: error: invalid YAML: 'userName' is indented further right (column 6) than the keys before and after it (column 5, lines 10 and 12), so YAML reads it as part of the value above; indent it like them"
            ]),
        Case(
            name: "a key dedented to its parent's level is named at its line, not at the next one",
            yaml: withField(
                "    bankName:\n      type: string\n    presence: required\n      length: 1...10\n    other: { type: string, presence: optional }\n"
            ),
            expected: [
                "spec.yaml:13:5: error: invalid YAML: 'presence' is indented to column 5, left of the keys before and after it (column 7, lines 12 and 14), so YAML reads it as a key of another mapping; indent it like them"
            ]),
        Case(
            name: "a key indented into the value above is named at its line, without the quoting hint",
            yaml: withField("    bankName:\n      type: string\n       presence: required\n      length: 1...10\n"),
            expected: [
                "spec.yaml:13:8: error: invalid YAML: 'presence' is indented further right (column 8) than the keys before and after it (column 7, lines 12 and 14), so YAML reads it as part of the value above; indent it like them"
            ]),
        Case(
            name: "a duplicate key in a flow mapping is named at the duplicate",
            yaml: withField("    name: { type: string, presence: required, type: number }\n"),
            expected: [
                "spec.yaml:11:47: error: duplicate key 'type' (first at line 11); each key may appear once in a mapping (for fields: two fields with one name)"
            ]),
        Case(
            name: "a duplicate key in a nested block mapping is named at the duplicate",
            yaml: withField("    bankName:\n      type: string\n      presence: required\n      type: number\n"),
            expected: [
                "spec.yaml:14:7: error: duplicate key 'type' (first at line 12); each key may appear once in a mapping (for fields: two fields with one name)"
            ]),
        Case(
            name: "a colon inside a plain value gets a hint",
            yaml: withField("    bankCode: { type: string, presence: required }\n") + "request2: a: b\n",
            expected: [
                "spec.yaml:12:12: error: invalid YAML: mapping values are not allowed in this context; a ': ' inside a value starts a mapping; quote the value (description: \"a: b\"), or indent this key under the one it belongs to"
            ]),
        Case(
            name: "missing required key",
            yaml: validSpec.replacingOccurrences(of: "path: /api/v1/sample\n", with: ""),
            expected: ["spec.yaml:1:1: error: missing required key 'path' in the endpoint spec"]),
        Case(
            name: "path without leading slash",
            yaml: validSpec.replacingOccurrences(of: "path: /api", with: "path: api"),
            expected: [
                "spec.yaml:4:7: error: 'path' must start with '/'; found 'api/v1/sample' (did you mean '/api/v1/sample'?)"
            ]),
        Case(
            name: "name that is not a Swift type name",
            yaml: validSpec.replacingOccurrences(of: "name: Sample", with: "name: bank-accounts"),
            expected: [
                "spec.yaml:1:7: error: 'name' must be a Swift type name (letters and digits, starting with an upper-case letter); found 'bank-accounts' (did you mean 'BankAccounts'?)"
            ]),
        Case(
            name: "unknown type",
            yaml: withField("    bankCode: { type: strng, presence: required }\n"),
            expected: [
                "spec.yaml:11:23: error: 'type' must be one of string, number, boolean, object, array; found 'strng'; did you mean 'string'?"
            ]),
        Case(
            name: "unknown format",
            yaml: withField("    at: { type: string, presence: required, format: yyyyMMddHHmmsss }\n"),
            expected: [
                "spec.yaml:11:53: error: unknown format 'yyyyMMddHHmmsss'; did you mean 'yyyyMMddHHmmss'?; known formats: yyyyMMddHHmmssSSS, yyyyMMddHHmmss, yyyyMMddHHmm, yyyyMMdd, yyyyMM, yyMMdd, yyMM, MMyy, HHmmss, HHmm, correlation-id, tran-token, time-zone"
            ]),
        Case(
            name: "minimum greater than maximum",
            yaml: withField("    name: { type: string, presence: required, length: 10...3 }\n"),
            expected: [
                "spec.yaml:11:55: error: 'length' range 10...3 is empty: minimum 10 is greater than maximum 3"
            ]),
        Case(
            name: "numeric range minimum greater than maximum",
            yaml: withField("    amount: { type: number, presence: required, range: 100...1 }\n"),
            expected: [
                "spec.yaml:11:56: error: 'range' range 100...1 is empty: minimum 100 is greater than maximum 1"
            ]),
        Case(
            name: "exact length contradicting the format",
            yaml: withField("    at: { type: string, presence: required, length: 16, format: yyyyMMddHHmmss }\n"),
            expected: [
                "spec.yaml:11:53: error: 'length' 16 of 'at' contradicts its format yyyyMMddHHmmss, whose values are 14 characters; remove 'length' or fix it"
            ]),
        Case(
            name: "enumerated code longer than the field",
            yaml: withField(
                """
                    status:
                      type: string
                      presence: required
                      length: 2
                      codes: { "01": 정상, "003": 해지 }

                """),
            expected: ["spec.yaml:15:26: error: code '003' of 'status' is 3 characters, but 'length' is 2"]),
        Case(
            name: "duplicate field name",
            yaml: withField("    userId: { type: number, presence: optional }\n"),
            expected: [
                "spec.yaml:11:5: error: duplicate key 'userId' (first at line 10); each key may appear once in a mapping (for fields: two fields with one name)"
            ]),
        Case(
            name: "two fields that become one Swift name",
            yaml: withField("    user-id: { type: string, presence: optional }\n"),
            expected: [
                "spec.yaml:11:5: error: fields 'userId' (line 10) and 'user-id' both become the Swift property 'userId'; set 'swiftName' on one of them"
            ]),
        Case(
            name: "two objects that become one Swift type",
            yaml: withField(
                """
                    info: { type: object, presence: optional, fields: { a: { type: string, presence: optional } } }
                    Info: { type: object, presence: optional, fields: { b: { type: string, presence: optional } } }

                """),
            expected: [
                "spec.yaml:12:5: error: fields 'info' (line 11) and 'Info' both become the Swift type 'Info'; set 'swiftName' on one of them"
            ]),
        Case(
            name: "undefined header set",
            yaml: validSpec.replacingOccurrences(of: "headers: standard", with: "headers: standrd"),
            expected: [
                "spec.yaml:7:10: error: header set 'standrd' is not defined in common/; did you mean 'standard'?"
            ]),
        Case(
            name: "override of a header the set does not have",
            yaml: validSpec.replacingOccurrences(
                of: "headers: standard",
                with: "headers: { use: standard, request: { X-KM-User-AspID: { length: 16 } } }"),
            expected: [
                "spec.yaml:7:38: error: header 'X-KM-User-AspID' is not in the header set; did you mean 'X-KM-User-AspId'?; a new header needs 'presence' and 'source'"
            ]),
        Case(
            name: "malformed YAML",
            yaml: validSpec + "results: [ { status: 200\n",
            expected: [
                "spec.yaml:12:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 11, column 12)"
            ]),
        Case(
            name: "a list where a mapping belongs",
            yaml: validSpec.replacingOccurrences(
                of: "  fields:\n    userId: { type: number, presence: required, range: 1...9999999999999999999 }",
                with: "  fields:\n    - userId"),
            expected: ["spec.yaml:10:5: error: 'fields' must be a mapping of field names to fields; found a list"]),
        Case(
            name: "a scalar where a mapping belongs",
            yaml: withField("    bankCode: string\n"),
            expected: ["spec.yaml:11:15: error: field 'bankCode' must be a mapping; found 'string'"]),
        Case(
            name: "empty file", yaml: "",
            expected: [
                "spec.yaml:1:1: error: the file is empty; an endpoint spec starts with 'name:', a definitions file with 'headerSets:'"
            ]),
        Case(
            name: "only a comment", yaml: "# nothing yet\n",
            expected: [
                "spec.yaml:1:1: error: the file is empty; an endpoint spec starts with 'name:', a definitions file with 'headerSets:'"
            ]),
        Case(
            name: "top-level list", yaml: "- name: Sample\n",
            expected: ["spec.yaml:1:1: error: the endpoint spec must be a mapping; found a list"]),
        Case(
            name: "conditional field without its condition",
            yaml: withField("    ci: { type: string, presence: conditional }\n"),
            expected: [
                "spec.yaml:11:5: error: conditional field 'ci' needs 'when:' (the docs' condition in words, or { field, oneOf } when it is checkable), or a rule of its object that names it (rules: [{ exactlyOne: [...] }])"
            ]),
        Case(
            name: "length on a number",
            yaml: withField("    amount: { type: number, presence: required, length: 10 }\n"),
            expected: [
                "spec.yaml:11:49: error: 'length' applies to string fields; field 'amount' is a number (use 'range' for a number's value range)"
            ]),
        Case(
            name: "misspelled presence",
            yaml: withField("    ci: { type: string, presence: requird }\n"),
            expected: [
                "spec.yaml:11:35: error: 'presence' must be one of required, optional, conditional; found 'requird'; did you mean 'required'?"
            ]),
        Case(
            name: "range beyond 64 bits",
            yaml: withField("    big: { type: number, presence: required, range: 0...99999999999999999999 }\n"),
            expected: [
                "spec.yaml:11:53: error: 'range' 0...99999999999999999999 of 'big' does not fit a 64-bit integer (signed or unsigned)"
            ]),
        Case(
            name: "decimal range",
            yaml: withField("    rate: { type: number, presence: required, range: 0.5...1.5 }\n"),
            expected: [
                "spec.yaml:11:54: error: 'range' bounds must be whole numbers; decimal numbers are not supported (Konaplate amounts are whole won)"
            ]),
        Case(
            name: "yes is not a boolean",
            yaml: validSpec.replacingOccurrences(of: "request:\n", with: "request:\n  encrypted: yes\n"),
            expected: ["spec.yaml:9:14: error: 'encrypted' expects true or false; found 'yes'"]),
        Case(
            name: "array without element description",
            yaml: withField("    tcList: { type: array, presence: optional }\n"),
            expected: [
                "spec.yaml:11:13: error: array field 'tcList' needs either 'fields' (a list of objects) or 'items' (a list of scalars: items: string)"
            ]),
        Case(
            name: "unknown key inside items",
            yaml: withField("    ids: { type: array, presence: optional, items: { type: string, lenght: 3 } }\n"),
            expected: ["spec.yaml:11:68: error: unknown key 'lenght' in 'items'; did you mean 'length'?"]),
        Case(
            name: "partial docs without saying what is missing",
            yaml: validSpec.replacingOccurrences(of: "docs: complete", with: "docs: partial"),
            expected: ["spec.yaml:6:7: error: 'docs: partial' needs 'missing:' saying what the stored page lacks"]),
        Case(
            name: "result code listed twice",
            yaml: validSpec + """
                results:
                  - { status: 200, code: "000_000", message: Success. }
                  - { status: 400, code: "000_000", message: Requeset format error. }

                """,
            expected: ["spec.yaml:13:26: error: result code '000_000' is listed twice (first at line 12)"]),
        Case(
            name: "two documents in one file",
            yaml: validSpec + "---\nname: Other\n",
            expected: [
                "spec.yaml:11:1: error: invalid YAML: but found another document (expected a single document in the stream at line 1, column 1)"
            ]),
        Case(
            name: "YAML alias",
            yaml: validSpec + "summary: &s text\nnotes: *s\n",
            expected: [
                "spec.yaml:12:1: error: 'notes' uses a YAML alias; aliases are not supported in specs, write the value out"
            ]),
        Case(
            name: "tab indentation",
            yaml: validSpec.replacingOccurrences(of: "    userId:", with: "\tuserId:"),
            expected: [
                "spec.yaml:10:1: error: invalid YAML: found character that cannot start any token (while scanning for the next token at line 10, column 1); YAML is indented with spaces, never tabs, and a plain value cannot start with '@' or '`'; replace the tabs or quote the value"
            ]),
        Case(
            name: "several problems are all reported, in file order",
            yaml: validSpec.replacingOccurrences(of: "mode: sync", with: "mode: synch") + "titel: x\n",
            expected: [
                "spec.yaml:5:7: error: 'mode' must be one of sync, async; found 'synch'; did you mean 'sync'?",
                "spec.yaml:11:1: error: unknown key 'titel' in the endpoint spec; did you mean 'title'?",
            ]),
    ]

    @Test(arguments: cases)
    func reportsExactDiagnostic(_ testCase: Case) {
        #expect(diagnostics(testCase.yaml) == testCase.expected)
    }

    @Test func theValidSpecHasNoDiagnostics() {
        #expect(diagnostics(validSpec) == [])
    }

    @Test func bytesThatAreNotUTF8AreRejectedAtTheirPosition() {
        var bytes = Array(validSpec.utf8)
        // Line 2 is "title: 샘플"; replace its first Hangul byte with a lone continuation byte.
        let index = bytes.firstIndex(of: 0xEC)!
        bytes[index] = 0xFF
        #expect(
            diagnostics(bytes: bytes) == [
                "spec.yaml:2:8: error: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8"
            ])
    }

    @Test func errorsInOneFileStopNoOtherFileFromBeingChecked() {
        let first = endpointInput(validSpec.replacingOccurrences(of: "mode: sync", with: "mode: x"), file: "a.yaml")
        let second = endpointInput(
            validSpec.replacingOccurrences(of: "name: Sample", with: "name: Other").replacingOccurrences(
                of: "/sample", with: "/other")
                + "titel: x\n", file: "b.yaml")
        let messages = SpecFrontEnd.lint([second, first]).map(\.description)
        #expect(messages.count == 2)
        #expect(messages[0].hasPrefix("a.yaml:5:7: error:"))
        #expect(messages[1].hasPrefix("b.yaml:11:1: error:"))
    }

    @Test func anEndpointNameUsedTwiceIsAnError() {
        let first = endpointInput(validSpec, file: "a.yaml")
        let second = endpointInput(validSpec.replacingOccurrences(of: "/sample", with: "/other"), file: "b.yaml")
        #expect(
            SpecFrontEnd.lint([first, second]).filter { $0.severity == .error }.map(\.description) == [
                "b.yaml:1:7: error: endpoint name 'Sample' is already used by a.yaml; each endpoint needs its own name"
            ])
    }

    /// A deliberate name must not warn on every build: the remark is for `lint`, generating (the CLI, both plugins)
    /// drops it and still produces the files.
    @Test func remarksAreForLintOnly() {
        let renamed = endpointInput(
            validSpec.replacingOccurrences(of: "name: Sample", with: "name: Example"), file: "a.yaml")
        #expect(SpecFrontEnd.lint([renamed]).map(\.severity) == [.remark])
        let result = GeneratorPipeline.generate([renamed])
        #expect(result.diagnostics.isEmpty)
        #expect(!result.files.isEmpty)
        #expect(OpenAPIExporter.document([renamed]).diagnostics.isEmpty)
    }

    @Test func noFilesAreProducedWhenAnySpecHasAnError() {
        let good = endpointInput(validSpec, file: "a.yaml")
        let bad = endpointInput(
            validSpec.replacingOccurrences(of: "name: Sample", with: "name: Other") + "titel: x\n", file: "b.yaml")
        let result = GeneratorPipeline.generate([good, bad])
        #expect(result.hasErrors)
        #expect(result.files.isEmpty)
    }

    @Test func suggestionsNeedAPlausibleTypo() {
        #expect(Suggestion.closest(to: "lenght", among: SpecLoader.fieldKeys) == "length")
        #expect(Suggestion.closest(to: "descripton", among: SpecLoader.fieldKeys) == "description")
        #expect(Suggestion.closest(to: "x", among: SpecLoader.fieldKeys) == nil)
        #expect(Suggestion.closest(to: "colour", among: SpecLoader.fieldKeys) == nil)
    }
}
