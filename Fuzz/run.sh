#!/usr/bin/env bash
# Builds the libFuzzer harness (with AddressSanitizer) and fuzzes the spec loader and generator.
#
#   Fuzz/run.sh [SECONDS]      fuzz for SECONDS (default 60), corpus seeded from api-specs/ and the schema fixtures
#
# Crashes are written to Fuzz/artifacts/ (git-ignored) and stop the run; reproduce one with
# `Fuzz/.build/debug/KonaplateSpecFuzzer Fuzz/artifacts/crash-…`.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
swift build -c debug -Xswiftc -sanitize=fuzzer,address
corpus=.build/corpus
mkdir -p "$corpus" artifacts
find ../api-specs ../Tests/Fixtures/SchemaAgreement -name '*.yaml' | while read -r file; do
    cp "$file" "$corpus/seed-$(echo "$file" | tr '/.' '__')"
done
.build/debug/KonaplateSpecFuzzer "$corpus" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=artifacts/ -print_final_stats=1
