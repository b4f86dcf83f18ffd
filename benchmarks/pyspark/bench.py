#!/usr/bin/env python3
"""Runs the JMH server benchmarks' workloads with PySpark Connect and writes the results as JMH's JSON does."""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import math
import platform
import re
import resource
import socket
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

SCRIPT_DIR = Path(__file__).resolve().parent
DEFAULT_WORKLOADS = SCRIPT_DIR.parent / "src/main/resources/io/sparkconnect/benchmarks/workloads.properties"
DEFAULT_PORT = 15002
DEFAULT_ROWS = (1_000_000, 10_000_000)
DEFAULT_THREADS = (1, 4, 16)
SHORT_ROWS = (10_000,)
SHORT_THREADS = (1, 4)
PERCENTILES = (0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0)
CONFIDENCE = 0.999
SHAPES = ("narrow", "wide")
LARGE_METHODS = ("collect", "iterator", "arrowBatches", "toPandas")
PREFIX = "\u00b7"
START_SERVER_HINT = "start one, e.g. `spark-connect server --spark 4.1`, and pass its address as --remote sc://HOST:PORT"


class BenchmarkError(Exception):
    """A failure reported as one line, without a traceback."""


@dataclass(frozen=True)
class Timing:
    """How a time-based benchmark warms up and measures: per-thread warmup ops, warmup time, measured iterations."""

    warmup_ops: int
    warmup_seconds: float
    iterations: int
    iteration_seconds: float

    def jmh_fields(self) -> dict[str, Any]:
        """The warmup and measurement fields of a JMH result."""
        return {"warmupIterations": 1, "warmupTime": f"{self.warmup_seconds:g} s", "warmupBatchSize": 1,
                "measurementIterations": self.iterations, "measurementTime": f"{self.iteration_seconds:g} s",
                "measurementBatchSize": 1}


@dataclass(frozen=True)
class Shots:
    """How many single-shot operations warm up and how many are measured."""

    warmup: int
    measured: int

    def jmh_fields(self) -> dict[str, Any]:
        """The warmup and measurement fields of a JMH result."""
        return {"warmupIterations": self.warmup, "warmupTime": "single-shot", "warmupBatchSize": 1,
                "measurementIterations": self.measured, "measurementTime": "single-shot",
                "measurementBatchSize": 1}


FULL_TIMING = Timing(warmup_ops=1, warmup_seconds=3.0, iterations=5, iteration_seconds=2.0)
SHORT_TIMING = Timing(warmup_ops=1, warmup_seconds=0.0, iterations=2, iteration_seconds=0.5)
FULL_SHOTS = Shots(warmup=2, measured=5)
SHORT_SHOTS = Shots(warmup=1, measured=2)


@dataclass(frozen=True)
class Case:
    """One benchmark at one thread count and parameter set, named as every client names it."""

    benchmark: str
    threads: int = 1
    params: tuple[tuple[str, str], ...] = ()


@dataclass
class Measured:
    """What a benchmark measured: values in the primary unit per iteration, client CPU per op, peak RSS."""

    iterations: list[list[float]]
    cpu_ms_per_op: float
    rss_peak_mib: float | None = None


@dataclass(frozen=True)
class Environment:
    """The client's versions, as the JMH result's VM fields carry them."""

    python: str
    implementation: str
    client: str


_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
_BLANKS = " \t\f"


def parse_properties(text: str) -> dict[str, str]:
    """Parses Java properties text: `#`/`!` comments, continuation lines, `=`/`:`/blank separators, escapes."""
    properties = {}
    for line in _logical_lines(text):
        key, value = _split_property(line)
        properties[key] = value
    return properties


def _logical_lines(text: str) -> Iterator[str]:
    """The natural lines of `text` joined across backslash continuations, without comments and blank lines."""
    parts: list[str] = []
    for raw in text.splitlines():
        line = raw.lstrip(_BLANKS)
        if not parts and (not line or line[0] in "#!"):
            continue
        backslashes = len(line) - len(line.rstrip("\\"))
        if backslashes % 2:
            parts.append(line[:-1])
            continue
        parts.append(line)
        yield "".join(parts)
        parts = []
    if parts:
        yield "".join(parts)


