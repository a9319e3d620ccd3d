"""entente from Python: relations between states from CAMEO-coded event data, as pandas DataFrames.

    import entente
    store = entente.open()                  # $ENTENTE_STORE, else the default store
    store.dyad("PAK", "RUS", by="year")     # the same table as `entente dyad PAK RUS --format csv`

Every method mirrors an `entente` command: the same options as keyword arguments (``from_`` for
``--from``, ``min_sources`` for ``--min-sources``, ``True`` for a flag), the same columns as the
command's csv output, and the same checks and messages. Dates become ``datetime64`` columns and
periods ``pandas.Period`` columns; a value the csv leaves empty is NaN (numbers) or None (text).
Errors raise the exceptions below with the command's message. The work runs in C++ with the GIL
released.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
import re as _re
import tempfile as _tempfile
from typing import NamedTuple, Optional, Sequence, Union

import pandas as _pd

from . import _entente

__all__ = [
    "open", "code", "Store", "Comparison", "Error", "UsageError", "InputError", "StoreError",
    "StoreLockedError", "NotFoundError", "NetworkError",
]


class Error(Exception):
    """Any failure entente reports. ``exit_code`` is what the CLI would have exited with."""

    def __init__(self, message: str, exit_code: int = 1, status: str = ""):
        super().__init__(message)
        self.exit_code = exit_code
        self.status = status


class UsageError(Error, ValueError):
    """A bad argument: an unknown option, a bad actor code, a bad date (CLI exit 2)."""


class InputError(Error, ValueError):
    """An input file or text is unreadable or malformed (CLI exit 3)."""


class StoreError(Error):
    """The store is damaged, unreadable or cannot be written (CLI exit 4)."""


class StoreLockedError(StoreError):
    """Another process holds the store's writer lock (an ingest is running)."""


class NotFoundError(Error, LookupError):
    """Nothing found for the named dyad, file or actor (CLI exit 6)."""


class NetworkError(Error):
    """A download failed (CLI exit 5)."""


def _raise_for(outcome: dict, what: str) -> None:
    code = outcome["exit"]
    if code == 0:
        return
    message = outcome["error"] or f"entente {what} failed (exit {code})"
    status = outcome["status"]
    if status == "busy":
        cls = StoreLockedError
    else:
        cls = {2: UsageError, 3: InputError, 4: StoreError, 5: NetworkError,
               6: NotFoundError}.get(code, Error)
    raise cls(message, code, status)


def _value(v) -> str:
    if isinstance(v, (_dt.date, _pd.Timestamp)):
        return v.strftime("%Y-%m-%d")
    return str(v)


def _options(options: dict) -> list:
    """Keyword arguments as CLI options: from_="2016" -> --from 2016, root_only=True -> --root-only."""
    args = []
    for name, v in options.items():
        if v is None or v is False:
            continue
        flag = "--" + name.rstrip("_").replace("_", "-")
        if v is True:
            args.append(flag)
        elif isinstance(v, (list, tuple)):
            for item in v:
                args += [flag, _value(item)]
        else:
            args += [flag, _value(v)]
    return args


_FREQ = {"year": "Y", "quarter": "Q", "month": "M", "week": "W-SUN", "day": "D"}


def _periods(labels: _pd.Series, by: str) -> _pd.Series:
    """Period labels as the CLI prints them ("2016", "2016-Q1", "2016-03", a week's Monday)."""
    text = labels.astype(object).where(labels.notna(), None)
    if by == "quarter":
        text = text.map(lambda s: s.replace("-Q", "Q") if isinstance(s, str) else s)
    return _pd.Series(_pd.PeriodIndex(text.tolist(), freq=_FREQ[by]), index=labels.index,
                      name=labels.name)


def _typed(frame: _pd.DataFrame, periods: Sequence[str] = (), dates: Sequence[str] = (),
           by: str = "year") -> _pd.DataFrame:
    """Turns period and date label columns into pandas periods and datetimes."""
    for column in periods:
        if column in frame:
            frame[column] = _periods(frame[column], by)
    for column in dates:
        if column in frame:
            frame[column] = _pd.to_datetime(frame[column], format="mixed"
                                            if _pd.__version__ >= "2" else None)
    return frame


def _frame(table: dict) -> _pd.DataFrame:
    data = {}
    for name, array in zip(table["columns"], table["arrays"]):
        if isinstance(array, tuple) and array[0] == "category":
            array = _pd.Categorical.from_codes(array[1], categories=array[2])
        data[name] = array
    return _pd.DataFrame(data, columns=table["columns"])


class Comparison(NamedTuple):
    """What `entente compare` prints: the dyads' series side by side, then one row per pair."""
    series: Optional[_pd.DataFrame]
    pairs: Optional[_pd.DataFrame]


