#!/usr/bin/env bash
# The build plugin as a user meets it, written into BENCHMARKS.md (between the plugin-table markers): a consumer
# package generating every spec of api-specs/ through KonaplateGeneratorPlugin, built and tested scenario by
# scenario (Benchmarks/plugin_builds.py), for this checkout (with the documented workarounds), for the floor package
# (Benchmarks/PluginFloor: the same plugin with a tool that only writes empty files, what SwiftPM costs with any
# plugin) and, when given, for an older checkout.
#
#   Benchmarks/run.sh plugin [BEFORE_CHECKOUT]   about 15 minutes per checkout on the 2-core machine
#   Benchmarks/run.sh plugin --report            only writes the table again from the last run's measurements
set -euo pipefail
cd "$(dirname "$0")/.."
work=Benchmarks/work-plugin
reports=()
if [ "${1:-}" != "--report" ]; then
    rm -rf "$work"
    mkdir -p "$work"
    if [ -n "${1:-}" ]; then
        Tools/python Benchmarks/plugin_builds.py --generator "$1" --label before --json "$work/1-before.json"
    fi
    Tools/python Benchmarks/plugin_builds.py --generator . --label now --workarounds --json "$work/2-now.json"
    Tools/python Benchmarks/plugin_builds.py --generator Benchmarks/PluginFloor --label floor --json "$work/3-floor.json"
fi
for report in "$work"/*.json; do reports+=("$report"); done
Tools/python Benchmarks/plugin_builds.py --report "${reports[@]}" | Tools/python Tools/replace-section.py BENCHMARKS.md plugin-table
echo "written to BENCHMARKS.md (plugin-table)" >&2
