/// The Konaplate API's own definitions, built in: the standard X-KM-* header set every endpoint page repeats, and
/// the result codes every endpoint shares. Facts of the API, not of a user's target, so a specs folder needs no
/// `common/` of its own: `headers: standard` just works. A definitions file of the user's adds to them or replaces
/// them by name (a header set) or by code (a shared result code).
///
/// Kept as the YAML a user would write, so it is read by the same loader and checked by the same rules as any
/// definitions file; `konaplate-gen definitions` prints it.
public enum BuiltInDefinitions {
    /// The name diagnostics and generated headers give the built-in file.
    public static let sourceName = "konaplate-gen/common/konaplate.yaml"

    /// The built-in definitions, as a spec input.
    public static var input: SpecInput {
        SpecInput(displayPath: "<built-in> " + sourceName, sourceName: sourceName, contents: Array(yaml.utf8))
    }

    /// Whether a header set or result code came from here rather than from the user's specs.
    public static func isBuiltIn(sourceName: String) -> Bool { sourceName == Self.sourceName }

    public static let yaml = #"""
        # The Konaplate API's own definitions, built into konaplate-gen: every specs folder has them without a file of its
        # own. A definitions file in a specs folder's common/ adds sets and shared codes, and replaces a built-in set of the
        # same name (whole) or a shared code of the same code (`konaplate-gen definitions` prints this file to start from).
        #
        # The X-KM-* header sets every endpoint page repeats, defined once (DECISIONS.md D1).
        # An endpoint names a set with `headers: standard`, or changes single headers for its page:
        #   headers: { use: standard, request: { X-KM-User-AspId: { length: 16 } } }
        headerSets:
          standard:
            request:
              X-KM-User-AspId:
                presence: required
                length: 15
                source: aspId
                description: |-
                  ASP ID
                  - ID given to the service provider.
                  - The ID is provided at the time of contract.
              X-KM-Correlation-Id:
                presence: required
                # The docs write the form "yyMMddHHmiSS-xxxxxxx" (pages) and "yyMMddHH24mmss-xxxxxxx" (guideline):
                # both are 12 digits, '-', 7 hex digits = 20 characters, which the format checks (DECISIONS.md D3).
                format: correlation-id
                source: correlationId
                description: |-
                  Transaction number for tracking transactions
                  - Form: yyMMddHHmmss-xxxxxxx
                  - xxxxxxx: 7 digits, hex string
              X-KM-Access-Key:
                presence: conditional
                when: not-callback          # docs: "Excluding the case for Callback API"
                length: 40
                sensitive: true
                source: accessKey
                description: |-
                  Access Key created by Project
                  - Excluding the case for Callback API
              X-KM-Crypto-Key-Id:
                # The docs say Optional, and "Required value when requesting data encryption". The key id names the
                # project's key pair (server and client certificate), so it is required when either body is encrypted.
                presence: conditional
                when: encrypted
                length: 32
                source: cryptoKeyId
                description: |-
                  Data Encryption/Decryption Key ID
                  - Given ID from creating the service provider's project
                  - Required value when requesting data encryption.
              X-KM-Tran-Token:
                presence: required
                # Every docs table says "Length : 66", but a real token is 67 characters: "KMV1:" (5) + yyyyMMddHHmmssSSS
                # (17) + ":" (1) + Base64 of an HMAC-SHA256 (44), as the docs' own sample token is
                # (DECISIONS.md D8, DECISIONS.md D9). The format accepts real tokens; 'length: 66' would reject every one.
                # The time inside the token is yyyyMMddHHmmssSSS (17 digits), as the KO page and the sample say; the EN
                # page's "yyyyyMMddHHmmssSS" is a typo (DECISIONS.md D10). It has milliseconds; X-KM-Tran-Time has none.
                format: tran-token
                source: tranToken
                description: |-
                  Data integrity check: "KMV1:" + yyyyMMddHHmmssSSS + ":" + Base64(HMAC-SHA256(secretKey, body))
                  (Common header information - X-KM-Tran-Token guide page)
              X-KM-Tran-Time:
                presence: required
                # Some pages say "Length : 16" with "Form : YYYYMMDDHH24MISS": 16 is the length of that pattern text
                # (DECISIONS.md D2).
                # The guideline page, the KO pages and the other EN pages say 14 (yyyyMMddHHmmss), which is the value.
                format: yyyyMMddHHmmss
                source: tranTime
                description: |-
                  Client request time
                  - Form: yyyyMMddHHmmss
              X-KM-Time-Zone:
                presence: required
                format: time-zone
                source: timeZone
                description: International Standard Time (UTC, KST, ...)
            response:
              X-KM-Correlation-Id:
                presence: required
                format: correlation-id
                description: |-
                  Transaction number for tracking transactions
                  - Form: yyMMddHHmmss-xxxxxxx
                  - xxxxxxx: 7 digits, hex string
              X-KM-Crypto-Key-Id:
                presence: optional
                length: 32
                description: |-
                  Data encryption/decryption key ID
                  - Given ID from creating the service provider's project
                  - If it is passed as a callback, the first key issued among the keys issued to the service provider is used.

        # The result codes of the 000 area (common and input validation, DECISIONS.md D16) that the pages show: the
        # server's answers to any request, so every endpoint's ResultCode has them, also where its page lost its code table.
        # An endpoint whose own table lists one of these codes keeps its own row (DECISIONS.md D44).
        sharedResults:
          - { status: 200, code: "000_000", message: Success., description: 성공 }
          - { status: 400, code: "000_002", message: Invalid input parameter., description: 입력 파라미터 오류 }
          - { status: 400, code: "000_003", message: Missing required values., description: 필수 파라미터가 누락되었습니다. }
          - status: 400
            code: "000_015"
            message: The length of value does not match.
            description: 필드 길이 오류
            case: valueLengthMismatch
        """#
}
