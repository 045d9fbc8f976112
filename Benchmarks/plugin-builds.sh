#!/usr/bin/env bash
# Measures what the build tool plugin adds to `swift build` of this package, whose KonaplateAPI target is generated
# from the specs in api-specs/, and of a consumer package (a copy of Examples/KonaplateConsumer):
# wall time (median of RUNS) and how many generator commands ran (konaplate-gen generate-file lines in
# `swift build -v`) and how many times KonaplateAPI was compiled, per scenario. Prints a Markdown table.
#
#   Benchmarks/plugin-builds.sh [RUNS]        (default 3; the cold build runs once, in its own scratch folder)
#
# It edits files under api-specs/ and puts every one back (also on interruption).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
spec=api-specs/bankaccounts/info.yaml
shared=api-specs/common/headers.yaml
added=api-specs/zz-bench/added.yaml
backup=$(mktemp -d)
cp "$spec" "$backup/spec"; cp "$shared" "$backup/shared"
restore() { cp "$backup/spec" "$spec"; cp "$backup/shared" "$shared"; rm -rf "$(dirname "$added")"; }
trap restore EXIT

log=$(mktemp)
build() { # $1: scratch path; prints "seconds commands compiles"
    local start end
    start=$(date +%s.%N)
    swift build -v --scratch-path "$1" >"$log" 2>&1
    end=$(date +%s.%N)
    echo "$(python3 -c "print(round($end - $start, 3))") $(grep -c 'generate-file --specs' "$log" || true) $(grep -c -- '-module-name KonaplateAPI ' "$log" || true)"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
row() { # $1 name, then lines "seconds commands compiles" on stdin
    local data; data=$(cat)
    local t c k spread
    t=$(echo "$data" | awk '{print $1}' | median)
    spread=$(echo "$data" | awk 'NR==1{min=$1;max=$1} {if($1<min)min=$1; if($1>max)max=$1} END {printf "%.2f–%.2f", min, max}')
    c=$(echo "$data" | awk '{print $2}' | sort -u | tr '\n' '/' | sed 's#/$##')
    k=$(echo "$data" | awk '{print $3}' | sort -u | tr '\n' '/' | sed 's#/$##')
    printf "| %s | %.2f s (%s) | %s | %s |\n" "$1" "$t" "$spread" "$c" "$k"
}

echo "| scenario | wall time, median (min–max) | generator commands run | KonaplateAPI compiler jobs |"
echo "|---|---|---|---|"
rm -rf .build-bench-cold
build .build-bench-cold | row "cold build (empty scratch folder: dependencies, generator, plugin, 57 specs)"
rm -rf .build-bench-cold

build .build >/dev/null; build .build >/dev/null   # settle: the first build after a parameter change reruns all
for _ in $(seq "$runs"); do build .build; done | row "no-op build"

for _ in $(seq "$runs"); do
    echo "# benchmark comment" >>"$spec"; build .build; cp "$backup/spec" "$spec"; build .build >/dev/null
done | row "edit one spec, comment only (output bytes unchanged)"

for _ in $(seq "$runs"); do
    sed -i 's/description: 은행 코드/description: 은행 코드 (3자리)/' "$spec"; build .build; cp "$backup/spec" "$spec"; build .build >/dev/null
done | row "edit one spec, a description (one output changes)"

for _ in $(seq "$runs"); do
    sed -i 's/description: International Standard Time (UTC, KST, ...)/description: International Standard Time (UTC, KST)/' "$shared"
    build .build; cp "$backup/shared" "$shared"; build .build >/dev/null
done | row "edit the shared header file (a description)"

for _ in $(seq "$runs"); do
    mkdir -p "$(dirname "$added")"
    sed -e 's/^name: BankAccountsInfo/name: BenchAdded/' -e 's#^path: /api/v1/bankaccounts/info#path: /api/v1/bench/added#' "$spec" >"$added"
    build .build
    rm -rf "$(dirname "$added")"; build .build >/dev/null
done | row "add a spec"

for _ in $(seq "$runs"); do
    mkdir -p "$(dirname "$added")"
    sed -e 's/^name: BankAccountsInfo/name: BenchAdded/' -e 's#^path: /api/v1/bankaccounts/info#path: /api/v1/bench/added#' "$spec" >"$added"
    build .build >/dev/null
    rm -rf "$(dirname "$added")"; build .build
done | row "remove a spec"

# A consumer package, as an app team has it: the repository as a path dependency, the plugin applied to its own
# target (a copy of Examples/KonaplateConsumer in a temporary folder). Scenarios that rebuild the generator as a
# tool or as a product, measured as builds that follow them.
consumer=$(mktemp -d)/consumer
cp -r Examples/KonaplateConsumer "$consumer"
rm -rf "$consumer/.build"
repo=$(pwd)
sed -i "s#.package(path: \"../..\")#.package(path: \"$repo\")#" "$consumer/Package.swift"
consumer_build() { # $@: extra arguments; prints "seconds commands -"
    local start end
    start=$(date +%s.%N)
    swift build -v --package-path "$consumer" "$@" >"$log" 2>&1
    end=$(date +%s.%N)
    echo "$(python3 -c "print(round($end - $start, 3))") $(grep -c 'generate-file --specs' "$log" || true) -"
}
echo
echo "| consumer scenario | wall time, median (min–max) | generator commands run | |"
echo "|---|---|---|---|"
consumer_build | row "consumer: cold build"
consumer_build | row "consumer: first build after the cold build (SwiftPM plans again, see README)"
for _ in $(seq "$runs"); do consumer_build; done | row "consumer: no-op build"
for _ in $(seq "$runs"); do
    swift run --package-path "$consumer" ConsumerDemo >/dev/null 2>&1; consumer_build
done | row "consumer: build after \`swift run ConsumerDemo\`"
for _ in $(seq "$runs"); do
    swift run --package-path "$consumer" konaplate-gen --version >/dev/null 2>&1; consumer_build
done | row "consumer: build after \`swift run konaplate-gen\`"
for _ in $(seq "$runs"); do
    consumer_build --product konaplate-gen >/dev/null; consumer_build
done | row "consumer: build after \`swift build --product konaplate-gen\`"
rm -rf "$(dirname "$consumer")"
