"""The CPU a models-only consumer's cold build costs: a package whose one target generates every spec of api-specs/
through KonaplateGeneratorPlugin and depends on KonaplateRuntime, built from an empty build folder.

    Tools/python Benchmarks/cold_build_cpu.py --runs 3 LABEL=PATH [LABEL=PATH ...]

Each PATH is a checkout of this repository (an older commit in a `git worktree`, to compare). The builds alternate
between the checkouts, RUNS rounds, so that a slower spell of the machine touches every checkout alike; each build
is timed in CPU (user + system, of every process the build ran) and in wall time. Prints the medians as Markdown
rows. Never run it beside another build.
"""

import argparse
import pathlib
import resource
import statistics
import subprocess
import tempfile
import time


def consumer(generator: pathlib.Path, folder: pathlib.Path) -> pathlib.Path:
    root = folder / "models-only"
    models = root / "Sources/Models"
    models.mkdir(parents=True)
    subprocess.run(["cp", "-r", str(generator / "api-specs"), str(models / "api-specs")], check=True)
    (models / "Models.swift").write_text("// Generated at build time from api-specs/ by KonaplateGeneratorPlugin.\n")
    identity = generator.name.lower()
    (root / "Package.swift").write_text(
        f"""// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "ModelsOnly",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "{generator}")],
    targets: [
        .target(
            name: "Models",
            dependencies: [.product(name: "KonaplateRuntime", package: "{identity}")],
            plugins: [.plugin(name: "KonaplateGeneratorPlugin", package: "{identity}")]
        )
    ]
)
"""
    )
    return root


def cold_build(generator: pathlib.Path):
    """(cpu seconds, wall seconds, modules compiled) of one cold build."""
    with tempfile.TemporaryDirectory(prefix="konaplate-cold-") as folder:
        root = consumer(generator, pathlib.Path(folder))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        result = subprocess.run(
            ["swift", "build", "--package-path", str(root)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            raise SystemExit(f"the cold build against {generator} failed:\n{result.stdout[-4000:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # SwiftPM's "Compiling <module> <file>" lines: Swift modules by name (C files are named with their extension;
        # those are the dependencies' C code, swift-crypto's BoringSSL above all, the same in every checkout).
        compiled = {line.split()[2] for line in result.stdout.splitlines() if " Compiling " in line and len(line.split()) > 2}
        modules = sorted(name for name in compiled if "." not in name)
        return cpu, wall, modules


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("checkouts", nargs="+", help="LABEL=PATH")
    arguments = parser.parse_args()
    checkouts = [(label, pathlib.Path(path).resolve()) for label, path in (item.split("=", 1) for item in arguments.checkouts)]
    results = {label: [] for label, _ in checkouts}
    modules = {}
    for round in range(arguments.runs):
        for label, path in checkouts:
            cpu, wall, built = cold_build(path)
            results[label].append((cpu, wall))
            modules[label] = built
            print(f"<!-- round {round + 1}: {label}: {cpu:.0f} s CPU, {wall:.0f} s wall -->", flush=True)
    print("| checkout | CPU, median (min–max) | wall, median | Swift modules compiled |")
    print("|---|---|---|---|")
    for label, _ in checkouts:
        cpus = [cpu for cpu, _ in results[label]]
        walls = [wall for _, wall in results[label]]
        print(
            f"| {label} | {statistics.median(cpus):.0f} s ({min(cpus):.0f}–{max(cpus):.0f}) | {statistics.median(walls):.0f} s | "
            f"{len(modules[label])}: {', '.join(modules[label])} |"
        )


if __name__ == "__main__":
    main()
