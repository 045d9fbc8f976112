"""Writes standard input into a Markdown file between the markers <!-- NAME:begin --> and <!-- NAME:end -->,
replacing what they held, or appends the section when the file has no such markers. The benchmark and oracle
scripts write their results into BENCHMARKS.md and Tests/Fixtures/DiffCorpus/README.md through it.

    python3 Tools/replace-section.py FILE NAME < section.md
"""
import pathlib
import sys

path, name = pathlib.Path(sys.argv[1]), sys.argv[2]
body = sys.stdin.read().strip("\n")
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
block = f"{begin}\n{body}\n{end}"
text = path.read_text(encoding="utf-8")
if begin in text and end in text:
    text = text[: text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
path.write_text(text, encoding="utf-8")
