"""The Python module against the CLI: for each function, the DataFrame equals what
`entente ... --format csv` prints for the same arguments, on the embedded chronicle and on a store
built from the public samples in ../shared/data (skipped without them); errors raise the
documented exceptions with the CLI's message."""

import datetime
import io
import json
import os
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
import pytest

import entente

BIN = os.environ.get("ENTENTE_BINARY", "build/entente")
SHARED = os.environ.get("ENTENTE_SHARED_DATA", "../shared/data")
SAMPLES = [
    "gdelt2/spark-gdelt/events.csv",
    "gdelt2/geomesa-tutorials/20180101000000.export.CSV",
    "gdelt1/gdelt-demo/events.csv",
    "icews/andybega-icews/events.2018.sample.tab",
    "gdelt1/gdelt_project-brian8128/20151207.export.CSV.small",
]


def cli(store, *args, fmt="csv"):
    r = subprocess.run([BIN, "--store", store, "--format", fmt, "-q", *args],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def assert_same(df, csv_text, periods=(), dates=(), by="year"):
    """`df` equals the csv read back, column by column, with dtypes: numbers as read_csv infers
    them (int64, float64 with NaN), text as text (None where the csv is empty)."""
    text = pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False, na_values=[""])
    inferred = pd.read_csv(io.StringIO(csv_text))
    assert list(df.columns) == list(text.columns)
    assert len(df) == len(text)
    if len(df) == 0:  # a header alone has no types to compare (events() keeps its own)
        return
    for c in df.columns:
        got, want = df[c], text[c]
        if c in periods:
            want = entente._periods(want, by)
            assert got.astype(str).tolist() == want.astype(str).tolist(), c
        elif c in dates:
            assert (got.reset_index(drop=True) == pd.to_datetime(want)).all(), c
        elif pd.api.types.is_numeric_dtype(got.dtype) and not isinstance(
                got.dtype, pd.CategoricalDtype):
            # The csv cannot tell 2.0 from 2: a real column whose values are all whole reads
            # back as int64, while entente keeps it float64.
            assert got.dtype == inferred[c].dtype or (
                got.dtype == np.float64 and inferred[c].dtype == np.int64), (
                c, got.dtype, inferred[c].dtype)
            np.testing.assert_allclose(got.astype(float), pd.to_numeric(want).astype(float),
                                       rtol=1e-6, atol=1e-6, equal_nan=True, err_msg=c)
        else:
            norm = [None if (isinstance(v, float) and np.isnan(v)) or v is None else str(v)
                    for v in got.astype(object)]
            assert norm == [None if isinstance(v, float) else v for v in want], c


@pytest.fixture(scope="module")
def chronicle():
    """A store with no events: every read uses the embedded chronicle."""
    with tempfile.TemporaryDirectory() as d:
        yield os.path.join(d, "empty-store")


@pytest.fixture(scope="module")
def samples():
    paths = [os.path.join(SHARED, p) for p in SAMPLES]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        pytest.skip(f"shared samples absent ({missing[0]}); set ENTENTE_SHARED_DATA")
    with tempfile.TemporaryDirectory() as d:
        store = os.path.join(d, "s")
        counts = entente.open(store, quiet=True).ingest(paths)
        assert counts["stored"] > 10000
        yield store


# (store fixture, dyad) pairs with events in both.
CASES = [("chronicle", ("PAK", "RUS"), ("IND", "RUS")), ("samples", ("USA", "PRK"), ("USA", "RUS"))]


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def case(request):
    name, dyad, other = request.param
    return request.getfixturevalue(name), dyad, other


def test_events(case):
    store, (a, b), _ = case
    s = entente.open(store, quiet=True)
    assert_same(s.events(), cli(store, "events"), dates=["date"])
    df = s.events(dyad=f"{a},{b}", from_="1960", code="0", limit=50)
    assert_same(df, cli(store, "events", "--dyad", f"{a},{b}", "--from", "1960", "--code", "0",
                        "--limit", "50"), dates=["date"])
    assert isinstance(df["source"].dtype, pd.CategoricalDtype)
    assert df["date"].dtype == "datetime64[ns]"


@pytest.mark.parametrize("kwargs,flags", [
    (dict(actor=["PAK", "USA"], quad=4), ["--actor", "PAK", "--actor", "USA", "--quad", "4"]),
    (dict(source="RUS", target="PAK", to="2001-06"), ["--source", "RUS", "--target", "PAK",
                                                      "--to", "2001-06"]),
    (dict(dyad="USA-PRK", directed=True, dataset="gdelt1"), ["--dyad", "USA-PRK", "--directed",
                                                             "--dataset", "gdelt1"]),
    (dict(limit=0), ["--limit", "0"]),
])
def test_events_filters(case, kwargs, flags):
    store, _, _ = case
    df = entente.open(store, quiet=True).events(**kwargs)
    assert_same(df, cli(store, "events", *flags), dates=["date"])


