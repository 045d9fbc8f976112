"""The hostile-server measurements of Benchmarks/hostile-server.sh, as BENCHMARKS.md's section.

    Tools/python Benchmarks/hostile_report.py largest OPENAPI.json   the largest documented response, in bytes
    Tools/python Benchmarks/hostile_report.py render WORK            the section, from WORK's JSON lines

`largest` computes from the OpenAPI export, independently of the tests' samples: every response schema with each
string at its maxLength (20 characters when it has none), each number at 19 digits, one element in each array.
"""
import json
import pathlib
import statistics
import sys


def largest(openapi):
    document = json.loads(pathlib.Path(openapi).read_text(encoding="utf-8"))
    schemas = document.get("components", {}).get("schemas", {})

    def resolve(schema):
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def sample(schema):
        schema = resolve(schema)
        for combined in ("allOf", "oneOf", "anyOf"):
            if combined in schema:
                return max((sample(part) for part in schema[combined]), key=len)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "string")
        if kind == "object" or "properties" in schema:
            members = [json.dumps(name, ensure_ascii=False) + ":" + sample(value)
                       for name, value in schema.get("properties", {}).items()]
            return "{" + ",".join(members) + "}"
        if kind == "array":
            return "[" + sample(schema.get("items", {"type": "string"})) + "]"
        if kind in ("integer", "number"):
            return "9" * 19
        if kind == "boolean":
            return "true"
        return json.dumps("가" * schema.get("maxLength", 20), ensure_ascii=False)

    sizes = []
    for path in document.get("paths", {}).values():
        for operation in path.values():
            for response in operation.get("responses", {}).values():
                for content in response.get("content", {}).values():
                    if "schema" in content:
                        sizes.append(len(sample(content["schema"]).encode("utf-8")))
    return max(sizes)


