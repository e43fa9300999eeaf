"""The targets of the performance budget (``../shared/PERFORMANCE.md``), the
verdict of a run of ``bench/run.py`` against them, and its place in
docs/benchmarks.md."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
SECTION = "## Latest full runs"
INTRO = f"""{SECTION}

`make bench` (100,000 petitions, SQLite and the local PostgreSQL) and
`make bench-full` (1,000,000) run `bench/run.py`, which writes its table
here, replacing the earlier run of the same size. Each figure is the
median (p50) and p95 of many requests after a warm-up, next to a baseline
timed by the same server in the same run: compare ratios between
machines, not milliseconds. How each step works is in the sections below
and in each script's docstring.
"""
SEARCH_BUDGET_MS = {100_000: 50.0, 1_000_000: 100.0}
SUBMIT_RATE, SUBMIT_P95 = 300.0, 50.0
REBUILD_1M_MINUTES = 15.0
WORKER_MB = 300.0
# p95 budgets of the pages bench/http_pages.py times, by the kind it gives each.
PAGE_BUDGETS_MS = {"list": 50.0, "detail": 50.0, "tracking": 50.0,
                   "province dashboard": 1000.0, "overdue register": 1000.0}


def _ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def _verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def search_budget(n: int) -> float:
    return SEARCH_BUDGET_MS[100_000] if n <= 100_000 else SEARCH_BUDGET_MS[1_000_000]


def search_rows(n: int, search: dict) -> list[str]:
    budget, base = search_budget(n), search["base"][1]
    rows = []
    for kind, (p50, p95), fts5 in search["rows"]:
        limit = 100.0 if kind == '"phrase"' and n <= 100_000 else budget
        ratio = ""
        if fts5:  # FTS5 timed in-process: the healthz time puts it behind the same HTTP stack
            twin = p95 / (fts5[1] + base)
            ratio = f"{twin:,.1f}× FTS5 ({_ms(fts5[1])} ms)"
        rows.append(f"| search: {kind} | {_ms(p50)} | {_ms(p95)} | {p95 / base:,.0f}× healthz; "
                    f"{ratio} | ≤ {limit:,.0f} ms: {_verdict(p95 <= limit)} |")
    p50, p95 = search["similar"]
    rows.append(f"| similar petitions while typing | {_ms(p50)} | {_ms(p95)} | "
                f"{p95 / base:,.0f}× healthz | ≤ 200 ms: {_verdict(p95 <= 200)} |")
    return rows


def page_rows(pages: dict) -> list[str]:
    figures = pages["figures"]
    base = figures[0]["p95"]
    rows = []
    for f in figures:
        budget = PAGE_BUDGETS_MS.get(f["target"])
        target = f"< {budget:,.0f} ms: {_verdict(f['p95'] < budget)}" if budget else ""
        rows.append(f"| {f['name']} | {_ms(f['p50'])} | {_ms(f['p95'])} | "
                    f"{f['p95'] / base:,.0f}× healthz | {target} |")
    return rows


def submission_rows(sub: dict) -> list[str]:
    """``bench/submission.py``'s rows: hello then submission per concurrency."""
    rows, hello = [], {}
    for row in sub.get("rows", []):
        if row["endpoint"] == "hello":
            hello[row["concurrency"]] = row
            name, target = f"hello (bare endpoint), {row['concurrency']} concurrent clients", ""
        else:
            ok = row["req_per_s"] >= SUBMIT_RATE and row["p95_ms"] < SUBMIT_P95
            name = f"submit a petition (API), {row['concurrency']} concurrent clients"
            target = (f"≥ {SUBMIT_RATE:,.0f}/s, p95 < {SUBMIT_P95:,.0f} ms: {_verdict(ok)}")
        base = hello.get(row["concurrency"])
        against = (f" ({base['req_per_s'] / row['req_per_s']:,.0f}× fewer than hello)"
                   if base and base is not row else "")
        rows.append(f"| {name} | {_ms(row['p50_ms'])} | {_ms(row['p95_ms'])} | "
                    f"{row['req_per_s']:,.0f} req/s{against}; "
                    f"{row['server_cpu_ms_per_request']:,.1f} ms CPU per request in gunicorn "
                    f"| {target} |")
    return rows


