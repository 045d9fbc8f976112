// A stress fixture, in the spirit of swift-protobuf's: api-specs/stress/keywords.yaml names fields after every Swift
// keyword and contextual keyword, starts names with digits, uses separators, Korean and case twins, and fills
// descriptions, codes and messages with comment and string delimiters, backslashes and bidi controls. The build
// plugin generates it here; if this target compiles and IdentifierStressTests round-trip it, the generator escapes
// names and text correctly. Clashes the generator must refuse are tested in the generator's own tests.
