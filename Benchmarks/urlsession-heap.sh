#!/usr/bin/env bash
# FoundationNetworking alone, without any Konaplate code: a delegate URLSession like the URLSession transport's
# (ephemeral, 16 connections per host), 1,000 concurrent uploads a round, six rounds, to a small Python HTTP server;
# prints malloc's live heap after the warm-up and after each round. It tells whether the live-heap growth the
# hostile server's load rounds show for the URLSession transport (BENCHMARKS.md) is the client's or FoundationNetworking's.
#
#   Benchmarks/urlsession-heap.sh      about a minute; needs python3 and glibc 2.33 or later (mallinfo2)
set -euo pipefail
cd "$(dirname "$0")/URLSessionHeap"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
swiftc -O -import-objc-header ../Benchmarks/MallocInUse/include/MallocInUse.h main.swift -o "$work/urlsession-heap"
port=$((20000 + RANDOM % 20000))
python3 server.py "$port" &
server=$!
sleep 1
"$work/urlsession-heap" "$port"