def lines(path):
    return [json.loads(line) for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def render(work):
    work = pathlib.Path(work)
    meta = json.loads((work / "meta.json").read_text(encoding="utf-8"))
    out = []
    say = out.append
    say("Through both transports, with their defaults (a 30 s timeout for the whole exchange, a maximum response of")
    say(f"{meta['limit']:,} bytes); release build. The largest documented response is {meta['largest']:,} bytes (computed")
    say("from the OpenAPI export: every string at its longest, one element per list), so \"100 times\" is")
    say(f"{100 * meta['largest']:,} bytes.")
    say("")

    say("### The fault corpus (`swift test`: HostileCorpusTests, HostileLoopbackTests)")
    say("")
    say("Each quick fault once on an endpoint never repeated (PaymentNoHce, UserRegistration: the outcome and its cause)")
    say("and once on one safe to repeat with retries on (BankAccountsInfo, CardVirtualAccountInquiry: requests the server")
    say("received; 2 means it was sent again and answered). Times are the never-repeated endpoint's, in a debug build.")
    say("No run showed a key, a tran token or a request or response value in the error, its dump or the log.")
    say("")
    runs = lines(work / "corpus.jsonl")
    faults = list(dict.fromkeys(run["fault"] for run in runs))
    transports = ["URLSession", "AsyncHTTPClient"]
    say("| fault | " + " | ".join(f"{t}: the caller gets | safe endpoint: received" for t in transports) + " |")
    say("|---|" + "---|---|" * len(transports))
    leaks = 0
    for fault in faults:
        cells = []
        for transport in transports:
            unsafe = next((r for r in runs if r["fault"] == fault and r["transport"] == transport and not r["safe"]), None)
            safe = next((r for r in runs if r["fault"] == fault and r["transport"] == transport and r["safe"]), None)
            if unsafe is None or safe is None:
                cells += ["not run", ""]
                continue
            detail = " ".join(unsafe["detail"].split()).replace("|", "\\|")  # one line: a table cell
            if unsafe["outcome"] == "the typed response":
                detail = ""
            cells.append(f"`{unsafe['outcome']}`{' (' + detail + ')' if detail else ''}, {unsafe['milliseconds']:.0f} ms"
                         if unsafe["outcome"] != "the typed response" else f"the typed response, {unsafe['milliseconds']:.0f} ms")
            cells.append(str(safe["received"]))
            leaks += unsafe["leaks"] + safe["leaks"]
        say(f"| {fault.replace('|', '/')} | " + " | ".join(cells) + " |")
    say("")
    say(f"{len(faults)} faults, {len(runs)} runs; values shown where they must not be: {leaks}.")
    say("")

    say("### Slow faults against the real 30 s timeout")
    say("")
    say("| fault | transport | the caller gets | after | requests received |")
    say("|---|---|---|---|---|")
    for run in lines(work / "slow.jsonl"):
        say(f"| {run['fault']} | {run['transport']} | `{run['outcome']}` | {run['seconds']:.1f} s | {run['received']} |")
    say("")

    say("### Memory: one request, peak resident memory of the whole process (client and test server)")
    say("")
    say("| answer | transport | the caller gets | resident before | peak during | resident after |")
    say("|---|---|---|---|---|---|")
    memory = lines(work / "memory.jsonl")
    for run in memory:
        answer = "the honest answer" if run["bytes"] == 0 else f"{run['bytes']:,} bytes"
        say(f"| {answer} | {run['transport']} | `{run['outcome']}` | {mib(run['residentBeforeKiB'])} | "
            f"{mib(run['peakKiB'])} | {mib(run['residentAfterKiB'])} |")
    say("")
    for transport in transports:
        runs_t = [r for r in memory if r["transport"] == transport]
        honest = next((r for r in runs_t if r["bytes"] == 0), None)
        biggest = max(runs_t, key=lambda r: r["bytes"], default=None)
        if honest and biggest and biggest["bytes"]:
            say(f"{transport}: {biggest['bytes']:,} bytes offered, peak {mib(biggest['peakKiB'])} against "
                f"{mib(honest['peakKiB'])} for the honest answer ({round((biggest['peakKiB'] - honest['peakKiB']) / 1024, 1) + 0.0:+.1f} MiB).")
    say("")

    say("### Load: 1,000 concurrent requests through one client")
    say("")
    say("Four endpoints in turn: ServiceInfoList (plain), PaymentNoHce (plain, never repeated), CardVirtualAccountInquiry")
    say("and UserRegistration (encrypted both ways; the second never repeated); retries on (2 attempts) for the endpoints")
    say("safe to repeat. All requests start at once; a latency is from a request's start to its outcome, queueing")
    say("included. \"Sendings\" counts the client's attempts (a middleware), \"received\" the server's requests read whole.")
    say("Resident memory stays near its peak after the run: glibc's malloc keeps freed pages in its per-thread arenas.")
    say("The last column is the resident size once malloc has handed its free pages back (`malloc_trim(0)`), before")
    say("the run and 1 s after it: what the process still holds.")
    say("")
    say("| transport | server | outcomes | sendings / received / duplicates | never-repeated sent / received | p50 | p99 | max | wall | RSS before / peak / after / +1 s | trimmed: before → +1 s |")
    say("|---|---|---|---|---|---|---|---|---|---|---|")
    for run in lines(work / "load.jsonl"):
        latencies = sorted(run["latenciesMs"])
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        outcomes = ", ".join(f"{kind} {count}" for kind, count in sorted(run["outcomes"].items(), key=lambda kv: -kv[1]))
        server = "the double (KonaplateDoubleServer)" if run["server"] == "double" else "the fault server, 1% faults"
        if run.get("connectionsPerHost"):
            server += f", {run['connectionsPerHost']} connections per host"
        unsafe_sent = sum(run["unsafeSent"].values())
        unsafe_received = sum(run["unsafeReceived"].values())
        lost = run["requests"] - run["returned"]
        say(f"| {run['transport']} | {server} | {outcomes}{'; LOST ' + str(lost) if lost else ''} | "
            f"{run['sendings']} / {run['received']} / {run['duplicateCorrelationIDs']} | {unsafe_sent} / {unsafe_received} | "
            f"{statistics.median(latencies):.0f} ms | {p99:.0f} ms | {latencies[-1]:.0f} ms | {run['wallMs'] / 1000:.2f} s | "
            f"{mib(run['baselineKiB'])} / {mib(run['peakKiB'])} / {mib(run['afterKiB'])} / {mib(run['settledKiB'])} | "
            + (f"{mib(run['baselineTrimmedKiB'])} → {mib(run['settledTrimmedKiB'])} |" if "settledTrimmedKiB" in run
               else "not measured |"))
    say("")
    load_rounds(lines(work / "load.jsonl"), say)
    return "\n".join(out)


def accounted(run, requests):
    """Every request ended in an outcome, the server received exactly what the client sent, no correlation id
    twice, and each never-repeated request was received once."""
    return (run["returned"] == requests and run["sendings"] == run["received"] and run["duplicateCorrelationIDs"] == 0
            and run["unsafeSent"] == run["unsafeReceived"])


def load_rounds(runs, say):
    runs = [run for run in runs if run.get("rounds")]
    if not runs:
        return
    count = len(runs[0]["rounds"])
    say(f"**Memory after the load, round after round.** The same load {count} times in one process, the double's")
    say("record of what it received cleared before each round. The live heap is what malloc has handed out and not had")
    say("back (glibc's `mallinfo2`: allocated chunks and chunks mapped on their own), after the warm-up and after each")
    say("round: a leak grows it with every round, whatever the allocator keeps. The resident size, once malloc has")
    say("handed its free pages back, also counts the allocator's arenas and their fragmentation, and the pools made once")
    say("in the first round (threads and connections for a thousand requests in flight). \"Accounted\": in every round")
    say("each request ended in an outcome, the server received exactly what the client sent, no correlation id twice,")
    say("each never-repeated request once.")
    say("")
    say("| transport | server | live heap: after the warm-up → after each round | rounds 2 to last, per round | resident (trimmed): after the warm-up → after each round | accounted |")
    say("|---|---|---|---|---|---|")
    for run in runs:
        server = "the double" if run["server"] == "double" else "the fault server, 1% faults"
        if run.get("connectionsPerHost"):
            server += f", {run['connectionsPerHost']} connections per host"
        heap = run.get("heapKiB") or []
        trimmed = [r["settledTrimmedKiB"] for r in run["rounds"]]
        every = all(accounted(r, run["requests"]) for r in run["rounds"])
        if len(heap) > 2 and min(heap) >= 0:
            heap_text = " → ".join(mib(h) for h in heap)
            per_round = f"{(heap[-1] - heap[1]) / 1024 / (len(heap) - 2):+.2f} MiB"
        else:
            heap_text, per_round = "not measured", "not measured"
        say(f"| {run['transport']} | {server} | {heap_text} | {per_round} | "
            + " → ".join(mib(t) for t in [run["baselineTrimmedKiB"]] + trimmed) + f" | {'yes' if every else '**no**'} |")
    say("")


if __name__ == "__main__":
    command, argument = sys.argv[1], sys.argv[2]
    if command == "largest":
        print(largest(argument))
    elif command == "render":
        print(render(argument))
    else:
        raise SystemExit(f"unknown command {command}")