def _split_property(line: str) -> tuple[str, str]:
    """The unescaped key and value of one logical line."""
    end = 0
    while end < len(line) and line[end] not in "=:" + _BLANKS:
        end += 2 if line[end] == "\\" else 1
    end = min(end, len(line))
    rest = line[end:].lstrip(_BLANKS)
    if rest[:1] in ("=", ":"):
        rest = rest[1:].lstrip(_BLANKS)
    return _unescape(line[:end]), _unescape(rest)


def _unescape(text: str) -> str:
    """`text` with Java properties escapes (`\\t`, `\\uXXXX`, `\\=` ...) resolved."""
    out = []
    i = 0
    while i < len(text):
        if text[i] != "\\" or i + 1 == len(text):
            out.append(text[i])
            i += 1
        elif text[i + 1] == "u":
            out.append(chr(int(text[i + 2:i + 6], 16)))
            i += 6
        else:
            out.append(_ESCAPES.get(text[i + 1], text[i + 1]))
            i += 2
    return "".join(out)


def load_workloads(path: Path) -> dict[str, str]:
    """The workload queries in the properties file at `path`."""
    try:
        return parse_properties(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise BenchmarkError(f"cannot read the workloads file {path}: {e.strerror}") from e


def workload(workloads: dict[str, str], name: str, rows: int | None = None) -> str:
    """The query named `name`, its `{rows}` replaced by `rows`."""
    if name not in workloads:
        raise BenchmarkError(f"no workload named {name} in the workloads file; it has {sorted(workloads)}")
    query = workloads[name]
    return query if rows is None else query.replace("{rows}", str(rows))


def percentile(values: list[float], rank: float) -> float:
    """The percentile `rank` (0-100) of `values` as JMH computes it (Commons Math's legacy estimate)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    if rank == 0:
        return ordered[0]
    position = rank * (len(ordered) + 1) / 100
    if position < 1:
        return ordered[0]
    if position >= len(ordered):
        return ordered[-1]
    lower = ordered[int(position) - 1]
    upper = ordered[int(position)]
    return lower + (position - math.floor(position)) * (upper - lower)


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the regularized incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularized incomplete beta function."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_quantile(probability: float, df: int) -> float:
    """The quantile at `probability` (> 0.5) of Student's t distribution with `df` degrees of freedom."""
    if df > 1000:
        z = statistics.NormalDist().inv_cdf(probability)
        return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2)
    tail = 1.0 - probability

    def upper_tail(t: float) -> float:
        return 0.5 * _regularized_beta(df / 2, 0.5, df / (df + t * t))

    low, high = 0.0, 1.0
    while upper_tail(high) > tail:
        low, high = high, high * 2
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if upper_tail(middle) > tail else (low, middle)
    return (low + high) / 2


def mean_error(values: list[float]) -> float:
    """Half the width of the 99.9% confidence interval of the mean of `values`; 0.0 below two values."""
    if len(values) < 2:
        return 0.0
    t = t_quantile(1 - (1 - CONFIDENCE) / 2, len(values) - 1)
    return t * statistics.stdev(values) / math.sqrt(len(values))


def single_value_metric(value: float, unit: str) -> dict[str, Any]:
    """A secondary metric of one value, shaped as JMH writes one."""
    return {"score": value, "scoreError": 0.0, "scoreConfidence": [value, value],
            "scorePercentiles": {f"{p:.1f}": value for p in PERCENTILES}, "scoreUnit": unit, "rawData": [[value]]}


def _histogram(values: list[float]) -> list[list[float]]:
    """`values` as JMH's sample-mode raw data: [value, count] pairs in ascending order."""
    return [[value, count] for value, count in sorted(collections.Counter(values).items())]


def primary_metric(mode: str, unit: str, iterations: list[list[float]]) -> dict[str, Any]:
    """The primary metric over all measured values; sample mode keeps a histogram per iteration, as JMH does."""
    values = [value for iteration in iterations for value in iteration]
    score = statistics.fmean(values) if values else math.nan
    error = mean_error(values)
    metric = {"score": score, "scoreError": error, "scoreConfidence": [score - error, score + error],
              "scorePercentiles": {f"{p:.1f}": percentile(values, p) for p in PERCENTILES}, "scoreUnit": unit}
    if mode == "sample":
        metric["rawDataHistogram"] = [[_histogram(iteration) for iteration in iterations]]
    else:
        metric["rawData"] = [values]
    return metric


