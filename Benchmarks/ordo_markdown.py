"""ordo-one/benchmark's Markdown output, read for run.sh and client.sh.

The output is "### <benchmark>" headings, each followed by rows "| <metric> (<unit>) * | p0 | p25 | p50 | p75 | p90
| p99 | p100 | samples |". A metric marked * is per iteration (for a benchmark with a scaling factor, per
iteration of its scaled loop). Units: ns, μs, ms for times (returned in µs), K and M for counts.
"""
import re

P50, P99 = 2, 5  # columns after the metric's name


def read_sections(path):
    """{benchmark name: {metric cell: [p0, p25, ...]}}"""
    sections, name = {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("### "):
            name = line[4:].strip()
            sections[name] = {}
        elif name and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            sections[name][cells[0]] = cells[1:]
    return sections


def metric(sections, section, prefix, column=P50):
    """The value of the first metric of `section` whose name starts with `prefix`, in µs for times."""
    for key, cells in sections[section].items():
        if key.startswith(prefix):
            scale = 1
            for unit in re.findall(r"\((ns|μs|us|ms|K|M)\)", key):
                scale *= {"ns": 1e-3, "μs": 1, "us": 1, "ms": 1e3, "K": 1e3, "M": 1e6}[unit]
            return float(cells[column].replace(",", "")) * scale
    raise SystemExit(f"no {prefix} in {section}: {list(sections[section])}")