def test_events_releases_the_gil(samples):
    """Another thread runs while events() works (a count, not a time)."""
    import threading
    s = entente.open(samples, quiet=True)
    ticks, done = 0, threading.Event()
    worker = threading.Thread(target=lambda: (s.events(), s.events(), done.set()))
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0)
    worker.join()
    assert ticks > 1


@pytest.mark.parametrize("by", ["year", "quarter", "month"])
def test_dyad(case, by):
    store, (a, b), _ = case
    df = entente.open(store, quiet=True).dyad(a, b, by=by)
    assert_same(df, cli(store, "dyad", a, b, "--by", by), periods=["period"], by=by)
    assert isinstance(df["period"].dtype, pd.PeriodDtype)


def test_dyad_options(case):
    store, (a, b), _ = case
    df = entente.open(store, quiet=True).dyad(a, b, by="year", directed=True, weight="mentions",
                                              from_="1990", smooth=3, smooth_method="ewma")
    want = cli(store, "dyad", a, b, "--by", "year", "--directed", "--weight", "mentions",
               "--from", "1990", "--smooth", "3", "--smooth-method", "ewma")
    assert_same(df, want, periods=["period"])


def test_sectors(case):
    store, (a, b), _ = case
    assert_same(entente.open(store, quiet=True).sectors(a, b), cli(store, "sectors", a, b),
                periods=["period"])


def test_phases(case):
    store, (a, b), _ = case
    s = entente.open(store, quiet=True)
    assert_same(s.phases(a, b), cli(store, "phases", a, b), periods=["start", "end"])
    assert_same(s.phases(a, b, weaker_turns=True), cli(store, "phases", a, b, "--weaker-turns"),
                periods=["at"])
    assert_same(s.phases(a, b, tracks=True), cli(store, "phases", a, b, "--tracks"),
                periods=["at"])


def test_key_events(case):
    store, (a, b), _ = case
    df = entente.open(store, quiet=True).key_events(a, b, top=10)
    assert_same(df, cli(store, "key-events", a, b, "--top", "10"), dates=["date"])


def test_compare(case):
    store, (a, b), (c, d) = case
    r = entente.open(store, quiet=True).compare(f"{a},{b}", f"{c}-{d}", max_lag=2)
    series, pairs = cli(store, "compare", f"{a},{b}", f"{c}-{d}", "--max-lag", "2").split("\n\n")
    assert_same(r.series, series, periods=["period"])
    assert_same(r.pairs, pairs)
    only = entente.open(store, quiet=True).compare(f"{a},{b}", f"{c}-{d}", show="pairs",
                                                   metric="goldstein")
    assert only.series is None
    assert_same(only.pairs, cli(store, "compare", f"{a},{b}", f"{c}-{d}", "--show", "pairs",
                                "--metric", "goldstein"))


def test_scan(case, request):
    store, _, _ = case
    s = entente.open(store, quiet=True)
    args = dict(to="2018", min_events=3) if "samples" in request.node.name else dict(top=5)
    flags = ["--to", "2018", "--min-events", "3"] if args.get("to") else ["--top", "5"]
    assert_same(s.scan(**args), cli(store, "scan", *flags))


def test_info(samples):
    assert_same(entente.open(samples).info(), cli(samples, "info"))


def test_report(case, tmp_path):
    store, (a, b), _ = case
    s = entente.open(store, quiet=True)
    assert s.report(a, b) == json.loads(cli(store, "report", a, b, fmt="json"))
    path = s.report(a, b, path=tmp_path / "r.html", by="quarter")
    cli(store, "report", a, b, "--by", "quarter", "-o", str(tmp_path / "cli.html"), fmt="html")
    assert (tmp_path / "r.html").read_bytes() == (tmp_path / "cli.html").read_bytes()
    assert path == str(tmp_path / "r.html")