def jmh_result(case: Case, mode: str, unit: str, measured: Measured, run_fields: dict[str, Any],
               environment: Environment) -> dict[str, Any]:
    """One element of JMH's JSON result list."""
    result: dict[str, Any] = {
        "benchmark": f"pyspark.{case.benchmark}", "mode": mode, "threads": case.threads, "forks": 1,
        "jvm": f"python {environment.python}", "jvmArgs": [], "jdkVersion": environment.python,
        "vmName": environment.implementation, "vmVersion": f"pyspark-client {environment.client}", **run_fields}
    if case.params:
        result["params"] = dict(case.params)
    result["primaryMetric"] = primary_metric(mode, unit, measured.iterations)
    secondary = {f"{PREFIX}cpu.per.op": single_value_metric(measured.cpu_ms_per_op, "ms/op")}
    if measured.rss_peak_mib is not None:
        secondary[f"{PREFIX}rss.peak"] = single_value_metric(measured.rss_peak_mib, "MiB")
    result["secondaryMetrics"] = secondary
    return result


def jmh_numbers(value: Any) -> Any:
    """`value` with every non-finite float written as JMH writes it ("NaN", "+INF", "-INF")."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("+INF" if value > 0 else "-INF")
    if isinstance(value, dict):
        return {key: jmh_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jmh_numbers(item) for item in value]
    return value


def to_json(results: list[dict[str, Any]]) -> str:
    """The results as JMH's `-rf json` file holds them."""
    return json.dumps(jmh_numbers(results), indent=4, ensure_ascii=False, allow_nan=False) + "\n"


def summary_line(result: dict[str, Any]) -> str:
    """One human line about a result."""
    name = result["benchmark"].removeprefix("pyspark.")
    labels = [f"{key}={value}" for key, value in result.get("params", {}).items()]
    labels.append(f"{result['threads']} thread{'s' if result['threads'] > 1 else ''}")
    primary = result["primaryMetric"]
    text = f"{name} ({', '.join(labels)}): {primary['score']:.3f} +/- {primary['scoreError']:.3f} " \
           f"{primary['scoreUnit']} [{result['mode']}]"
    if result["mode"] == "sample":
        p = primary["scorePercentiles"]
        text += f", p50 {p['50.0']:.3f}, p99 {p['99.0']:.3f}, p99.9 {p['99.9']:.3f} ms"
    secondary = result["secondaryMetrics"]
    text += f", client CPU {secondary[PREFIX + 'cpu.per.op']['score']:.3f} ms/op"
    if PREFIX + "rss.peak" in secondary:
        text += f", peak RSS {secondary[PREFIX + 'rss.peak']['score']:.0f} MiB"
    return text


class _Phases:
    """What worker threads share: the measured iteration now running (-1 before, -2 after), latencies, failures."""

    def __init__(self, iterations: int, workers: int):
        self.current = -1
        self.latencies: list[list[float]] = [[] for _ in range(iterations)]
        self.done = threading.Event()
        self.ready = threading.Barrier(workers + 1)
        self.failures: list[BaseException] = []

    def fail(self, error: BaseException) -> None:
        """Records a worker's failure and stops the run."""
        self.failures.append(error)
        self.done.set()
        self.ready.abort()


def _work(op: Callable[[], object], warmup_ops: int, phases: _Phases) -> None:
    """A worker: warmup ops, then ops until done, each op's latency (ms) filed under the iteration it ends in."""
    try:
        for _ in range(warmup_ops):
            op()
        phases.ready.wait()
        while not phases.done.is_set():
            start = time.perf_counter_ns()
            op()
            elapsed_ms = (time.perf_counter_ns() - start) / 1e6
            current = phases.current
            if current >= 0:
                phases.latencies[current].append(elapsed_ms)
    except threading.BrokenBarrierError:
        pass
    except BaseException as e:  # noqa: BLE001 - the measuring thread re-raises it
        phases.fail(e)


