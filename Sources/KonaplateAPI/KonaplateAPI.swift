// The KonaplateAPI library's Swift sources are generated at build time by KonaplateGeneratorPlugin from the
// package's api-specs/ folder (named in konaplate-generator.json beside this file). Generated/ at the package root
// holds the same files, committed for review; `swift run konaplate-gen check` keeps the two in sync.
