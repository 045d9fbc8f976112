#!/usr/bin/env bash
# The long run of `konaplate-gen diff`'s oracles: N seeded mutants of api-specs/ (default 10,000), each through
# `diff`, the Swift oracle (a usage probe type-checked against the mutant's generated code) and the wire oracle
# (edge samples replayed through both sides' generated code). A disagreement prints the mutant.
#
#   Tools/diff-mutations.sh [N]        SEED=2027 BATCH=300 KONAPLATE_BUILD_LOCK=/path/to/lock Tools/diff-mutations.sh
#
# It runs MutationTests (Tests/KonaplateSpecDiffTests/Oracle) once per batch, as its own test process; with
# KONAPLATE_BUILD_LOCK set, each batch takes that lock (flock) only while it runs, so other builds on the machine
# get it in between. Resumable: what is done is in .build/diff-mutations/progress.tsv (one line per batch); run it
# again to go on. The compiled base module and the oracles' answers (by generated code) are kept there too.
# At the end the totals, computed in Python, go into BENCHMARKS.md (section diff-mutations) and the DocC article
# Sources/KonaplateGenCLI/KonaplateGenCLI.docc/ReviewingSpecChanges.md (the same section).
#
# Exit status: 0 when every batch ran and no mutant disagreed; 1 otherwise (the failing batches' output is in
# .build/diff-mutations/failures-START.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-10000}
batch=${BATCH:-300}
seed=${SEED:-2027}
state=.build/diff-mutations
mkdir -p "$state"
progress=$state/progress.tsv
locked() { if [ -n "${KONAPLATE_BUILD_LOCK:-}" ]; then flock "$KONAPLATE_BUILD_LOCK" "$@"; else "$@"; fi; }

# The test binary is copied once: the whole run judges one build of diff and the oracles, whatever is rebuilt
# meanwhile (delete .build/diff-mutations to start over with a new build).
tests=$state/tests.xctest
if [ ! -x "$tests" ]; then
    locked swift build --build-tests >/dev/null
    cp "$(swift build --show-bin-path)/konaplate-swiftPackageTests.xctest" "$tests"
fi
failed=0
while true; do
    # The next batch starts where the last recorded one of this seed ended.
    next=$(awk -F'\t' -v seed="$seed" '$1 == seed { end = $2 + $8 } END { print end + 0 }' "$progress" 2>/dev/null || echo 0)
    [ "$next" -lt "$total" ] || break
    count=$((total - next < batch ? total - next : batch))
    out=$state/batch.txt
    set +e
    KONAPLATE_MUTATION_SEED=$seed KONAPLATE_MUTATION_START=$next KONAPLATE_MUTATION_COUNT=$count \
        KONAPLATE_MUTATION_LOG=$PWD/$state/batches.tsv KONAPLATE_ORACLE_FOLDER=$PWD/$state/oracle \
        locked "$tests" --testing-library swift-testing --filter everyMutantAgreesWithBothOracles >"$out" 2>&1
    status=$?
    set -e
    line=$(grep "^diff-mutations: " "$out" || true)
    if [ -z "$line" ]; then
        cp "$out" "$state/failures-$next.txt"
        echo "batch from $next did not run (status $status): $state/failures-$next.txt" >&2
        exit 1
    fi
    [ "$status" -eq 0 ] || { cp "$out" "$state/failures-$next.txt"; failed=1; }
    # seed, start, then the batch's own figures (mutants, compiled, invalid, disagreements, seconds), and the slice size
    tail -1 "$state/batches.tsv" | awk -F'\t' -v count="$count" '{ print $0 "\t" count }' >>"$progress"
    echo "$line" >&2
done

Tools/python - "$progress" "$seed" "$(swift --version 2>/dev/null | head -1)" <<'PY' >"$state/section.md"
import sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.startswith(sys.argv[2] + "\t")]
mutants = sum(int(r[2]) for r in rows)
compiled = sum(int(r[3]) for r in rows)
invalid = sum(int(r[4]) for r in rows)
disagreements = sum(int(r[5]) for r in rows)
seconds = sum(float(r[6]) for r in rows)
print(f"""Written by `Tools/diff-mutations.sh` ({sys.argv[3]}, seed {sys.argv[2]}, {len(rows)} batches):

| mutants | compiled by the oracles | answered without compiling | drawn but refused by the checker | disagreements | time | per mutant |
|---|---|---|---|---|---|---|
| {mutants:,} | {compiled:,} | {mutants - compiled:,} | {invalid:,} | **{disagreements}** | {seconds / 60:.1f} min | {seconds / max(mutants, 1):.2f} s |

"Answered without compiling": the mutant's generated code is identical to the base's (a documentation or
whitespace edit) or to an earlier mutant's, whose answer is reused.""")
PY
Tools/python Tools/replace-section.py BENCHMARKS.md diff-mutations <"$state/section.md"
Tools/python Tools/replace-section.py Sources/KonaplateGenCLI/KonaplateGenCLI.docc/ReviewingSpecChanges.md diff-mutations <"$state/section.md"
# The README's reviewer section carries the one line a reviewer wants: how many mutants, how many disagreements.
Tools/python - "$progress" "$seed" <<'PY' | Tools/python Tools/replace-section.py README.md diff-mutations-summary
import sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.startswith(sys.argv[2] + "\t")]
mutants = sum(int(r[2]) for r in rows)
disagreements = sum(int(r[5]) for r in rows)
minutes = sum(float(r[6]) for r in rows) / 60
print(f"The long run (`Tools/diff-mutations.sh`, seed {sys.argv[2]}): {mutants:,} mutants, {disagreements} disagreements, "
      f"{minutes:.0f} min.")
PY
cat "$state/section.md"
exit "$failed"