def run_timed(ops: list[Callable[[], object]], timing: Timing) -> tuple[list[list[float]], list[float], float]:
    """Runs each op in its own thread for the timing's iterations; returns latencies and seconds per iteration
    and the client CPU seconds of the measured iterations."""
    phases = _Phases(timing.iterations, len(ops))
    workers = [threading.Thread(target=_work, args=(op, timing.warmup_ops, phases), daemon=True) for op in ops]
    for worker in workers:
        worker.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        phases.ready.wait()
    phases.done.wait(timing.warmup_seconds)
    seconds = []
    cpu_start = time.process_time()
    for index in range(timing.iterations):
        if phases.done.is_set():
            break
        start = time.perf_counter()
        phases.current = index
        phases.done.wait(timing.iteration_seconds)
        while not phases.latencies[index] and not phases.done.is_set():
            phases.done.wait(0.005)
        phases.current = index + 1 if index + 1 < timing.iterations else -2
        seconds.append(time.perf_counter() - start)
    cpu_seconds = time.process_time() - cpu_start
    phases.done.set()
    for worker in workers:
        worker.join()
    if phases.failures:
        raise phases.failures[0]
    return phases.latencies, seconds, cpu_seconds


def run_single_shot(op: Callable[[], object], shots: Shots) -> tuple[list[float], float]:
    """Runs `op` for warmup, then measures each of the measured ops; returns their times (ms) and CPU ms per op."""
    for _ in range(shots.warmup):
        op()
    times = []
    cpu_start = time.process_time()
    for _ in range(shots.measured):
        start = time.perf_counter_ns()
        op()
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times, (time.process_time() - cpu_start) * 1000 / shots.measured


def reset_peak_rss() -> None:
    """Resets the process's peak RSS where Linux allows it, so the next reading covers one benchmark only."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_rss_mib() -> float:
    """The process's peak resident set size in MiB: VmHWM on Linux, else getrusage's ru_maxrss."""
    with contextlib.suppress(OSError):
        found = re.search(r"^VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE)
        if found:
            return int(found.group(1)) / 1024
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return max_rss / (1024 * 1024) if sys.platform == "darwin" else max_rss / 1024


def server_address(remote: str) -> tuple[str, int]:
    """The host and port of a Spark Connect URL such as `sc://localhost:15002/;token=...`."""
    parsed = urlparse(remote)
    if parsed.scheme != "sc" or not parsed.hostname:
        raise BenchmarkError(f"--remote {remote} is not a Spark Connect URL like sc://localhost:15002")
    return parsed.hostname, parsed.port or DEFAULT_PORT


def check_reachable(remote: str) -> None:
    """Fails at once, naming the address, when nothing listens there (PySpark would retry for minutes)."""
    host, port = server_address(remote)
    try:
        with socket.create_connection((host, port), timeout=5):
            pass
    except OSError as e:
        reason = e.strerror or str(e) or type(e).__name__
        raise BenchmarkError(f"cannot reach a Spark Connect server at {remote} ({host}:{port}: {reason}); "
                             f"{START_SERVER_HINT}") from e


def client_environment() -> Environment:
    """The Python and PySpark Connect client versions; fails clearly when PySpark is not installed."""
    try:
        from importlib import metadata
        import pyspark
    except ImportError as e:
        raise BenchmarkError(f"PySpark Connect is not installed for {sys.executable} ({e}); create the environment "
                             f"with benchmarks/pyspark/setup-venv.sh and run benchmarks/pyspark/.venv/bin/python") from e
    try:
        version = metadata.version("pyspark-client")
    except metadata.PackageNotFoundError:
        version = pyspark.__version__
    return Environment(platform.python_version(), platform.python_implementation(), version)


def connect(remote: str) -> Any:
    """A new Spark Connect session of its own (`SparkSession.builder.remote(url).create()`)."""
    from pyspark.sql import SparkSession
    return SparkSession.builder.remote(remote).create()


def session_id(session: Any) -> str:
    """The server-side id of a Spark Connect session."""
    return getattr(session, "session_id", None) or session._session_id


@contextlib.contextmanager
def open_sessions(remote: str, count: int) -> Iterator[list[Any]]:
    """`count` distinct sessions, stopped afterwards."""
    sessions: list[Any] = []
    try:
        for _ in range(count):
            sessions.append(connect(remote))
        distinct = len({session_id(session) for session in sessions})
        if distinct != count:
            raise BenchmarkError(f"SparkSession.builder.create() gave {count} sessions but {distinct} session ids")
        yield sessions
    finally:
        for session in sessions:
            with contextlib.suppress(Exception):
                session.stop()


def select_one(session: Any, query: str) -> Callable[[], object]:
    """An op running `SELECT 1` and checking its one row."""
    def op() -> object:
        rows = session.sql(query).collect()
        if len(rows) != 1 or rows[0][0] != 1:
            raise BenchmarkError(f"SELECT 1 returned {rows}")
        return rows[0][0]
    return op


def small_aggregation(session: Any, query: str) -> Callable[[], object]:
    """An op running the small aggregation and checking its ten groups."""
    def op() -> object:
        groups = session.sql(query).collect()
        if len(groups) != 10:
            raise BenchmarkError(f"small-aggregation returned {len(groups)} groups, expected 10")
        return groups[0][1]
    return op


def _count_collect(df: Any) -> int:
    """Rows of `df` by `collect()`."""
    return len(df.collect())


def _count_iterator(df: Any) -> int:
    """Rows of `df` by `toLocalIterator()`, reading each row's first field."""
    count = total = 0
    for row in df.toLocalIterator():
        total += row[0]
        count += 1
    return count


