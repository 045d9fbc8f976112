import KonaplateSpecs

/// The words a docs page's text uses, in its English and Korean renderings. The Korean table words (필수, 옵션,
/// 조건부, 길이, 형식, 암호화 처리) are the stored pages'; the Korean section titles are assumed from the same
/// pages' wording, as no complete Korean page text is stored.
enum PageVocabulary {
    static let presences: [String: PagePresence] = [
        "required": .required, "optional": .optional, "conditional": .conditional,
        "필수": .required, "옵션": .optional, "선택": .optional, "조건부": .conditional,
    ]
    static let types: Set<String> = ["string", "number", "integer", "boolean", "object", "array"]
    /// The docs' "array of objects", "array of strings" (DECISIONS.md D24): the elements' type.
    static let elementTypes = [
        "objects": "object", "strings": "string", "numbers": "number", "integers": "number", "booleans": "boolean",
    ]

    /// A row's type line: the type, and the elements' type when the line says "array of …"; nil for any other line.
    static func fieldType(_ line: String) -> (type: String, elements: String?)? {
        let word = line.lowercased()
        if types.contains(word) { return (word, nil) }
        let words = word.split(separator: " ")
        guard words.count == 3, words[0] == "array", words[1] == "of", let elements = elementTypes[String(words[2])]
        else { return nil }
        return ("array", elements)
    }
    static let methods: Set<String> = ["POST", "GET", "PUT", "PATCH", "DELETE"]

    enum Section: String {
        case requestHeaders = "Request Headers"
        case requestParameters = "Request Parameters"
        case responseHeaders = "Response Headers"
        case responseParameters = "Response Parameters"
        case responseCode = "Response Code"
    }

    static let sectionTitles: [String: Section] = [
        "request headers": .requestHeaders, "request header": .requestHeaders, "요청 헤더": .requestHeaders,
        "request parameters": .requestParameters, "request parameter": .requestParameters,
        "요청 파라미터": .requestParameters,
        "response headers": .responseHeaders, "response header": .responseHeaders, "응답 헤더": .responseHeaders,
        "response parameters": .responseParameters, "response parameter": .responseParameters,
        "응답 파라미터": .responseParameters,
        "response code": .responseCode, "응답 코드": .responseCode,
    ]

    /// Where the page's own content ends: the try-it panel.
    static let pageEnd: Set<String> = ["test data", "테스트 데이터"]

    /// "Encrypted|" (EN) or "암호화 처리|" (KO) right under a parameters title.
    static func isEncryptedMarker(_ line: String) -> Bool {
        let compact = line.replacingOccurrences(of: " ", with: "").lowercased()
        return compact.hasPrefix("encrypted|") || compact.hasPrefix("암호화처리|") || compact == "encrypted"
            || compact == "암호화처리"
    }

    static let resultLabels: [String: String] = [
        "error code": "code", "에러 코드": "code", "오류 코드": "code", "message": "message", "메시지": "message",
        "description": "description", "설명": "description",
    ]

    /// "Length : 15", "Min : 1 , Max : 19", "Value : 20", "길이 : 15", "최소 : 1 , 최대 : 19", "값 : 20".
    static func constraint(_ line: String) -> PageConstraint? {
        func number(_ text: Substring) -> Int128? { Int128(text.trimmingCharacters(in: .whitespaces)) }
        let parts = line.split(separator: ",").map { part in
            part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        }
        guard !parts.isEmpty, parts.allSatisfy({ $0.count == 2 }) else { return nil }
        let pairs = Dictionary(parts.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        if parts.count == 1, let length = pairs["length"] ?? pairs["길이"], let value = Int(length), value >= 0 {
            return .length(value)
        }
        if parts.count == 1, let value = (pairs["value"] ?? pairs["값"]).flatMap({ number(Substring($0)) }) {
            return .value(value)
        }
        let minimum = (pairs["min"] ?? pairs["최소"]).flatMap { number(Substring($0)) }
        let maximum = (pairs["max"] ?? pairs["최대"]).flatMap { number(Substring($0)) }
        if parts.count <= 2, minimum != nil || maximum != nil { return .minMax(minimum, maximum) }
        return nil
    }

    static func isFieldName(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return line.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
        }
    }
}
