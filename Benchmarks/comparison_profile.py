"""Where the side-by-side's time goes, from a perf profile of the ClientComparison executable.

    perf record -e cpu-clock -F 2000 -g -o comparison.data -- Benchmarks/.build/release/ClientComparison 6 20
    perf script -i comparison.data -F ip,sym | swift demangle --simplified | Tools/python Benchmarks/comparison_profile.py

Each sample's stack is given to the client it ran in (KonaplateClient, the swift-openapi-generator client, or the
floor and JSON loops of the benchmark) and to the step it was in (JSONDecoder, JSONEncoder, the X-KM-* headers and
signing, anything else). A sample of an async function's later part may carry no frame naming its client: those are
counted apart, not guessed. cpu-clock, since this machine's perf has no hardware counters.
"""
import collections
import sys

CLIENTS = [
    ("KonaplateClient", ("KonaplateClient.sendOnce", "KonaplateClient.send<", "KonaplateClient.read<", "KonaplateClient.prepare")),
    ("SOG client", ("Client.serviceInfoList", "UniversalClient", "SigningMiddleware", "Converter.", "CannedSOGTransport")),
    ("setup (keys, the double's answer)", ("Comparison.answer", "RSA")),
    ("floor and JSON loops", ("Comparison.",)),
]
STEPS = [
    ("JSONDecoder", ("JSONDecoder.decode",)),
    ("JSONEncoder", ("JSONEncoder.encode",)),
    ("headers and signing", ("KonaplateStandardRequestHeaders.init", "HMAC")),
]


def first(table, stack, default):
    return next((name for name, marks in table if any(mark in stack for mark in marks)), default)


def main():
    counts = collections.Counter()
    for stack in sys.stdin.read().split("\n\n"):
        if stack.strip():
            counts[(first(CLIENTS, stack, "no client frame"), first(STEPS, stack, "other"))] += 1
    steps = [name for name, _ in STEPS] + ["other"]
    print("| samples in | total | " + " | ".join(steps) + " |")
    print("|---|---|" + "---|" * len(steps))
    for client in [name for name, _ in CLIENTS] + ["no client frame"]:
        total = sum(count for (who, _), count in counts.items() if who == client)
        if total:
            shares = " | ".join(f"{100 * counts[(client, step)] / total:.0f}%" for step in steps)
            print(f"| {client} | {total:,} | {shares} |")


if __name__ == "__main__":
    main()
