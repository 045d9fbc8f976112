#!/usr/bin/env bash
# Builds the DocC archive of every module with a catalog (Sources/*/*.docc) into .build/docs/, with the toolchain's
# own tools (no plugin dependency that every user of this package would have to resolve): SwiftPM's symbol graphs of
# the public API, then `docc convert` of each catalog. A catalog without a symbol graph (konaplate-gen's, whose
# module is an executable) is converted from its articles alone. Fails on any DocC warning (a broken link, say).
#
#   Tools/build-docs.sh            then open .build/docs/<Module>.doccarchive with `docc preview` or a web server
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-symbol-graph --minimum-access-level public >/dev/null
# SwiftPM writes them beside the build configuration's folder: .build/<triple>/symbolgraph.
graphs=$(dirname "$(swift build --show-bin-path)")/symbolgraph
mkdir -p .build/docs
built=()
for catalog in Sources/*/*.docc; do
    module=$(basename "$catalog" .docc)
    input=$(mktemp -d)
    cp "$graphs/$module.symbols.json" "$input/" 2>/dev/null || true
    cp "$graphs/$module"@*.symbols.json "$input/" 2>/dev/null || true
    rm -rf ".build/docs/$module.doccarchive"
    docc convert "$catalog" --additional-symbol-graph-dir "$input" \
        --fallback-display-name "$module" --fallback-bundle-identifier "com.konaplate-swift.$module" \
        --output-path ".build/docs/$module.doccarchive" --warnings-as-errors
    rm -rf "$input"
    built+=("$module")
done
echo "DocC archives in .build/docs: ${built[*]}"
