#!/usr/bin/env python3
"""Writes a synthetic spec set of N endpoints, realistic in size: copies of the real specs, cycled, each renamed
(name and path) so all are distinct, with any definitions of api-specs/common/ (the standard header set and the shared
result codes are built into konaplate-gen).

    python3 Benchmarks/synthesize-specs.py N OUTPUT_FOLDER
"""
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
count, output = int(sys.argv[1]), pathlib.Path(sys.argv[2])
if output.exists():
    shutil.rmtree(output)
output.mkdir(parents=True)
if (ROOT / "api-specs/common").is_dir():
    shutil.copytree(ROOT / "api-specs/common", output / "common")
specs = sorted(p for p in (ROOT / "api-specs").rglob("*.yaml") if "common" not in p.parts)
for index in range(count):
    text = specs[index % len(specs)].read_text(encoding="utf-8")
    text = re.sub(r"^name: (\w+)", lambda m: f"name: {m.group(1)}N{index}", text, count=1, flags=re.M)
    text = re.sub(r"^path: /api/(v\d)/", lambda m: f"path: /api/{m.group(1)}/n{index}/", text, count=1, flags=re.M)
    folder = output / f"group{index // 100}"
    folder.mkdir(exist_ok=True)
    (folder / f"endpoint{index}.yaml").write_text(text, encoding="utf-8")
