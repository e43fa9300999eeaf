"""Figures and the printed report of ``bench/submission.py``: each run's
figures, their medians over rounds with the ratios to hello, the table, the
check that nothing was lost, how far the search follower fell behind, and
the workers' memory."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field

from bench import load
from bench.hello_app import HELLO_PATH

SUBMIT_PATH = "/api/v1/petitions"
TARGET_RPS = 300.0
TARGET_P95_MS = 50.0


@dataclass
class Run:
    endpoint: str
    concurrency: int
    round: int
    result: load.Result
    cpu: dict

    def figures(self) -> dict:
        r, cpu = self.result, self.cpu
        completed = max(sum(r.statuses.values()), 1)
        per_request = {f"{who}_cpu_ms_per_request": seconds * 1000 / completed for who, seconds in (
            ("server", cpu["server_cpu_s"]), ("indexer", cpu["indexer_cpu_s"]),
            ("database", cpu["database_cpu_s"]), ("client", r.client_cpu_s))}
        other = (cpu["machine_busy_s"] - cpu["server_cpu_s"] - cpu["indexer_cpu_s"]
                 - cpu["database_cpu_s"] - r.client_cpu_s)
        ceiling = os.cpu_count() * 1000 / max(sum(per_request.values()), 1e-9)
        return {"endpoint": self.endpoint, "concurrency": self.concurrency, "round": self.round,
                "cpu_ceiling_req_per_s": ceiling, "ok": r.ok, "req_per_s": r.throughput,
                "p50_ms": r.percentile(50), "p95_ms": r.percentile(95),
                "p99_ms": r.percentile(99), "errors": r.errors,
                "errors_in_window": r.errors_in_window, "statuses": dict(r.statuses),
                "error_samples": r.error_samples, "completed_whole_run": completed,
                **per_request, **cpu, "client_cpu_s": r.client_cpu_s,
                "machine_busy_share": cpu["machine_busy_s"] / max(cpu["machine_total_s"], 1e-9),
                "other_cpu_s": other,
                "other_cpu_share": other / max(cpu["machine_total_s"], 1e-9)}


@dataclass
class Row:
    endpoint: str
    concurrency: int
    rounds: list[dict] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(r[key] for r in self.rounds)

    def figures(self, hello: Row | None) -> dict:
        rps = [r["req_per_s"] for r in self.rounds]
        out = {"endpoint": self.endpoint, "concurrency": self.concurrency,
               "req_per_s": self.median("req_per_s"), "req_per_s_min": min(rps),
               "req_per_s_max": max(rps), "p50_ms": self.median("p50_ms"),
               "p95_ms": self.median("p95_ms"), "p95_ms_worst_round": max(r["p95_ms"] for r in self.rounds),
               "p99_ms": self.median("p99_ms"), "errors": sum(r["errors"] for r in self.rounds),
               "server_cpu_ms_per_request": self.median("server_cpu_ms_per_request"),
               "indexer_cpu_ms_per_request": self.median("indexer_cpu_ms_per_request"),
               "database_cpu_ms_per_request": self.median("database_cpu_ms_per_request"),
               "client_cpu_ms_per_request": self.median("client_cpu_ms_per_request"),
               "machine_busy_share": self.median("machine_busy_share"),
               "other_cpu_share": self.median("other_cpu_share"),
               "cpu_ceiling_req_per_s": self.median("cpu_ceiling_req_per_s")}
        if hello is not None:
            out["hello_rps_over_rps"] = hello.median("req_per_s") / max(out["req_per_s"], 1e-9)
            out["p95_over_hello_p95"] = out["p95_ms"] / hello.median("p95_ms")
            out["server_cpu_over_hello"] = (out["server_cpu_ms_per_request"]
                                            / hello.median("server_cpu_ms_per_request"))
            out["target_met"] = (out["req_per_s"] >= TARGET_RPS and out["p95_ms"] < TARGET_P95_MS
                                 and out["errors"] == 0)
        return out


def summarise(runs: list[Run]) -> list[dict]:
    rows: dict[tuple[str, int], Row] = {}
    for run in runs:
        rows.setdefault((run.endpoint, run.concurrency), Row(run.endpoint, run.concurrency)) \
            .rounds.append(run.figures())
    return [row.figures(rows.get(("hello", row.concurrency)) if row.endpoint != "hello" else None)
            for row in rows.values()]



def database_label(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite"


def _row_line(f: dict) -> str:
    spread = f"{f['req_per_s']:,.0f} ({f['req_per_s_min']:,.0f}–{f['req_per_s_max']:,.0f})"
    if "hello_rps_over_rps" in f:
        ratios = (f"{f['hello_rps_over_rps']:.1f}× | {f['p95_over_hello_p95']:.1f}× | "
                  f"{f['server_cpu_over_hello']:.1f}×")
        verdict = "pass" if f["target_met"] else "**fail**"
    else:
        ratios, verdict = "1.0× | 1.0× | 1.0×", "baseline"
    name = f"GET {HELLO_PATH}" if f["endpoint"] == "hello" else f"POST {SUBMIT_PATH}"
    return (f"| {name} | {f['concurrency']} | {spread} | {f['p50_ms']:.1f} | {f['p95_ms']:.1f} "
            f"| {f['p99_ms']:.1f} | {f['errors']} | {f['server_cpu_ms_per_request']:.2f} "
            f"| {f['indexer_cpu_ms_per_request']:.2f} "
            f"| {f['database_cpu_ms_per_request']:.2f} | {f['client_cpu_ms_per_request']:.2f} "
            f"| {f['other_cpu_share']:.0%} | {f['cpu_ceiling_req_per_s']:,.0f} | {ratios} "
            f"| {verdict} |")


def print_report(report: dict) -> None:
    a, seeded = report["args"], report["seeding"]
    print(f"\n## Submission under load: {a['petitions']:,} petitions, "
          f"{report['database']}, gunicorn {a['workers']} sync workers\n")
    print(f"- machine: {report['cpus']} cores, shared by gunicorn, the load generator "
          f"({a['client_procs']} processes), the database server and any other work on the "
          "machine. CPU ms/req: per request answered in the run, warm-up included; search "
          "follower: the process applying the search log to the index (at a lower priority, "
          "so under load it falls behind and catches up after; see below); database: "
          "PostgreSQL's backends (SQLite works inside gunicorn's workers); other work: the "
          "rest of the machine's busy time, as a share of all cores. CPU ceiling: req/s if "
          "all cores did nothing but this (cores ÷ gunicorn + follower + database + load "
          "generator CPU per request), whatever the other work")
    print(f"- each figure: median of {a['rounds']} rounds of {a['duration']:g} s after "
          f"{a['warmup']:g} s warm-up (req/s range in brackets); closed loop, one connection "
          "per request (sync workers close after each answer)")
    if seeded and "load_s" in seeded:
        print(f"- seeding: bulk load {a['petitions'] / seeded['load_s']:,.0f} petitions/s, "
              f"index rebuild {seeded['index_s']:.0f} s")
    print("- target: submission ≥ 300 req/s and p95 < 50 ms, no errors\n")
    print("| endpoint | concurrency | req/s | p50 ms | p95 ms | p99 ms | errors "
          "| CPU ms/req: gunicorn | search follower | database | load gen. | other work "
          "| CPU ceiling req/s | hello req/s ÷ req/s | p95 ÷ hello p95 | gunicorn CPU ÷ hello "
          "| target |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for f in report["rows"]:
        print(_row_line(f))
    c = report["check"]
    print(f"\n- petitions afterwards: {c['petitions']:,} = {a['petitions']:,} seeded + "
          f"{c['created_201']:,} answered 201 → {'exact' if c['petitions'] == c['expected'] else 'MISMATCH'}"
          f" ({c['sent_by_api']:,} with channel API)")
    lag = report["index_lag"]
    print(f"- search index: {lag['pending_at_stop']:,} log rows not yet applied when the last "
          f"load stopped; the follower caught up {lag['caught_up_s']:.1f} s later, using "
          f"{lag['follower_cpu_ms_per_row']:.2f} ms of CPU per row over the whole bench "
          f"({lag['rows']:,} rows); {c['log_applied_by_check']} left for the check; index holds "
          f"{c['index_petition_documents']:,} petition documents "
          f"({'= petitions' if c['index_petition_documents'] == c['petitions'] else 'MISMATCH'})")
    print("- gunicorn workers' peak resident memory (VmHWM): "
          + ", ".join(f"{mb:.0f} MB" for mb in report["peak_rss_mb"].values()))
    if report["workers_replaced"]:
        print("- WARNING: a worker was replaced during a run (crash or timeout)")
