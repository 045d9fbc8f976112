// The KonaplateAPI library's Swift sources are generated at build time by KonaplateGeneratorPlugin from the
// package's api-specs/ folder, which this target sees through the symlink api-specs beside this file. Generated/ at
// the package root holds the same code, committed for review; `swift run konaplate-gen check` keeps the two in sync.