def _count_arrow(df: Any) -> int:
    """Rows of `df` by `toArrow()`, reading the last value of each batch."""
    table = df.toArrow()
    for chunk in table.column(0).chunks:
        if len(chunk):
            chunk[len(chunk) - 1].as_py()
    return table.num_rows


def _count_pandas(df: Any) -> int:
    """Rows of `df` by `toPandas()`."""
    return len(df.toPandas())


LARGE_READERS = {"collect": _count_collect, "iterator": _count_iterator, "arrowBatches": _count_arrow,
                 "toPandas": _count_pandas}


def large_result(session: Any, method: str, shape: str, query: str, rows: int) -> Callable[[], object]:
    """An op reading the whole result of `query` by `method` and checking its row count."""
    read = LARGE_READERS[method]

    def op() -> object:
        count = read(session.sql(query))
        if count != rows:
            raise BenchmarkError(f"{shape} returned {count} rows, expected {rows}")
        return count
    return op


SAMPLE_BENCHMARKS = {"QueryBenchmark.selectOne": ("select-one", select_one),
                     "QueryBenchmark.smallAggregation": ("small-aggregation", small_aggregation)}
THROUGHPUT_BENCHMARKS = {"QueryBenchmark.selectOneSharedSession": False, "QueryBenchmark.selectOneOwnSession": True}


def all_cases(rows: list[int], threads: list[int]) -> list[Case]:
    """Every benchmark at every thread count and parameter set, in the order the JMH run takes them."""
    cases = [Case(name) for name in SAMPLE_BENCHMARKS]
    cases += [Case(name, count) for name in THROUGHPUT_BENCHMARKS for count in threads]
    cases += [Case(f"LargeResultBenchmark.{method}", 1, (("shape", shape), ("rows", str(count))))
              for method in LARGE_METHODS for shape in SHAPES for count in rows]
    return cases


def select_cases(cases: list[Case], include: str | None) -> list[Case]:
    """The cases whose benchmark name (`QueryBenchmark.selectOne`) the regular expression `include` finds."""
    if include is None:
        return cases
    try:
        pattern = re.compile(include)
    except re.error as e:
        raise BenchmarkError(f"--include {include} is not a regular expression: {e}") from e
    return [case for case in cases if pattern.search(case.benchmark)]


@dataclass(frozen=True)
class Settings:
    """What one run measures and how long."""

    remote: str
    workloads: dict[str, str]
    timing: Timing
    shots: Shots
    environment: Environment


def run_sample(case: Case, settings: Settings) -> dict[str, Any]:
    """A latency benchmark: one thread, one session, every op's time."""
    name, make_op = SAMPLE_BENCHMARKS[case.benchmark]
    query = workload(settings.workloads, name)
    with open_sessions(settings.remote, 1) as (session,):
        latencies, _, cpu_seconds = run_timed([make_op(session, query)], settings.timing)
    ops = sum(len(iteration) for iteration in latencies)
    measured = Measured(latencies, cpu_seconds * 1000 / ops if ops else math.nan)
    return jmh_result(case, "sample", "ms/op", measured, settings.timing.jmh_fields(), settings.environment)


