#!/usr/bin/env bash
# Builds, runs and tests the package the README's "Use it in your package" section describes, written from the
# README's own marked code blocks (Tools/readme-snippets.py: its Package.swift, its spec, its main.swift and its
# test), beside a clone of this repository named as the README says (../konaplate-swift). Nothing else is added:
# the app answers itself through an in-process KonaplateDouble, as the README says.
#
#   Tools/check-readme-package.sh [WORK_FOLDER]     (default: a new temporary folder; reused when given)
#
# Fails on a build error, on any warning outside the dependencies' checkouts, when the app does not print what the
# README's comments say it prints, when it prints a sensitive value, and when the README's test fails.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
rm -rf "$work/konaplate-swift" "$work/app/Sources" "$work/app/Tests" "$work/app/Package.swift"
# The committed state, as a user would clone it.
git clone --quiet "$repo" "$work/konaplate-swift"
"$repo/Tools/python" "$repo/Tools/readme-snippets.py" "$repo/README.md" "$work/app" >/dev/null

log=$(mktemp)
swift build --build-tests --package-path "$work/app" 2>&1 | tee "$log"
if grep "warning:" "$log" | grep -v "/.build/checkouts/"; then
    echo "error: building the README's package printed warnings (above)" >&2
    exit 1
fi

output=$(swift run --skip-build --package-path "$work/app" App)
echo "$output"
# What the README's main.swift says, in its comments, that it prints.
expected=$(sed -n 's|^print(.*)  // \(.*\)$|\1|p' "$work/app/Sources/App/main.swift")
[ -n "$expected" ] || { echo "error: the README's main.swift has no print with its output in a comment" >&2; exit 1; }
if [ "$output" != "$expected" ]; then
    printf 'error: the app printed\n%s\nbut the README says\n%s\n' "$output" "$expected" >&2
    exit 1
fi
if grep -q "홍길동" <<<"$output"; then echo "error: a sensitive value was printed" >&2; exit 1; fi
swift test --skip-build --package-path "$work/app"
echo "the README's package builds without warnings, prints what the README says and its test passes"