def test_code():
    lines = ["Russian Foreign Minister Sergey Lavrov visited Islamabad.",
             "2014-11-20\tRussia and Pakistan signed a defence cooperation agreement.",
             "Pakistan condemned India."]
    df = entente.code(lines, date="2012-10-04")
    r = subprocess.run([BIN, "code", "--lines", "--date", "2012-10-04", "--format", "csv", "-"],
                       input="\n".join(lines) + "\n", capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert_same(df, r.stdout, dates=["date"])
    assert len(df) >= 3
    one = entente.code("Russia and Pakistan signed a defence cooperation agreement.",
                       date="2014-11-20")
    assert (one["doc"] == 1).all() and len(one) >= 1


def test_code_articles_and_plover():
    articles = [{"id": "a1", "date": "2015-06-10",
                 "title": "Deal signed",
                 "text": "ISLAMABAD, June 9 (Reuters) - Pakistan and Russia signed a defence "
                         "cooperation agreement."},
                {"id": "a2", "date": datetime.date(2019, 3, 1),
                 "text": "India accused Pakistan of shelling its positions."}]
    df = entente.code(articles, scheme="both")
    assert list(df.columns) == ["doc", "sentence", "date", "source", "target", "code", "root",
                                "quad", "goldstein", "plover_event", "plover_mode",
                                "plover_context", "text"]
    assert set(df["doc"]) == {"a1", "a2"}
    a1 = df[df["doc"] == "a1"]
    assert (a1["date"] == pd.Timestamp("2015-06-09")).all()  # the dateline's day
    assert (a1["plover_event"] == "SUPPORT").all()
    assert list(df[df["doc"] == "a2"]["plover_event"]) == ["ACCUSE"]
    empty = entente.code("", scheme="plover")
    assert list(empty.columns) == ["doc", "sentence", "date", "source", "target",
                                   "plover_event", "plover_mode", "plover_context", "text"]


def test_ingest_counts_and_duplicates(tmp_path):
    path = os.path.join(SHARED, SAMPLES[4])
    if not os.path.exists(path):
        pytest.skip(f"shared samples absent ({path})")
    s = entente.open(tmp_path / "s", quiet=True)
    first = s.ingest(path)
    again = s.ingest([path])
    assert first["files"] == 1 and first["stored"] == first["rows"] > 0
    assert again["stored"] == 0 and again["duplicates"] == first["rows"]
    info = s.info().set_index("key")["value"]
    assert int(info["events"]) == first["stored"]


def test_open_default_is_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_STORE", str(tmp_path / "env-store"))
    assert entente.open().path == str(tmp_path / "env-store")
    (tmp_path / "file").write_text("x")
    with pytest.raises(entente.StoreError, match="not a directory"):
        entente.open(tmp_path / "file")


def test_locked_store(tmp_path):
    store = str(tmp_path / "s")
    writer = subprocess.Popen([BIN, "--store", store, "-q", "ingest", "-"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            if os.path.exists(os.path.join(store, "LOCK")) and os.path.getsize(
                    os.path.join(store, "LOCK")) > 0:
                break
            time.sleep(0.05)
        src = tmp_path / "one.jsonl"
        src.write_text('{"dataset":"t","id":"1","date":"2020-01-01","source":"PAK",'
                       '"target":"RUS","code":"040"}\n')
        with pytest.raises(entente.StoreLockedError, match=f"locked by pid {writer.pid}") as e:
            entente.open(store).ingest(str(src))
        assert e.value.exit_code == 4
        assert isinstance(e.value, entente.StoreError)
    finally:
        writer.stdin.close()
        writer.wait(timeout=60)


def test_bad_arguments(chronicle):
    s = entente.open(chronicle, quiet=True)
    with pytest.raises(ValueError, match="bad actor 'PA-K'") as e:
        s.dyad("PA-K", "RUS")
    assert isinstance(e.value, entente.UsageError) and e.value.exit_code == 2
    with pytest.raises(ValueError, match="bad actor"):
        s.events(actor="P K")
    with pytest.raises(ValueError, match="2016-13"):
        s.dyad("PAK", "RUS", from_="2016-13")
    with pytest.raises(ValueError, match="2016-13"):
        s.events(from_="2016-13")
    with pytest.raises(ValueError, match="--by"):
        s.dyad("PAK", "RUS", by="decade")
    with pytest.raises(ValueError):
        s.dyad("PAK", "RUS", no_such_option=1)
    with pytest.raises(entente.NotFoundError, match="no events between PAK and ZZZ"):
        s.dyad("PAK", "ZZZ")
    with pytest.raises(ValueError, match="--date"):
        entente.code(["Pakistan condemned India."], date="yesterday")


def test_events_ids_numbers_then_text(tmp_path):
    """Ids stay int64 while all are whole numbers; one that is not turns the column to text,
    the numbers before it unchanged ("007" keeps its zeros)."""
    rows = [("1", "PAK", "RUS"), ("20", "PAK", "RUS"), ("007", "PAK", "RUS"), ("x-9", "PAK", "RUS")]
    src = tmp_path / "ids.jsonl"
    src.write_text("".join(
        f'{{"dataset":"t","id":"{i}","date":"2020-01-0{n + 1}","source":"{a}","target":"{b}",'
        f'"code":"040"}}\n' for n, (i, a, b) in enumerate(rows)))
    store = str(tmp_path / "s")
    s = entente.open(store, quiet=True)
    s.ingest(str(src))
    df = s.events()
    assert df["id"].dtype == object and sorted(df["id"]) == ["007", "1", "20", "x-9"]
    assert_same(df, cli(store, "events"), dates=["date"])
    numeric = s.events(limit=2)
    assert numeric["id"].dtype == np.int64
    assert_same(numeric, cli(store, "events", "--limit", "2"), dates=["date"])


def test_events_of_a_large_scan_in_two_halves(tmp_path):
    """A scan of more than 200,000 rows is gathered in two halves on two threads and joined:
    the same frame as the CLI, in the CLI's order, with or without a filter."""
    src, store = str(tmp_path / "g.csv"), str(tmp_path / "s")
    subprocess.run([BIN, "generate", "--rows", "250000", "--seed", "3", "-o", src], check=True,
                   capture_output=True)
    s = entente.open(store, quiet=True)
    s.ingest(src)
    assert_same(s.events(), cli(store, "events"), dates=["date"])
    assert_same(s.events(from_="2016", quad=1), cli(store, "events", "--from", "2016", "--quad", "1"),
                dates=["date"])
