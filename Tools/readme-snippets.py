#!/usr/bin/env python3
"""Writes the README's marked code blocks into a folder, so CI builds and runs the README's own text.

    python3 Tools/readme-snippets.py README.md OUTPUT_FOLDER

A block is marked by an HTML comment on the line before its opening fence:

    <!-- readme-snippet: Sources/App/main.swift -->
    ```swift
    ...
    ```

Each marked block becomes OUTPUT_FOLDER/<path>, byte for byte. Fails (exit 1) when a marker is not followed by a
fenced block, or when no block is marked. Standard library only.
"""
import pathlib
import re
import sys

MARKER = re.compile(r"^<!-- readme-snippet: (\S+) -->$")


def snippets(text):
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = MARKER.match(line)
        if not match:
            continue
        if index + 1 >= len(lines) or not lines[index + 1].startswith("```"):
            raise SystemExit(f"README line {index + 1}: a readme-snippet marker must be followed by a ``` fence")
        end = index + 2
        while end < len(lines) and lines[end] != "```":
            end += 1
        if end == len(lines):
            raise SystemExit(f"README line {index + 2}: the code block is not closed")
        found.append((match.group(1), "\n".join(lines[index + 2:end]) + "\n"))
    return found


def main():
    readme, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    found = snippets(readme.read_text(encoding="utf-8"))
    if not found:
        raise SystemExit(f"{readme}: no readme-snippet markers")
    for path, text in found:
        target = output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"{target}")


if __name__ == "__main__":
    main()
