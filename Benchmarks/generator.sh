#!/usr/bin/env bash
# The generator suite, written into BENCHMARKS.md (between the run.sh markers, the section of `Benchmarks/run.sh generator`):
#   1. generation: konaplate-gen vs swift-openapi-generator 1.14.3 on the same API (our OpenAPI export), release
#   2. scaling: synthetic spec sets of 10, 100, 1,000 and 5,000 endpoints: time and peak memory
#   3. plugin: no-op build of a package using the build plugin vs the same package with the files checked in
#   4. compile time of the generated code, debug and release, vs swift-openapi-generator's output and runtime
#   5. runtime: decode + validate vs plain decoding, header signing (ordo-one/benchmark)
# The client's numbers (what KonaplateClient adds, loopback HTTP, cold builds) are Benchmarks/client.sh's.
#
#   Benchmarks/run.sh generator            everything, 5 runs per measurement (about 15 minutes on the 2-core machine, plus
#                                about 6 for the first release builds of swift-openapi-generator and the benchmarks)
#   Benchmarks/run.sh generator --smoke    steps 1-2 at tiny sizes and the runtime benchmarks compiled, nothing written (CI runs
#                                it: seconds once built; steps 3-5 need minutes of release builds, so only full runs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true
runs=5
$smoke && runs=1
work=$root/Benchmarks/work
rm -rf "$work"
mkdir -p "$work"
results=$work/results.md
: >"$results"

# time_runs N COMMAND...: runs the command N times; prints "median min max" seconds and the peak RSS (MB) seen.
# Each argument's @RUN@ becomes the run's number (1..N), so each run can write into a new folder: deleting thousands
# of files just before creating thousands more makes ext4's inode allocation several times slower, which would
# measure the file system instead of the generator. (Not an environment variable: SwiftPM plans a build again
# when its environment changes, which once turned every "no-op" build here into a 3-10 s one.)
time_runs() {
    local count=$1
    shift
    local times=() peak=0
    for run in $(seq "$count"); do
        # Wall time from the nanosecond clock (/usr/bin/time's %e has 10 ms steps, 2.5% of a 0.4 s no-op build);
        # /usr/bin/time still reports the peak memory.
        local start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$work/time.txt" "${@//@RUN@/$run}" >"$work/output.txt" 2>&1 || {
            echo "benchmark command failed: $*" >&2
            tail -20 "$work/output.txt" >&2
            kill -TERM $$  # a failure inside $(...) or <(...) would otherwise go unnoticed
            return 1
        }
        local end=$(date +%s%N)
        local seconds=$(Tools/python -c "print(($end - $start) / 1e9)")
        local kilobytes=$(tail -1 "$work/time.txt")
        times+=("$seconds")
        ((kilobytes > peak)) && peak=$kilobytes
    done
    Tools/python -c "import statistics,sys; t=sorted(map(float,sys.argv[2:])); print(f'{statistics.median(t):.3f} {t[0]:.3f} {t[-1]:.3f} {int(sys.argv[1])//1024}')" "$peak" "${times[@]}"
}

# How many endpoints api-specs/ has (every spec outside common/): the per-endpoint numbers divide by it.
endpoints=$(find -L api-specs -name '*.yaml' -not -path '*/common/*' | wc -l)
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m) Linux; $(swift --version 2>/dev/null | head -1)"
{
    echo "Machine: $machine. Commands: \`Benchmarks/run.sh generator\` ($(date -u +%Y-%m-%d)). Times are the median of $runs runs"
    echo "with min–max; memory is peak RSS."
    echo
} >>"$results"

echo "== 1. generation" >&2
configuration=release
$smoke && configuration=debug
swift build -c "$configuration" --product konaplate-gen >/dev/null
ours=$root/.build/$configuration/konaplate-gen
"$ours" openapi --output "$work/openapi.json"
read -r ours_median ours_min ours_max ours_mb < <(time_runs "$runs" bash -c "'$ours' generate --output '$work/ours-out-'@RUN@")
cp -r "$work/ours-out-1" "$work/ours-out"
if $smoke; then
    echo "smoke: konaplate-gen generate, $endpoints endpoints: ${ours_median} s" >&2