def run_throughput(case: Case, settings: Settings) -> dict[str, Any]:
    """A throughput benchmark: `threads` threads on one shared session or each on its own."""
    own = THROUGHPUT_BENCHMARKS[case.benchmark]
    query = workload(settings.workloads, "select-one")
    with open_sessions(settings.remote, case.threads if own else 1) as sessions:
        ops = [select_one(sessions[index if own else 0], query) for index in range(case.threads)]
        latencies, seconds, cpu_seconds = run_timed(ops, settings.timing)
    counts = [len(iteration) for iteration in latencies]
    scores = [[count / elapsed] for count, elapsed in zip(counts, seconds)]
    measured = Measured(scores, cpu_seconds * 1000 / sum(counts) if sum(counts) else math.nan)
    return jmh_result(case, "thrpt", "ops/s", measured, settings.timing.jmh_fields(), settings.environment)


def run_large(case: Case, settings: Settings) -> dict[str, Any]:
    """A large-result benchmark: single shots reading the whole result, with client CPU and peak RSS."""
    method = case.benchmark.split(".")[1]
    params = dict(case.params)
    rows = int(params["rows"])
    query = workload(settings.workloads, params["shape"], rows)
    reset_peak_rss()
    with open_sessions(settings.remote, 1) as (session,):
        times, cpu_ms = run_single_shot(large_result(session, method, params["shape"], query, rows), settings.shots)
    measured = Measured([[value] for value in times], cpu_ms, peak_rss_mib())
    return jmh_result(case, "ss", "ms/op", measured, settings.shots.jmh_fields(), settings.environment)


def run_case(case: Case, settings: Settings) -> dict[str, Any]:
    """Runs one case by its kind."""
    if case.benchmark in SAMPLE_BENCHMARKS:
        return run_sample(case, settings)
    if case.benchmark in THROUGHPUT_BENCHMARKS:
        return run_throughput(case, settings)
    return run_large(case, settings)


def _int_list(text: str) -> list[int]:
    try:
        values = [int(item) for item in text.split(",") if item.strip()]
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of integers") from e
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} needs one or more positive integers")
    return values


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line, with --rows and --threads defaulting by mode."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--remote", help="Spark Connect server, e.g. sc://localhost:15002 (required for runs)")
    parser.add_argument("--workloads", type=Path, default=DEFAULT_WORKLOADS,
                        help="properties file of the queries (default: the JMH benchmarks' workloads.properties)")
    parser.add_argument("--out", type=Path, default=Path("pyspark-results.json"),
                        help="JMH-shaped JSON result file (default: pyspark-results.json)")
    parser.add_argument("--include", help="regular expression searched in names like QueryBenchmark.selectOne")
    parser.add_argument("--short", action="store_true",
                        help="tiny run: 10000 rows, threads 1 and 4, 1 warmup op and about 1 s or 2 ops measured")
    parser.add_argument("--rows", type=_int_list,
                        help="row counts of the large results (default 1000000,10000000; short: 10000)")
    parser.add_argument("--threads", type=_int_list, help="thread counts of the throughput benchmarks "
                        "(default 1,4,16; short: 1,4)")
    parser.add_argument("--self-test", action="store_true", help="check the script's own functions; no server")
    args = parser.parse_args(argv)
    if args.rows is None:
        args.rows = list(SHORT_ROWS if args.short else DEFAULT_ROWS)
    if args.threads is None:
        args.threads = list(SHORT_THREADS if args.short else DEFAULT_THREADS)
    if not args.self_test and not args.remote:
        parser.error("--remote sc://HOST:PORT is required (or --self-test)")
    return args


def run(args: argparse.Namespace) -> int:
    """Runs the selected benchmarks and writes their results."""
    cases = select_cases(all_cases(args.rows, args.threads), args.include)
    if not cases:
        raise BenchmarkError(f"no benchmark matches --include {args.include}")
    workloads = load_workloads(args.workloads)
    check_reachable(args.remote)
    environment = client_environment()
    settings = Settings(args.remote, workloads, SHORT_TIMING if args.short else FULL_TIMING,
                        SHORT_SHOTS if args.short else FULL_SHOTS, environment)
    print(f"PySpark Connect (pyspark-client {environment.client}, Python {environment.python}) against "
          f"{args.remote}: {len(cases)} benchmark(s)", flush=True)
    results = []
    for case in cases:
        result = run_case(case, settings)
        print(summary_line(result), flush=True)
        results.append(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_json(results), encoding="utf-8")
    print(f"Wrote {len(results)} result(s) to {args.out}", flush=True)
    return 0


