#!/usr/bin/env bash
# Builds the DocC archives of KonaplateRuntime, KonaplateClient, KonaplateAPI and KonaplateDouble into .build/docs/, with the toolchain's own tools
# (no plugin dependency that every user of this package would have to resolve): SwiftPM's symbol graphs of the public
# API, then `docc convert` of each module's catalog. Fails on any DocC warning (a broken symbol link, say).
#
#   Tools/build-docs.sh            open .build/docs/KonaplateRuntime.doccarchive with `docc preview` or a web server
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-symbol-graph --minimum-access-level public >/dev/null
# SwiftPM writes them beside the build configuration's folder: .build/<triple>/symbolgraph.
graphs=$(dirname "$(swift build --show-bin-path)")/symbolgraph
mkdir -p .build/docs
for module in KonaplateRuntime KonaplateClient KonaplateAPI KonaplateDouble; do
    input=$(mktemp -d)
    cp "$graphs/$module.symbols.json" "$input/"
    cp "$graphs/$module"@*.symbols.json "$input/" 2>/dev/null || true
    rm -rf ".build/docs/$module.doccarchive"
    docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir "$input" \
        --fallback-display-name "$module" --fallback-bundle-identifier "com.konaplate-swift.$module" \
        --output-path ".build/docs/$module.doccarchive" --warnings-as-errors
    rm -rf "$input"
done
echo "DocC archives: .build/docs/KonaplateRuntime.doccarchive, KonaplateClient.doccarchive, KonaplateAPI.doccarchive, KonaplateDouble.doccarchive"
