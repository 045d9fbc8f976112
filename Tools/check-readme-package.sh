#!/usr/bin/env bash
# Builds and runs the package the README's "Use it in your package" section describes, written from the README's
# own marked code blocks (Tools/readme-snippets.py), beside a clone of this repository named as the README says
# (../konaplate-swift). The app's specs are the example consumer's; its keys are made here.
#
#   Tools/check-readme-package.sh [WORK_FOLDER]     (default: a new temporary folder; reused when given)
#
# Fails on a build error, on any warning outside the dependencies' checkouts, when the app does not print what the
# README says it prints, and when the README's test (against KonaplateDouble) fails.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
rm -rf "$work/konaplate-swift" "$work/app/Sources" "$work/app/Package.swift"
# The committed state, as a user would clone it.
git clone --quiet "$repo" "$work/konaplate-swift"
python3 "$repo/Tools/readme-snippets.py" "$repo/README.md" "$work/app" >/dev/null
cp -r "$repo/Examples/KonaplateConsumer/Sources/ConsumerDemo/api-specs" "$work/app/Sources/MyKonaplateModels/api-specs"

log=$(mktemp)
swift build --build-tests --package-path "$work/app" 2>&1 | tee "$log"
if grep "warning:" "$log" | grep -v "/.build/checkouts/"; then
    echo "error: building the README's package printed warnings (above)" >&2
    exit 1
fi

# A throwaway RSA key pair stands in for the server's; the credentials have the documented lengths.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/server-private.pem" 2>/dev/null
openssl pkey -in "$work/server-private.pem" -pubout -out "$work/server.pem"
output=$(
    KONAPLATE_ASP_ID=ASP000000000001 KONAPLATE_ACCESS_KEY=$(printf 'a%.0s' $(seq 40)) \
    KONAPLATE_SECRET_KEY=secret KONAPLATE_CRYPTO_KEY_ID=$(printf 'c%.0s' $(seq 32)) \
    KONAPLATE_SERVER_PUBLIC_KEY="$work/server.pem" \
    swift run --skip-build --package-path "$work/app" App
)
echo "$output"
grep -q "^POST /open-api/api/v1/bankaccounts/info " <<<"$output"
grep -q "X-KM-Tran-Token" <<<"$output"
grep -q "userName: <redacted>" <<<"$output"
if grep -q "홍길동" <<<"$output"; then echo "error: a sensitive value was printed" >&2; exit 1; fi
# The README's test of its own code against KonaplateDouble.
swift test --skip-build --package-path "$work/app"
echo "the README's package builds without warnings, runs as the README says and its tests pass"
