#!/usr/bin/env bash
# Every benchmark of this repository, one suite at a time. Each writes its own marked section of BENCHMARKS.md
# (Tools/replace-section.py), with how it was measured; never run two at once, nor beside another build (the numbers
# are wall times on a 2-core machine). The suites that need release builds of swift-openapi-generator, NIO or
# AsyncHTTPClient build them in the separate Benchmarks/ package, so a normal build of the repository never does.
#
#   Benchmarks/run.sh generator [--smoke]   konaplate-gen against swift-openapi-generator, scaling to 5,000 endpoints,
#                                           compile time of the generated code, runtime decode/validate/sign
#                                           (--smoke: tiny sizes, nothing written; CI runs it)
#   Benchmarks/run.sh plugin [BEFORE]       the build plugin in a consumer package, scenario by scenario, against the
#                                           floor package; BEFORE: an older checkout to compare (a git worktree)
#   Benchmarks/run.sh client                what KonaplateClient adds to a request, loopback HTTP, cold builds
#   Benchmarks/run.sh comparison            KonaplateClient against a swift-openapi-generator client, side by side
#   Benchmarks/run.sh hostile               a hostile or failing server: the fault corpus, slow faults, memory, load
#   Benchmarks/run.sh inputs                hostile spec inputs through konaplate-gen
#   Benchmarks/run.sh urlsession-heap       FoundationNetworking's live heap under load, without Konaplate code
#                                           (prints; BENCHMARKS.md quotes it beside the hostile server's load)
set -euo pipefail
here=$(dirname "$0")
suite=${1:-}
shift || true
case "$suite" in
generator) exec "$here/generator.sh" "$@" ;;
plugin) exec "$here/plugin.sh" "$@" ;;
client) exec "$here/client.sh" "$@" ;;
comparison) exec "$here/client-comparison.sh" "$@" ;;
hostile) exec "$here/hostile-server.sh" "$@" ;;
inputs) exec "$here/hostile-inputs.sh" "$@" ;;
urlsession-heap) exec "$here/urlsession-heap.sh" "$@" ;;
*)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
    ;;
esac