class Store:
    """An entente store (or the embedded chronicle while the store has no events).

    Each call reads the store's latest commit, as each CLI command does. Use :func:`open`.
    """

    def __init__(self, path: str, quiet: bool = False):
        self.path = path
        self.quiet = quiet

    def __repr__(self) -> str:
        return f"entente.Store({self.path!r})"

    def _run(self, command: str, args: list, fmt: str = "csv") -> dict:
        head = ["--store", self.path, "--format", fmt] + (["--quiet"] if self.quiet else [])
        outcome = _entente.run(head + [command] + args)
        _raise_for(outcome, command)
        return outcome

    def _table(self, command: str, args: list, **typed) -> _pd.DataFrame:
        tables = self._run(command, args)["tables"]
        return _typed(_frame(tables[0]), **typed)

    def events(self, *, actor: Union[str, Sequence[str], None] = None, source=None, target=None,
               dyad=None, from_=None, to=None, code=None, quad=None, dataset=None,
               limit=None, directed: bool = False) -> _pd.DataFrame:
        """Events matching the filters, as `entente events`: id, date, date_precision, source,
        source_country, target, target_country, code, root, quad, goldstein, mentions, tone,
        dataset, url.

        Actor and event codes, the dataset and the url are Categoricals (few distinct values
        over many rows); ``id`` is int64 when every id is a whole number (GDELT, ICEWS), else
        text; ``date`` is datetime64 (a date known only to the month or year is its first
        day, and ``date_precision`` says so: day, month or year)."""
        args = _options(dict(actor=actor, source=source, target=target, dyad=dyad, from_=from_,
                             to=to, code=code, quad=quad, dataset=dataset, limit=limit,
                             directed=directed))
        outcome = _entente.events(self.path, self.quiet, args)
        _raise_for(outcome, "events")
        return _frame(outcome["table"])

    def dyad(self, a: str, b: str, *, by: str = "year", **options) -> _pd.DataFrame:
        """The dyad's series per period, as `entente dyad A B`: period, events, vcoop, mcoop,
        vconf, mconf, goldstein_sum, goldstein_mean, net_coop, intensity, coverage (ratios NaN
        for a period without events). Options: from_, to, directed, weight, dataset, smooth,
        smooth_method, by_sector, root_only, min_sources, min_articles."""
        return self._table("dyad", [a, b] + _options(dict(by=by, **options)),
                           periods=["period"], by=by)

    def sectors(self, a: str, b: str, *, by: str = "year", **options) -> _pd.DataFrame:
        """Events and net cooperation per period and sector, as `entente sectors A B`."""
        return self._table("sectors", [a, b] + _options(dict(by=by, **options)),
                           periods=["period"], by=by)

    def phases(self, a: str, b: str, *, by: str = "year", **options) -> _pd.DataFrame:
        """The relation's phases, as `entente phases A B` (start, end, periods, events,
        goldstein_mean, net_coop, label, trend, turning_events, support); with
        ``weaker_turns=True`` the turns the data hint at instead; with ``tracks=True`` every turn
        of the three tracks (track, at, measure, before, after, support, turning_events).
        Options: signal, min_length, penalty, turning, weaker_turns, tracks, turn_size and those
        of :meth:`dyad`."""
        return self._table("phases", [a, b] + _options(dict(by=by, **options)),
                           periods=["start", "end", "at"], by=by)

    def key_events(self, a: str, b: str, **options) -> _pd.DataFrame:
        """The dyad's most salient events, as `entente key-events A B`: date, source, target,
        code, label, weight, why, url. Options: top, from_, to, directed, dataset,
        novelty_years and the noise filters."""
        return self._table("key-events", [a, b] + _options(options), dates=["date"])

    def compare(self, *dyads: str, by: str = "year", **options) -> Comparison:
        """Several dyads ("PAK,RUS", "IND-RUS") side by side, as `entente compare`: the series
        (period, then per dyad its metric and event count) and the pairs (first, second, n, r,
        n_eff, p, best_lag, r_at_lag, n_at_lag, p_at_lag). Options: metric, max_lag, show
        ("series" or "pairs" leaves the other None) and those of :meth:`dyad`."""
        show = options.get("show") or "both"
        tables = self._run("compare", list(dyads) + _options(dict(by=by, **options)))["tables"]
        series = (_typed(_frame(tables[0]), periods=["period"], by=by)
                  if show != "pairs" else None)
        pairs = _frame(tables[-1]) if show != "series" else None
        return Comparison(series, pairs)

    def scan(self, **options) -> _pd.DataFrame:
        """Every dyad ranked by its change in net cooperation, as `entente scan`: dyad,
        events_before, events_after, net_coop_before, net_coop_after, change, z. Options:
        window, by, top, min_events, to, actors, weight, dataset, rank, noise filters."""
        return self._table("scan", _options(options))

    def report(self, a: str, b: str, path: Optional[str] = None, **options):
        """The dyad's report, as `entente report A B`: written as HTML to ``path`` (the path is
        returned), or without ``path`` the report's JSON as a dict. Options: by, from_, to, top
        and the noise filters."""
        if path is not None:
            self._run("report", [a, b, "-o", _os.fspath(path)] + _options(options), fmt="html")
            return _os.fspath(path)
        outcome = self._run("report", [a, b] + _options(options), fmt="json")
        return _json.loads(outcome["stdout"])

    def ingest(self, paths: Union[str, Sequence[str]], **options) -> dict:
        """Reads event files into the store, as `entente ingest PATH...`; returns the counts
        (files, rows, stored, duplicates, rejected) and where rejected rows were written.
        Options: format, jobs, rejects. Raises StoreLockedError while another ingest runs."""
        paths = [paths] if isinstance(paths, (str, _os.PathLike)) else list(paths)
        outcome = self._run("ingest", [str(p) for p in paths] + _options(options))
        m = _re.match(r"ingested (\d+) files: (\d+) rows, (\d+) stored, (\d+) duplicates, "
                      r"(\d+) rejected(?: \(rejects: (.*)\))?", outcome["stdout"])
        counts = {k: int(v) for k, v in zip(
            ["files", "rows", "stored", "duplicates", "rejected"], m.groups()[:5])}
        counts["rejects"] = m.group(6)
        return counts

    def info(self) -> _pd.DataFrame:
        """What the store holds, as `entente info`: key, value rows (store, events, first, last,
        one dataset row per dataset, dyads, bytes, segments)."""
        return self._table("info", [])


