#!/usr/bin/env bash
# Checks `konaplate-gen diff`'s Swift verdicts against an independent oracle, swift-api-digester, on every case
# of the mutation corpus (Tests/Fixtures/DiffCorpus), and writes the agreement table into that folder's README.md.
#
#   Tools/diff-oracle.sh        (about 3 minutes on the 2-core machine, after `swift build`)
#
# For each case: generate the Swift of the base spec and of the case with konaplate-gen, compile each into a
# module (swiftc -emit-module, against the debug build's KonaplateRuntime), dump both APIs with swift-api-digester
# -dump-sdk, and let -diagnose-sdk list the source breaks. diff says "Swift breaking" exactly when the digester
# lists a break; "risky" (an enum case added) is what the digester, outside ABI mode, does not report.
# Not in CI: it needs the digester, which only toolchains ship, and a build; the corpus test (DiffCorpusTests)
# pins diff's verdicts in every CI run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
swift build --product konaplate-gen >/dev/null
swift build --target KonaplateRuntime >/dev/null
gen=$root/.build/debug/konaplate-gen
modules=$root/.build/debug/Modules
corpus=$root/Tests/Fixtures/DiffCorpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s%N; }

rows=$work/rows.md
: >"$rows"
agree=0 explained_count=0 total=0 diff_ns=0 digester_ns=0
for case_file in "$corpus"/cases/*.yaml; do
    name=$(basename "$case_file" .yaml)
    for side in base head; do
        mkdir -p "$work/$name/$side/api-specs"
    done
    cp "$corpus/base.yaml" "$work/$name/base/api-specs/corpus.yaml"
    cp "$case_file" "$work/$name/head/api-specs/corpus.yaml"

    start=$(now)
    set +e
    "$gen" diff "$work/$name/base/api-specs" --specs "$work/$name/head/api-specs" --format json >"$work/$name/diff.json" 2>/dev/null
    set -e
    diff_ns=$((diff_ns + $(now) - start))
    swift_verdict=$(Tools/python -c "import json,sys; d=json.load(open(sys.argv[1])); v=[c['swift'] for c in d['changes']]; print('breaking' if 'breaking' in v else 'risky' if 'risky' in v else 'compatible')" "$work/$name/diff.json")

    start=$(now)
    for side in base head; do
        "$gen" generate --specs "$work/$name/$side/api-specs" --output "$work/$name/$side/Generated" >/dev/null
        mkdir -p "$work/$name/$side/module"
        swiftc -emit-module -parse-as-library -module-name CorpusAPI -swift-version 6 -I "$modules" \
            "$work/$name/$side/Generated"/*.swift -emit-module-path "$work/$name/$side/module/CorpusAPI.swiftmodule"
        swift-api-digester -dump-sdk -module CorpusAPI -I "$work/$name/$side/module" -I "$modules" -o "$work/$name/$side.json"
    done
    swift-api-digester -diagnose-sdk -input-paths "$work/$name/base.json" -input-paths "$work/$name/head.json" \
        >"$work/$name/digester.txt" 2>&1
    digester_ns=$((digester_ns + $(now) - start))
    # Every line that is not a section heading (/* ... */) or blank is a reported break.
    breaks=$(grep -v '^/\*' "$work/$name/digester.txt" | grep -cv '^\s*$' || true)
    first=$(grep -v '^/\*' "$work/$name/digester.txt" | grep -v '^\s*$' | head -1 | sed 's/|/\\|/g' || true)
    explained=$(sed -n "s/^$name: //p" "$corpus/oracle-exceptions.txt" | sed 's/|/\\|/g')
    if { [ "$breaks" -gt 0 ] && [ "$swift_verdict" = breaking ]; } || { [ "$breaks" -eq 0 ] && [ "$swift_verdict" != breaking ]; }; then
        verdict="agree"
        agree=$((agree + 1))
        [ -n "$explained" ] && verdict="agree, but listed in oracle-exceptions.txt: remove it"
    elif [ -n "$explained" ]; then
        verdict="explained: $explained"
        explained_count=$((explained_count + 1))
    else
        verdict="**DISAGREE**"
    fi
    total=$((total + 1))
    echo "| \`$name\` | $swift_verdict | $breaks | $verdict | ${first:-—} |" >>"$rows"
    echo "$name: diff $swift_verdict, digester $breaks: ${verdict%%:*}" >&2
done

Tools/python - "$rows" "$agree" "$explained_count" "$total" "$diff_ns" "$digester_ns" "$(swift --version 2>/dev/null | head -1)" <<'PY' |
import pathlib, sys
rows, agree, explained, total, diff_ns, digester_ns, swift = sys.argv[1:]
per_case = lambda ns: int(ns) / int(total) / 1e9
print(f"""Written by `Tools/diff-oracle.sh` ({swift}): **{agree} of {total}** cases agree; {explained} disagree for a
reason `oracle-exceptions.txt` gives (the digester missing a break, or reporting one no call meets); none
disagrees unexplained.

| | time per case | what it runs |
|---|---|---|
| `konaplate-gen diff` (debug build) | {per_case(diff_ns):.2f} s | load, check and translate both sides, compare, print JSON |
| swift-api-digester | {per_case(digester_ns):.2f} s | generate and compile both sides (emit-module), dump both APIs, diagnose |

The digester here compiles two small modules with `swiftc` directly. On a real package,
`swift package diagnose-api-breaking-changes` builds the whole package twice: 47 minutes measured on this
repository on a loaded 2-core machine; `diff` reads only the specs.

| case | diff: Swift | digester: breaks | | the digester's first line |
|---|---|---|---|---|
{pathlib.Path(rows).read_text().rstrip()}""")
PY
    Tools/python Tools/replace-section.py "$corpus/README.md" diff-oracle
echo "diff-oracle: $agree of $total cases agree, $explained_count explained; written to Tests/Fixtures/DiffCorpus/README.md" >&2
[ $((agree + explained_count)) -eq "$total" ]
