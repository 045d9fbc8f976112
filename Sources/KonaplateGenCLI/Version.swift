public enum KonaplateGenVersion {
    /// This package's version, printed by `konaplate-gen --version`. Bumped with each release entry in
    /// CHANGELOG.md (a test checks the two agree). Generated files do not carry it: a release must not rewrite
    /// every generated file in every consumer's repository.
    public static let current = "0.4.0"
}