class _Checks:
    """Counts the self-test's checks and files the failed ones."""

    def __init__(self) -> None:
        self.count = 0
        self.failures: list[str] = []

    def expect(self, name: str, actual: Any, expected: Any, tolerance: float = 0.0) -> None:
        """Files a failure under `name` when `actual` differs from `expected` (relatively, for floats)."""
        self.count += 1
        if isinstance(expected, float) and isinstance(actual, float):
            same = math.isclose(actual, expected, rel_tol=tolerance, abs_tol=tolerance)
        else:
            same = actual == expected
        if not same:
            self.failures.append(f"{name}: expected {expected!r}, got {actual!r}")

    def expect_raises(self, name: str, error: type[BaseException], call: Callable[[], object]) -> None:
        """Files a failure under `name` unless `call` raises `error`."""
        self.count += 1
        try:
            call()
        except error:
            return
        self.failures.append(f"{name}: did not raise {error.__name__}")


def _test_properties(checks: _Checks) -> None:
    text = ("# comment\n! another\n\nselect-one=SELECT 1\n  spaced : SELECT 2\nnarrow=SELECT id FROM range(0, "
            "{rows}, 1, 4)\nlong=SELECT a, \\\n     b FROM t\nescaped\\=key=tab\\there \\u0041\nblank key\nempty=\n")
    parsed = parse_properties(text)
    checks.expect("properties", parsed, {
        "select-one": "SELECT 1", "spaced": "SELECT 2", "narrow": "SELECT id FROM range(0, {rows}, 1, 4)",
        "long": "SELECT a, b FROM t", "escaped=key": "tab\there A", "blank": "key", "empty": ""})
    checks.expect("rows substitution", workload(parsed, "narrow", 10), "SELECT id FROM range(0, 10, 1, 4)")
    checks.expect_raises("missing workload", BenchmarkError, lambda: workload(parsed, "missing"))
    if DEFAULT_WORKLOADS.is_file():
        real = load_workloads(DEFAULT_WORKLOADS)
        checks.expect("workloads.properties names", sorted({"select-one", "small-aggregation", *SHAPES} - set(real)),
                      [])
        checks.expect("wide has {rows}", "{rows}" in real.get("wide", ""), True)


def _test_statistics(checks: _Checks) -> None:
    values = [float(v) for v in range(10, 0, -1)]
    for rank, expected in ((0.0, 1.0), (50.0, 5.5), (90.0, 9.9), (95.0, 10.0), (99.9, 10.0), (100.0, 10.0)):
        checks.expect(f"percentile {rank}", percentile(values, rank), expected, 1e-12)
    checks.expect("percentile of one", percentile([3.0], 50.0), 3.0)
    checks.expect("percentile of none", math.isnan(percentile([], 50.0)), True)
    for df, expected in ((1, 636.6192), (4, 8.6103), (9, 4.7809), (30, 3.6460), (1000, 3.3003), (5000, 3.2925),
                         (1_000_000, 3.2905)):
        checks.expect(f"t quantile df={df}", t_quantile(0.9995, df), expected, 1e-4)
    checks.expect("error of none", mean_error([]), 0.0)
    checks.expect("error of one", mean_error([5.0]), 0.0)
    checks.expect("error of 1..5", mean_error([1.0, 2.0, 3.0, 4.0, 5.0]),
                  8.6103 * statistics.stdev([1, 2, 3, 4, 5]) / math.sqrt(5), 1e-4)