else
    swift build -c release --package-path Benchmarks --product swift-openapi-generator >/dev/null
    sog=$(swift build -c release --package-path Benchmarks --show-bin-path)/swift-openapi-generator
    mkdir -p "$work/sog"
    printf 'generate:\n  - types\naccessModifier: public\n' >"$work/sog/openapi-generator-config.yaml"
    read -r sog_median sog_min sog_max sog_mb < <(time_runs "$runs" bash -c \
        "mkdir -p '$work/sog-out-'@RUN@ && '$sog' generate --config '$work/sog/openapi-generator-config.yaml' --output-directory '$work/sog-out-'@RUN@ '$work/openapi.json'")
    cp -r "$work/sog-out-1" "$work/sog-out"
    ours_lines=$(cat "$work"/ours-out/*.swift | wc -l)
    sog_lines=$(cat "$work"/sog-out/*.swift | wc -l)
    ratio=$(Tools/python -c "print(f'{$sog_median / $ours_median:.1f}')")
    {
        echo "### 1. Generation: $endpoints endpoints, release builds"
        echo
        echo "| generator | wall time | peak memory | output |"
        echo "|---|---|---|---|"
        echo "| konaplate-gen generate (api-specs/) | $ours_median s ($ours_min–$ours_max) | $ours_mb MB | $ours_lines lines |"
        echo "| swift-openapi-generator 1.14.3, types (our OpenAPI export) | $sog_median s ($sog_min–$sog_max) | $sog_mb MB | $sog_lines lines |"
        echo
        echo "konaplate-gen is **${ratio}x** faster (target: 10x)."
        echo
    } >>"$results"
fi

echo "== 2. scaling" >&2
sizes="10 100 1000 5000"
$smoke && sizes="10 100"
{
    echo "### 2. Scaling: synthetic spec sets (copies of the real specs, renamed)"
    echo
    echo "| endpoints | wall time | per endpoint | peak memory |"
    echo "|---|---|---|---|"
} >>"$results"
for size in $sizes; do
    Tools/python Benchmarks/synthesize-specs.py "$size" "$work/synthetic-$size"
    read -r median minimum maximum mb < <(time_runs "$runs" bash -c \
        "'$ours' generate --specs '$work/synthetic-$size' --output '$work/synthetic-$size-out-'@RUN@")
    per=$(Tools/python -c "print(f'{$median * 1000 / $size:.2f}')")
    echo "| $size | $median s ($minimum–$maximum) | $per ms | $mb MB |" >>"$results"
    rm -rf "$work/synthetic-$size" "$work"/synthetic-"$size"-out-*
done
echo >>"$results"

if $smoke; then
    echo "== smoke: the runtime and client benchmarks compile (Benchmarks/client.sh runs the client ones)" >&2
    swift build --package-path Benchmarks --target RuntimeBenchmarks >/dev/null
    swift build --package-path Benchmarks --target ClientBenchmarks >/dev/null
    cat "$results" >&2
    echo "benchmark smoke: done" >&2
    exit 0
fi

echo "== 3. plugin no-op build, and 4. compile time" >&2
# Two copies of one consumer package: models generated by the plugin, or the same files checked in.
make_package() { # $1 folder, $2 plugin|files
    local folder=$work/$1
    mkdir -p "$folder/Sources/Models"
    local plugins="" copy=""
    if [ "$2" = plugin ]; then
        cp -r "$root/api-specs" "$folder/Sources/Models/api-specs"
        plugins='plugins: [.plugin(name: "KonaplateGeneratorPlugin", package: "main")],'
    else
        cp "$root"/Generated/*.swift "$folder/Sources/Models/"
    fi
    echo "// models" >"$folder/Sources/Models/Models.swift"
    cat >"$folder/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "$1", platforms: [.macOS(.v15)],
    dependencies: [.package(path: "$work/main")],
    targets: [.target(name: "Models", dependencies: [.product(name: "KonaplateRuntime", package: "main")], $plugins)]
)
SWIFT
}
# A checkout of this repository named "main", so the packages above can name it.
# A worktree left registered by an interrupted run would make `worktree add` fail: prune first.
git -C "$root" worktree prune
git -C "$root" worktree add --detach "$work/main" HEAD >/dev/null
make_package with-plugin plugin
make_package checked-in files
# Untimed warm-up builds get a second try: swift-build 6.3.1 has been seen to crash now and then (a segmentation
# fault in libdispatch while planning), and one such crash should not cost a 20-minute run.
# They run under /usr/bin/time like the timed runs: SwiftPM plans a build again whenever its environment changes,
# and bash sets `_` to the command it starts, so a build started directly would make the next timed one re-plan.
warm_up() {
    local attempt
    for attempt in 1 2; do
        /usr/bin/time -o /dev/null "$@" >/dev/null && return 0
        echo "warm-up attempt $attempt failed: $*" >&2
    done
    return 1
}
for package in with-plugin checked-in; do warm_up swift build --package-path "$work/$package"; done
# One untimed build before each series, so the first timed one finds the plan of this package's last build.
warm_up swift build --package-path "$work/with-plugin"
# No-op builds are short: twice the runs.
read -r plugin_noop plugin_min plugin_max _ < <(time_runs $((runs * 2)) swift build --package-path "$work/with-plugin")
warm_up swift build --package-path "$work/checked-in"
read -r files_noop files_min files_max _ < <(time_runs $((runs * 2)) swift build --package-path "$work/checked-in")
spec=$work/with-plugin/Sources/Models/api-specs/bankaccounts/info.yaml
read -r edit_median edit_min edit_max _ < <(time_runs "$runs" bash -c \
    "sed -i 's/description: 은행 코드\$/description: 은행 코드 (x)/; t; s/description: 은행 코드 (x)\$/description: 은행 코드/' '$spec' && swift build --package-path '$work/with-plugin'")
overhead=$(Tools/python -c "print(f'{($plugin_noop / $files_noop - 1) * 100:+.0f}%')")
{
    echo "### 3. Build plugin: a package of the $endpoints models"
    echo
    echo "| build | wall time |"
    echo "|---|---|"
    echo "| no-op, models generated by the plugin ($((runs * 2)) runs) | $plugin_noop s ($plugin_min–$plugin_max) |"
    echo "| no-op, the same files checked in ($((runs * 2)) runs) | $files_noop s ($files_min–$files_max) |"
    echo "| after editing one spec (a description) | $edit_median s ($edit_min–$edit_max) |"
    echo
    echo "Plugin no-op overhead: **$overhead** (target: within 10%)."
    echo
} >>"$results"

# Compile time of a whole module: touch every one of its sources, build it again (dependencies stay built), and
# subtract the no-op build of the same target, so SwiftPM's own planning time is not charged to either side.
compile_time() { # $1 package folder, $2 module, $3 configuration
    local build noop
    read -r build _ _ _ < <(time_runs "$runs" bash -c "touch '$1'/Sources/$2/*.swift && swift build -c $3 --package-path '$1' --target $2")
    read -r noop _ _ _ < <(time_runs "$runs" swift build -c "$3" --package-path "$1" --target "$2")
    Tools/python -c "print(f'{$build - $noop:.2f} {$build:.2f} {$noop:.2f}')"
}
mkdir -p "$work/sog-package/Sources/SOGTypes"
cp "$work"/sog-out/*.swift "$work/sog-package/Sources/SOGTypes/"
cat >"$work/sog-package/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "sog-package", platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")],
    targets: [.target(name: "SOGTypes", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])]
)
SWIFT
{
    echo "### 4. Compile time of the generated code ($endpoints endpoints; the module rebuilt, its dependencies already built)"
    echo
    echo "Net time = build after touching every source of the module, minus a no-op build of it (medians)."
    echo
    echo "| code | debug, net (build − no-op) | release, net (build − no-op) | per endpoint, debug / release | warnings |"
    echo "|---|---|---|---|---|"
} >>"$results"
declare -A net_debug net_release
for entry in "checked-in Models konaplate-gen" "sog-package SOGTypes swift-openapi-generator"; do
    read -r folder module name <<<"$entry"
    warm_up swift build --package-path "$work/$folder"
    warm_up swift build -c release --package-path "$work/$folder"
    read -r debug debug_build debug_noop < <(compile_time "$work/$folder" "$module" debug)
    read -r release release_build release_noop < <(compile_time "$work/$folder" "$module" release)
    net_debug[$name]=$debug
    net_release[$name]=$release
    touch "$work/$folder"/Sources/"$module"/*.swift
    warnings=$(swift build --package-path "$work/$folder" --target "$module" 2>&1 | grep -c "warning:" || true)
    per=$(Tools/python -c "print(f'{$debug * 1000 / $endpoints:.0f} ms / {$release * 1000 / $endpoints:.0f} ms')")
    echo "| $name | $debug s ($debug_build − $debug_noop) | $release s ($release_build − $release_noop) | $per | $warnings |" >>"$results"
done
ratios=$(Tools/python -c "print(f'**{${net_debug[swift-openapi-generator]} / ${net_debug[konaplate-gen]}:.2f}x** in debug, **{${net_release[swift-openapi-generator]} / ${net_release[konaplate-gen]}:.2f}x** in release')")
{
    echo
    echo "konaplate-gen's code compiles $ratios faster per endpoint (target: 2x)."
    echo
} >>"$results"

echo "== 5. runtime" >&2
swift package --package-path Benchmarks benchmark --target RuntimeBenchmarks --no-progress --format markdown >"$work/runtime.md" 2>"$work/runtime.err" || {
    tail -30 "$work/runtime.err" >&2
    exit 1
}
Tools/python - "$work/runtime.md" >>"$results" <<'PY'
import sys
sys.path.insert(0, "Benchmarks")
from ordo_markdown import read_sections, metric
sections = read_sections(sys.argv[1])
p50 = lambda section, name: metric(sections, section, name)
rows = ["Decode, hand-written struct (baseline)", "Decode, generated Response", "Decode + validate(), generated Response",
        "validate() alone, generated Response", "Build and sign request headers"]
print("### 5. Runtime (ordo-one/benchmark, release, p50)")
print()
print("A response of 20 items, each with a nested object and two code fields; headers for BankAccountsInfo.")
print()
print("| benchmark | time | mallocs |")
print("|---|---|---|")
for row in rows:
    print(f"| {row} | {p50(row, 'Time (wall clock)'):.1f} µs | {p50(row, 'Malloc (total)'):.0f} |")
base = p50(rows[0], "Time (wall clock)")
both = p50(rows[2], "Time (wall clock)")
alone = p50(rows[3], "Time (wall clock)")
headers = p50(rows[4], "Time (wall clock)")
print()
print(f"Decoding plus `validate()` takes **{(both / base - 1) * 100:+.0f}%** against plain decoding of the hand-written "
      f"struct (target: under +30%); `validate()` alone is {alone / base * 100:.0f}% of that decoding. "
      f"Request headers built and signed: **{1e6 / headers:,.0f} per second** on one core.")
print()
print("<details><summary>ordo-one/benchmark's full output</summary>")
print()
print(open(sys.argv[1], encoding="utf-8").read().split("## RuntimeBenchmarks", 1)[-1].strip())
print()
print("</details>")
PY

git -C "$root" worktree remove --force "$work/main" >/dev/null 2>&1 || true
{ printf '## Benchmark suite (Benchmarks/run.sh)\n\n'; cat "$results"; } | Tools/python Tools/replace-section.py BENCHMARKS.md run.sh
echo "written to BENCHMARKS.md" >&2