def build_rows(n: int, generated: dict) -> list[str]:
    rows = []
    if "index_seconds" in generated:
        rate = generated["index_records"] / generated["index_seconds"]
        million = 1_000_000 / rate / 60
        rows.append(f"| index rebuild ({generated['index_procs']} processes) | | "
                    f"{generated['index_seconds'] / 60:,.1f} min | {rate:,.0f} records/s; "
                    f"1M at this rate: {million:,.0f} min | 1M ≤ {REBUILD_1M_MINUTES:.0f} min: "
                    f"{_verdict(million <= REBUILD_1M_MINUTES)}"
                    f"{'' if n >= 1_000_000 else ' (extrapolated)'} |")
        rows.append(f"| index size | | | {generated['index_bytes'] / 2**20:,.0f} MiB | |")
    rows.append(f"| generate and load {n:,} petitions | | "
                f"{generated['load_seconds'] / 60:,.1f} min | "
                f"{n / generated['load_seconds']:,.0f} petitions/s | |")
    rows.append(f"| database size | | | {generated['database_bytes'] / 2**20:,.0f} MiB | |")
    return rows


def memory_row(results: dict) -> str:
    peaks = []
    for figures in results.values():
        peaks += [own + mapped for own, mapped in figures.get("search", {}).get("memory", [])]
        peaks += [own + mapped for own, mapped in figures.get("pages", {}).get("memory", [])]
        peaks += list(figures.get("submission", {}).get("peak_rss_mb", {}).values())
    if not peaks:
        return ""
    top = max(peaks)
    return (f"| largest gunicorn worker (resident, after search, pages and submissions) | | | "
            f"{top:,.0f} MB | < {WORKER_MB:,.0f} MB: {_verdict(top < WORKER_MB)} |")


def render(n: int, results: dict, *, machine: str, command: str, minutes: float) -> str:
    lines = [f"### {n:,} petitions", "",
             f"`.venv/bin/python {command}` on {machine}; {minutes:,.0f} min in all.", ""]
    for backend, figures in results.items():
        lines += [f"#### {backend}", "", "| figure | p50 ms | p95 ms | ratio, rate or size | target |",
                  "|---|---|---|---|---|"]
        lines += build_rows(n, figures["generate"])
        if "pages" in figures:
            lines += page_rows(figures["pages"])
        if "search" in figures:
            lines += search_rows(n, figures["search"])
        lines += submission_rows(figures.get("submission", {}))
        lines.append("")
    memory = memory_row(results)
    if memory:
        lines += ["| figure | | | | target |", "|---|---|---|---|---|", memory, ""]
    return "\n".join(lines)


_RUN = re.compile(r"^### ([0-9,]+) petitions$", re.MULTILINE)


def write(text: str, n: int, *, docs: Path = DOCS, section: str = SECTION,
          intro: str = INTRO, heading: re.Pattern = _RUN) -> None:
    """Put this run in ``section`` (created after the title the first time),
    replacing the earlier run of the same N; runs in order of N."""
    content = docs.read_text(encoding="utf-8")
    start = content.find(f"\n{section}\n")
    if start < 0:
        title_end = content.find("\n## ")
        title_end = len(content) if title_end < 0 else title_end + 1
        before, body, after = content[:title_end], intro, content[title_end:]
    else:
        following = re.search(r"^## ", content[start + 1 + len(section):], re.MULTILINE)
        end = start + 1 + len(section) + following.start() if following else len(content)
        before, body, after = content[:start + 1], content[start + 1:end], content[end:]
    pieces = re.split(r"(?=^### )", body, flags=re.MULTILINE)
    head, runs, others = pieces[0], {}, []
    for piece in pieces[1:]:
        match = heading.match(piece)
        if match:
            runs[int(match.group(1).replace(",", ""))] = piece
        else:
            others.append(piece)
    runs[n] = text
    parts = [head, *(runs[key] for key in sorted(runs)), *others]
    body = "\n".join(part.strip("\n") + "\n" for part in parts)
    docs.write_text(before + body + ("\n" + after if after else ""), encoding="utf-8")