def open(store: Optional[str] = None, *, quiet: bool = False) -> Store:  # noqa: A001
    """The store at ``store``; None: $ENTENTE_STORE, else $XDG_DATA_HOME/entente (else
    ~/.local/share/entente). A store without events (or not created yet) reads as the embedded
    chronicle, as the CLI does. ``quiet`` silences the notes the CLI writes on stderr."""
    outcome = _entente.resolve_store("" if store is None else _os.fspath(store))
    _raise_for(outcome, "open")
    return Store(outcome["path"], quiet)


_SCHEME_COLUMNS = {"cameo": ["code", "root", "quad", "goldstein"],
                   "plover": ["plover_event", "plover_mode", "plover_context"]}


def code(lines_or_texts: Union[str, Sequence[str], Sequence[dict]], date=None, *,
         dict: Optional[str] = None, scheme: str = "cameo",  # noqa: A002
         quiet: bool = True) -> _pd.DataFrame:
    """Codes news text into events, as `entente code`: doc, sentence, date, source, target,
    then code, root, quad, goldstein (``scheme="cameo"``), plover_event, plover_mode,
    plover_context (``"plover"``) or both (``"both"``), then text. A string is one article (its
    dateline, if any, dates it); a list of strings holds one document per item (a leading
    "YYYY-MM-DD<TAB>" dates it), numbered from 1 in ``doc``; a list of dicts holds articles
    {"id", "date", "title", "text"}, with ``doc`` their ids. ``date`` is the default document
    date (default: today)."""
    items = list(lines_or_texts) if isinstance(lines_or_texts, (list, tuple)) else None
    articles = bool(items) and all(isinstance(t, _builtin_dict) for t in items)
    if articles:
        text = "\n".join(_json.dumps(_article(t), ensure_ascii=False) for t in items)
    elif items is not None:
        text = "\n".join(t.replace("\r", " ").replace("\n", " ") for t in items)
    else:
        text = lines_or_texts
    with _tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write(text + "\n")
        f.flush()
        args = ["--format", "csv"] + (["--quiet"] if quiet else []) + ["code", f.name]
        args += _options({"lines": items is not None and not articles, "jsonl": articles,
                          "date": date, "dict": dict, "scheme": scheme})
        outcome = _entente.run(args)
    _raise_for(outcome, "code")
    if not outcome["tables"]:  # no text at all
        kinds = ["cameo", "plover"] if scheme == "both" else [scheme]
        columns = (["doc", "sentence", "date", "source", "target"] +
                   [c for k in kinds for c in _SCHEME_COLUMNS[k]] + ["text"])
        return _pd.DataFrame({c: _pd.Series(dtype=object) for c in columns})
    return _typed(_frame(outcome["tables"][0]), dates=["date"])


_builtin_dict = dict  # code() has a parameter named dict


def _article(item: dict) -> dict:
    """An article for `code --jsonl`: its id, date (a date or datetime as ISO text), title, text."""
    out = {k: item[k] for k in ("id", "title", "text") if item.get(k) is not None}
    if item.get("date") is not None:
        out["date"] = _value(item["date"])
    return out
