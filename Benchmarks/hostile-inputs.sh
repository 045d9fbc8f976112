#!/usr/bin/env bash
# Time and peak memory of konaplate-gen on hostile inputs (each must be refused or handled, quickly, with a clear
# error). Prints a Markdown table. Uses the debug build (swift build) unless KONAPLATE_GEN points elsewhere.
#
#   Benchmarks/hostile-inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
generator=${KONAPLATE_GEN:-$PWD/.build/debug/konaplate-gen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Tools/python - "$work" <<'PY'
import os, sys
work = sys.argv[1]
base = open("api-specs/bankaccounts/info.yaml").read()
def case(name, text):
    folder = os.path.join(work, name, "api-specs")
    os.makedirs(folder)
    open(os.path.join(folder, "bomb.yaml"), "w").write(text)
lines = ['lol0: &lol0 "lol"'] + [f"lol{i}: &lol{i} [" + ",".join([f"*lol{i-1}"] * 9) + "]" for i in range(1, 10)]
case("billion laughs (9 levels of 9 aliases: 387M nodes)", "\n".join(lines) + "\nresults: *lol9\n")
case("20,000-deep nested lists", "name: Deep\nnotes: " + "[" * 20000 + "]" * 20000 + "\n")
deep = ["name: D", "title: d", "method: POST", "path: /api/v1/d", "mode: sync", "docs: complete", "headers: standard",
        "request:", "  fields:"]
indent = "    "
for i in range(40):
    deep += [f"{indent}o{i}:", f"{indent}  type: object", f"{indent}  presence: optional", f"{indent}  fields:"]
    indent += "    "
case("fields nested 40 levels", "\n".join(deep + [indent + "leaf: { type: string, presence: optional }"]) + "\n")
case("50 MB file", base + "# " + "x" * (50 * 1024 * 1024) + "\n")
wide = ["name: Wide", "title: wide", "method: POST", "path: /api/v1/wide", "mode: sync", "docs: complete", "headers: standard",
        "request:", "  fields:"] + [f"    f{i}: {{ type: string, presence: optional, length: ...10 }}" for i in range(100000)]
case("100,000-field object (6 MB)", "\n".join(wide) + "\n")
thousand = wide[:9 + 1000]
case("1,000-field object (handled)", "\n".join(thousand) + "\n")
PY
echo "| input | outcome | wall time | peak memory |"
echo "|---|---|---|---|"
for dir in "$work"/*/; do
    name=$(basename "$dir")
    cd "$dir"
    /usr/bin/time -f "%e %M" -o time.txt "$generator" generate --output out >out.txt 2>err.txt || true
    read -r seconds kilobytes < <(tail -1 time.txt)
    outcome=$(head -1 err.txt | sed 's/^[^ ]*: error: //' | cut -c1-110)
    [ -z "$outcome" ] && outcome="generated: $(cat out.txt)"
    printf "| %s | %s | %s s | %d MB |\n" "$name" "$outcome" "$seconds" "$((kilobytes / 1024))"
    cd - >/dev/null
done
