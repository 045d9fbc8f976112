"""The build tool plugin as its users meet it: a consumer package whose target generates every spec of api-specs/
(63 endpoints) through KonaplateGeneratorPlugin, built and tested the way a developer does in their first hour.

    Tools/python Benchmarks/plugin_builds.py --generator PATH [--label NAME] [--runs 3] [--json OUT]

PATH is a checkout of this repository (the current one, or an older commit in a `git worktree`, to compare). The
consumer has a models target with the plugin, an executable and a test target, and depends on PATH by path. For
each scenario the script prepares the state it needs, then times one command, RUNS times, and counts in the
`-v` log what ran: generator processes and the models module's files compiled again. Prints one Markdown row per
scenario (and writes them as JSON with --json). Never run two of these at once, nor beside another build: the
numbers are wall times on a 2-core machine.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import tempfile
import time

# A generator process is a line of the -v log that starts with the tool's path (its link and file-list lines do not).
GENERATOR_RUN = re.compile(r"^\S*/(konaplate-build-tool(-tool)? |konaplate-gen(-tool)? generate-(file|endpoint-list) )")
MODELS_JOB = re.compile(r"swift-frontend -frontend -c .*-module-name Models ")
ENVIRONMENT_KEY = "KONAPLATE_BENCH_SETTING"


def run(command, cwd, env=None, check=True):
    """Runs `command`; returns (seconds, output)."""
    start = time.monotonic()
    result = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )
    seconds = time.monotonic() - start
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-4000:]}")
    return seconds, result.stdout


def counts(log):
    lines = log.splitlines()
    generator = sum(1 for line in lines if GENERATOR_RUN.search(line))
    # Each -primary-file of a models job is one file the compiler compiled again.
    files = sum(line.count(" -primary-file ") for line in lines if MODELS_JOB.search(line))
    return generator, files


class Consumer:
    def __init__(self, generator: pathlib.Path, folder: pathlib.Path, checked_in: bool = False):
        self.generator = generator
        self.root = folder / "consumer"
        self.identity = generator.name.lower()
        self.checked_in = checked_in
        models = self.root / "Sources/Models"
        (self.root / "Sources/App").mkdir(parents=True)
        (self.root / "Tests/ModelsTests").mkdir(parents=True)
        if checked_in:
            # The same models without the plugin: the generated files committed as the target's own sources.
            models.mkdir(parents=True)
            for file in (generator / "Generated").glob("*.swift"):
                shutil.copy(file, models / file.name)
        else:
            shutil.copytree(generator / "api-specs", models / "api-specs", symlinks=False)
        (models / "Models.swift").write_text("// Generated at build time from api-specs/ by KonaplateGeneratorPlugin.\n")
        (self.root / "Sources/App/main.swift").write_text('import Models\n\nprint("ok")\n')
        (self.root / "Tests/ModelsTests/ModelsTests.swift").write_text(
            "import Models\nimport Testing\n\n@Test func builds() {}\n"
        )
        plugins = "" if checked_in else f'plugins: [.plugin(name: "KonaplateGeneratorPlugin", package: "{self.identity}")]'
        (self.root / "Package.swift").write_text(
            f"""// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "PluginBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "{generator}")],
    targets: [
        .target(
            name: "Models",
            dependencies: [.product(name: "KonaplateRuntime", package: "{self.identity}")],
            {plugins}
        ),
        .executableTarget(name: "App", dependencies: ["Models"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models"]),
    ]
)
"""
        )
        self.spec = models / "api-specs/bankaccounts/info.yaml"
        self.extra = models / "Extra.swift"

    def swift(self, *arguments, setting="a"):
        """One swift command with -v, the environment as the developer's shell has it plus one setting."""
        env = dict(os.environ, **{ENVIRONMENT_KEY: setting})
        return run(["swift", *arguments, "-v"], self.root, env)


def workarounds(consumer: Consumer):
    """What a developer can do about the re-plans SwiftPM makes: keep tests in their own build folder."""
    build = lambda: consumer.swift("build")
    test = lambda: consumer.swift("test", "--scratch-path", str(consumer.root / ".build-tests"))
    return [
        ("workaround: `swift test --scratch-path .build-tests` after `swift build`", build, test),
        ("workaround: `swift build` after `swift test --scratch-path .build-tests`", test, build),
    ]


def scenarios(consumer: Consumer):
    """(name, prepare, measure) triples; `prepare` and `measure` take no arguments and return (seconds, log)."""
    build = lambda setting="a": consumer.swift("build", setting=setting)
    test = lambda setting="a": consumer.swift("test", setting=setting)
    original = consumer.spec.read_text()

    def touch_spec():
        os.utime(consumer.spec)
        return build()

    def edit_spec():
        consumer.spec.write_text(original.replace("description: 은행 이름", "description: 은행의 이름", 1))
        try:
            return build()
        finally:
            consumer.spec.write_text(original)

    def add_file():
        consumer.extra.write_text("// A file a developer adds.\n")
        try:
            return build()
        finally:
            consumer.extra.unlink()

    plugin_only = [] if consumer.checked_in else [
        ("`swift build` after touching one spec (same bytes)", build, touch_spec),
        ("`swift build` after editing one spec (one file's bytes change)", build, edit_spec),
    ]
    return [
        ("no-op `swift build`", lambda: (build(), build()), build),
        ("`swift build` after an environment variable changed", lambda: build("a"), lambda: build("b")),
        ("`swift test` after `swift build`", build, test),
        ("`swift build` after `swift test`", test, build),
        ("`swift build` after adding a source file to the target", build, add_file),
    ] + plugin_only


def table(paths):
    """One Markdown table of several runs' JSON: a column per checkout (wall time, generator processes, files
    compiled again)."""
    runs = [json.loads(pathlib.Path(path).read_text()) for path in paths]
    labels = [run[0]["label"] for run in runs]
    print("| scenario | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    # Every scenario any run measured, in the order they first appear (the workarounds only in the runs that had them).
    scenarios_seen = list(dict.fromkeys(row["scenario"] for run in runs for row in run))
    for scenario in scenarios_seen:
        row = {"scenario": scenario}
        cells = []
        for run in runs:
            match = next((other for other in run if other["scenario"] == row["scenario"]), None)
            if match is None:
                cells.append("—")
                continue
            spread = "" if match["min"] == match["max"] else f" ({match['min']:.1f}–{match['max']:.1f})"
            cells.append(f"{match['median']:.1f} s{spread}, {match['generator_runs']} gen., {match['models_jobs']} files")
        print(f"| {row['scenario']} | " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", type=pathlib.Path)
    parser.add_argument("--report", nargs="+", help="print one table of these JSON results and stop")
    parser.add_argument("--label", default="")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=pathlib.Path)
    parser.add_argument("--workarounds", action="store_true", help="also measure the documented workarounds")
    parser.add_argument(
        "--checked-in", action="store_true", help="the same models as committed sources, without the plugin (PATH/Generated)")
    arguments = parser.parse_args()
    if arguments.report:
        return table(arguments.report)
    if arguments.generator is None:
        parser.error("--generator is required")
    generator = arguments.generator.resolve()
    rows = []
    with tempfile.TemporaryDirectory(prefix="konaplate-plugin-bench-") as folder:
        consumer = Consumer(generator, pathlib.Path(folder), checked_in=arguments.checked_in)
        seconds, log = consumer.swift("build")
        rows.append(("cold `swift build` (dependencies, the tool, 63 specs)", [seconds], [counts(log)]))
        seconds, log = consumer.swift("build")
        rows.append(("first `swift build` after the cold one", [seconds], [counts(log)]))
        if arguments.workarounds:
            consumer.swift("test", "--scratch-path", str(consumer.root / ".build-tests"))  # its own cold build
        for name, prepare, measure in scenarios(consumer) + (workarounds(consumer) if arguments.workarounds else []):
            times, what = [], []
            for _ in range(arguments.runs):
                prepare()
                seconds, log = measure()
                times.append(seconds)
                what.append(counts(log))
            rows.append((name, times, what))
    report = []
    for name, times, what in rows:
        generator_runs = "/".join(sorted({str(g) for g, _ in what}))
        jobs = "/".join(sorted({str(j) for _, j in what}))
        row = {
            "scenario": name,
            "label": arguments.label,
            "median": statistics.median(times),
            "min": min(times),
            "max": max(times),
            "generator_runs": generator_runs,
            "models_jobs": jobs,
        }
        report.append(row)
        spread = "" if len(times) == 1 else f" ({row['min']:.1f}–{row['max']:.1f})"
        print(f"| {name} | {row['median']:.1f} s{spread} | {generator_runs} | {jobs} |", flush=True)
    if arguments.json:
        arguments.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