def _test_results(checks: _Checks) -> None:
    environment = Environment("3.11.7", "CPython", "4.1.1")
    sample = jmh_result(Case("QueryBenchmark.selectOne"), "sample", "ms/op",
                        Measured([[1.0, 2.0, 2.0], [3.0]], 0.25), FULL_TIMING.jmh_fields(), environment)
    primary = sample["primaryMetric"]
    checks.expect("sample name", sample["benchmark"], "pyspark.QueryBenchmark.selectOne")
    checks.expect("sample has no params", "params" in sample, False)
    checks.expect("sample score", primary["score"], 2.0)
    checks.expect("percentile keys", list(primary["scorePercentiles"]),
                  ["0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "100.0"])
    checks.expect("histogram", primary["rawDataHistogram"], [[[[1.0, 1], [2.0, 2]], [[3.0, 1]]]])
    checks.expect("vm fields", (sample["jvm"], sample["vmVersion"]), ("python 3.11.7", "pyspark-client 4.1.1"))
    checks.expect("cpu metric", sample["secondaryMetrics"][PREFIX + "cpu.per.op"]["scoreUnit"], "ms/op")
    large = jmh_result(Case("LargeResultBenchmark.collect", 1, (("shape", "wide"), ("rows", "10000"))), "ss",
                       "ms/op", Measured([[10.0]], math.nan, 123.0), SHORT_SHOTS.jmh_fields(), environment)
    checks.expect("params", large["params"], {"shape": "wide", "rows": "10000"})
    checks.expect("single-sample error", large["primaryMetric"]["scoreError"], 0.0)
    checks.expect("raw data", large["primaryMetric"]["rawData"], [[10.0]])
    checks.expect("rss metric", large["secondaryMetrics"][PREFIX + "rss.peak"]["score"], 123.0)
    written = json.loads(to_json([sample, large]))
    checks.expect("NaN as JMH writes it", written[1]["secondaryMetrics"][PREFIX + "cpu.per.op"]["score"], "NaN")
    checks.expect("summary line", summary_line(sample).split(" +/-")[0], "QueryBenchmark.selectOne (1 thread): 2.000")


def _test_selection(checks: _Checks) -> None:
    args = parse_args(["--self-test", "--short"])
    checks.expect("short defaults", (args.rows, args.threads), ([10_000], [1, 4]))
    args = parse_args(["--self-test", "--short", "--rows", "100000", "--threads", "4"])
    checks.expect("explicit rows and threads", (args.rows, args.threads), ([100_000], [4]))
    cases = all_cases([10], [1, 4])
    checks.expect("case count", len(cases), 2 + 2 * 2 + 4 * 2)
    checks.expect("include as PySparkClient passes it",
                  [c.benchmark for c in select_cases(cases, r"QueryBenchmark\.selectOne$")],
                  ["QueryBenchmark.selectOne"])
    checks.expect("include large", len(select_cases(cases, r"LargeResultBenchmark\.toPandas$")), 2)
    checks.expect("remote address", server_address("sc://example:1234/;token=x"), ("example", 1234))
    checks.expect("default port", server_address("sc://localhost"), ("localhost", DEFAULT_PORT))
    checks.expect_raises("not a Spark Connect URL", BenchmarkError, lambda: server_address("http://localhost:80"))


def _test_measuring(checks: _Checks) -> None:
    timing = Timing(warmup_ops=1, warmup_seconds=0.0, iterations=2, iteration_seconds=0.05)
    latencies, seconds, cpu = run_timed([lambda: time.sleep(0.002)] * 2, timing)
    checks.expect("timed iterations", (len(latencies), len(seconds)), (2, 2))
    checks.expect("ops in every iteration", all(latencies), True)
    checks.expect("iteration time", all(0.04 < s < 1.0 for s in seconds) and cpu >= 0, True)

    def failing() -> None:
        raise BenchmarkError("boom")
    checks.expect_raises("failing op", BenchmarkError, lambda: run_timed([failing, lambda: time.sleep(0.001)], timing))
    times, _ = run_single_shot(lambda: None, Shots(1, 3))
    checks.expect("single shots", len(times), 3)
    checks.expect("peak RSS", peak_rss_mib() > 1.0, True)


def self_test() -> int:
    """Runs the pure functions on built-in examples; 0 when all pass."""
    checks = _Checks()
    for test in (_test_properties, _test_statistics, _test_results, _test_selection, _test_measuring):
        test(checks)
    for failure in checks.failures:
        print(f"FAILED {failure}")
    print(f"self-test: {checks.count - len(checks.failures)} passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point: the self-test or a run; one-line errors exit 1."""
    args = parse_args(argv)
    if args.self_test:
        return self_test()
    try:
        return run(args)
    except BenchmarkError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
