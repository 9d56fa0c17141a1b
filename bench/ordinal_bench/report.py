"""Writes bench/results.md from the figures."""
import datetime

from .processes import COMMANDS
from .results import fmt


def write(path, results, *, machine, commit, command, runs, load_before, load_after, seconds, build, extra=""):
    out = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out += ["# Ordinal benchmark results", "",
            f"Written by `{command}` on {now}, commit `{commit}`, {build}; each figure is the median of "
            f"{runs} runs with the min–max beside it. The suite took {seconds / 60:.1f} min.", "",
            f"Load average (1, 5, 15 min) before the suite: **{load_before}**; after: **{load_after}**. "
            "On a machine busy with other work the figures are lower and noisier than on a quiet one.", "",
            "## Machine", "", "| | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in machine]
    targets = [f for f in results.figures if f.target]
    out += ["", "## Targets", "", "| figure | median | target | met |", "|---|---|---|---|"]
    out += [f"| {f.section}: {f.name} | {fmt(f.median)} {f.unit} | {f.target} | {f.verdict()} |" for f in targets]
    sections = []
    for f in results.figures:
        if f.section not in sections:
            sections.append(f.section)
    for section, *_ in results.tables:
        if section not in sections:
            sections.append(section)
    for section in sorted(sections):
        out += ["", f"## {section}", ""]
        figures = [f for f in results.figures if f.section == section]
        if figures:
            out += ["| figure | median | min–max | runs |", "|---|---|---|---|"]
            for f in figures:
                span = f"{fmt(min(f.values))}–{fmt(max(f.values))}" if f.values else "–"
                note = f" ({f.note})" if f.note else ""
                out.append(f"| {f.name}{note} | {fmt(f.median)} {f.unit} | {span} | {len(f.values)} |")
        for s, title, header, rows in results.tables:
            if s == section:
                out += ["", title + ":", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                out += ["| " + " | ".join(row) + " |" for row in rows]
        for s, text in results.notes:
            if s == section:
                out += ["", f"- {text}"]
    if extra:
        out += ["", extra.strip()]
    out += ["", "## Commands", "", "The suite ran these (BIN is `swift build -c release --show-bin-path`; PORT, DIR, URL "
            "and PID stand for a free port, a fresh temporary folder, the server's URL and process id; RUN for the "
            "run's number in object names):", "", "```sh", command] + COMMANDS + ["```", ""]
    with open(path, "w") as f:
        f.write("\n".join(out))
