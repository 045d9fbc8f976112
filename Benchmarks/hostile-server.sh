#!/usr/bin/env bash
# The client against a hostile or failing server, written into BENCHMARKS.md (between the hostile-server.sh markers),
# through both transports (URLSession and AsyncHTTPClient):
#   1. the fault corpus of `swift test` (Tests/KonaplateAPITestSupport/HostileCorpus.swift), run once more to record
#      what the caller got, the cause and the time, fault by fault (debug build, with the DoubleServer and
#      AsyncHTTPClient traits: both transports from one build)
#   2. slow faults against the transports' real 30 s timeout: a drip of one byte per second, a server that never answers
#   3. memory: the peak resident size of one request answered honestly, with 100 times the largest documented response,
#      and with 1 GiB
#   4. load: 1,000 concurrent requests through one client, mixed plain and encrypted, to the double over loopback
#      (KonaplateDoubleServer) and to the fault server with 1% of its answers faulty: every request accounted for;
#      once more through URLSession with FoundationNetworking's default of 6 connections per host
#   2-4 run Benchmarks' HostileServer executable (release), one process per measurement.
#
#   Benchmarks/hostile-server.sh            about 10 minutes once built (the first builds: about 40 more)
#   Benchmarks/hostile-server.sh --report   only writes BENCHMARKS.md again from the last run's measurements
set -euo pipefail
cd "$(dirname "$0")/.."
work=Benchmarks/work-hostile
requests=1000
if [ "${1:-}" != "--report" ]; then
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)

echo "== 1. the fault corpus, both transports" >&2
swift build --build-tests --traits DoubleServer,AsyncHTTPClient >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
KONAPLATE_HOSTILE_REPORT="$work/corpus.jsonl" swift test --skip-build --traits DoubleServer,AsyncHTTPClient \
    --filter HostileLoopbackTests >"$work/corpus.log" 2>&1 || { grep -E "✘" "$work/corpus.log" | head -30 >&2; exit 1; }

echo "== 2-4. slow faults, memory, load (release)" >&2
swift build -c release --package-path Benchmarks --product HostileServer >"$work/build-release.log" 2>&1 || {
    tail -30 "$work/build-release.log" >&2
    exit 1
}
hostile=$(swift build -c release --package-path Benchmarks --show-bin-path)/HostileServer
.build/debug/konaplate-gen openapi --output "$work/openapi.json"
largest=$(Tools/python Benchmarks/hostile_report.py largest "$work/openapi.json")
limit=$((256 << 10))  # KonaplateResponseTooLarge.defaultLimit
printf '{"largest": %d, "limit": %d}\n' "$largest" "$limit" >"$work/meta.json"
for transport in URLSession AsyncHTTPClient; do
    echo "   $transport: slow faults (about a minute)" >&2
    "$hostile" slow "$transport" >>"$work/slow.jsonl"
    for bytes in 0 $((100 * largest)) $((1 << 30)); do
        "$hostile" memory "$transport" "$bytes" >>"$work/memory.jsonl"
    done
    for server in double faults; do
        echo "   $transport: $requests concurrent requests to the $server server" >&2
        "$hostile" load "$transport" "$server" "$requests" >>"$work/load.jsonl"
    done
done
# Why the URLSession transport's shared session allows 16 connections per host: FoundationNetworking's default, 6.
echo "   URLSession, 6 connections per host: $requests concurrent requests to the faults server (about a minute)" >&2
"$hostile" load URLSession faults "$requests" 6 >>"$work/load.jsonl"
fi
work=$(cd "$work" && pwd)

Tools/python Benchmarks/hostile_report.py render "$work" >"$work/results.md"
{ printf '## A hostile or failing server (`Benchmarks/hostile-server.sh`, %s)\n\n' "$(date -u +%Y-%m-%d)"; cat "$work/results.md"; } |
    Tools/python Tools/replace-section.py BENCHMARKS.md hostile-server.sh
cat "$work/results.md" >&2
echo "written to BENCHMARKS.md" >&2
