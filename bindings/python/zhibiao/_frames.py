"""pandas in and out: plans from DataFrames and back, actuals from long or wide sheets,
progress and assessment as DataFrames. pandas is optional: it is imported here, when one
of these is called, and its absence is an ImportError saying what to install.

DataFrames go to the library as CSV text, so that they are read by the same C reader as a
CSV file, with the same headers and the same checks; messages are then turned back from
CSV lines into the frame's rows and columns."""
import csv
import datetime
import io
import math
import numbers
import re

from . import _convert
from ._enums import Attribute, Standing, Status
from ._errors import ArgumentError, Error, InputError
from ._lib import C, available


def pandas():
    """The pandas module, or ImportError saying how to install it."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("this needs pandas, which is not installed: apt install python3-pandas "
                          "(Debian, Ubuntu), or pip install pandas. Everything else in zhibiao works "
                          "without it.", name="pandas") from None
    return pd


def _is_missing(value):
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pandas().isna(value)) if not isinstance(value, (str, list, tuple)) else False
    except (TypeError, ValueError):
        return False


def _cell(value, what):
    """A cell as the CSV reader takes it: numbers as a person writes them, lists joined."""
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        _convert._no_nul(value, what)
        return value
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return str(bool(value))
    if isinstance(value, numbers.Number):
        return _convert.number_text(value, what)
    if isinstance(value, (list, tuple)):
        return "、".join(_cell(v, what) for v in value if not _is_missing(v))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _header_key(label):
    """A header as the C reader compares it: spaces gone, ASCII lower-cased."""
    return "".join(str(label).split()).lower()


def _label(label):
    return str(label) if isinstance(label, numbers.Integral) else repr(label)


class Rows:
    """Where each CSV line made from a frame came from: its row label and, by CSV column,
    the frame's column; turns ``name:line[:column]`` in messages into ``name row R, column
    C``."""

    def __init__(self, name):
        self.name = name
        self.lines = {}
        self._pattern = re.compile(re.escape(name) + r":(\d+)(?::(\d+))?")
        # An earlier line a message refers to ("already used at line 2").
        self._earlier = re.compile(r"\bat line (\d+)\b")

    def add(self, first_line, count, row, columns):
        for line in range(first_line, first_line + count):
            self.lines[line] = (row, columns)

    def _place(self, m):
        where = self.lines.get(int(m.group(1)))
        if where is None:
            return m.group(0) if int(m.group(1)) != 1 else f"{self.name} header"
        row, columns = where
        text = f"{self.name} row {_label(row)}"
        if m.group(2) is not None and int(m.group(2)) in columns:
            text += f", column {_label(columns[int(m.group(2))])}"
        return text

    def _place_earlier(self, m):
        where = self.lines.get(int(m.group(1)))
        if where is None:
            return m.group(0)
        row, columns = where
        text = f"at row {_label(row)}"
        # A wide monthly sheet: each month's cell is a line of its own; name the month.
        if columns.get(2) is not None and columns.get(2) == columns.get(3):
            text += f", column {_label(columns[3])}"
        return text

    def relocate(self, text):
        return self._earlier.sub(self._place_earlier, self._pattern.sub(self._place, text))


def _write_csv(header, records, name, columns_of):
    """CSV text from a header and (row label, cells) records, with the Rows that map its
    lines back; columns_of(cells) gives {CSV column: frame column} for a record."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    line = 1 + out.getvalue().count("\n")
    rows = Rows(name)
    for label, cells in records:
        start = len(out.getvalue())
        w.writerow(cells)
        n = out.getvalue().count("\n", start)
        rows.add(line, n, label, columns_of(cells))
        line += n
    return out.getvalue().encode("utf-8"), rows


def _relocated(e, rows):
    """The same error with its message in the frame's rows and columns."""
    message = rows.relocate(e.message)
    if message != e.message:
        e.message = message
        e.args = (message,)
    return e


def _frame(frame, what):
    pd = pandas()
    if not isinstance(frame, pd.DataFrame):
        raise ArgumentError(Status.ARGUMENT, f"{what} must be a pandas DataFrame, not {type(frame).__name__}")
    # A named index (df.set_index("序号")) is a column like the others.
    if any(n is not None for n in frame.index.names):
        frame = frame.reset_index()
    return frame


# ---- plans -------------------------------------------------------------------------------

# What to_dataframe() adds that is read from the other columns: left out when reading back
# (unit_given decides whether the unit cell is given).
_DERIVED_ORDER = ["lead", "target_value", "qualifier", "target_class", "unit_given", "base_year", "bare_name",
                  "source"]
_DERIVED = set(_DERIVED_ORDER)
def plan_from_frame(cls, frame, year, title, organ, name):
    frame = _frame(frame, "from_dataframe()")
    _convert.utf8(name, "name")
    keys = [_header_key(c) for c in frame.columns]
    if "unit_given" in keys and "unit" in keys:
        # The units to_dataframe() read from the names: left for the reader to find again.
        given, unit = keys.index("unit_given"), keys.index("unit")
        frame = frame.copy()
        for r in range(len(frame)):
            flag = frame.iat[r, given]
            if not _is_missing(flag) and not bool(flag):
                frame.iat[r, unit] = None
    keep = [j for j, key in enumerate(keys) if key not in _DERIVED]
    header = [_cell(frame.columns[j], "header") if not isinstance(frame.columns[j], str) else frame.columns[j]
              for j in keep]
    records = []
    for r, label in enumerate(frame.index):
        cells = [_cell(frame.iat[r, j], f"{name} row {_label(label)}, column {_label(frame.columns[j])}")
                 for j in keep]
        records.append((label, cells))
    columns = {k + 1: frame.columns[j] for k, j in enumerate(keep)}
    data, rows = _write_csv(header, records, name, lambda cells: columns)
    from ._plan import Plan
    try:
        plan = cls._loaded((C.zb_csv_load, C.zb_csv_load_string), _convert.Source(data=data, name=name),
                           Plan._csv_options(","), year=year, title=title, organ=organ)
    except Error as e:
        raise _relocated(e, rows) from None
    plan._rows = rows
    return plan


def _target_headers(plan, indicators):
    """The header of each target year's column: {year or None: header}. A one-year plan's
    targets tied to no year go under ``2025年目标值`` (the reader gives that year back as the
    plan's); a span's under ``2021-2023年目标值``; else ``target``."""
    years = plan.years
    target_years = sorted({t.year for ind in indicators for t in ind.targets if t.year})
    headers = {}
    if any(t.year is None for ind in indicators for t in ind.targets) or not target_years:
        if years and years[0] == years[1] and years[0] not in target_years:
            headers[None] = f"{years[0]}年目标值"
        elif years and years[0] != years[1] and not target_years:
            headers[None] = f"{years[0]}-{years[1]}年目标值"
        else:
            headers[None] = "target"
    for y in target_years:
        headers[y] = f"{y}年目标值"
    return headers


def plan_to_frame(plan):
    pd = pandas()
    indicators = plan.indicators
    targets = _target_headers(plan, indicators)
    base_years = {ind.base_year for ind in indicators if ind.base_text}
    base = f"{base_years.pop()}年基数" if len(base_years) == 1 and None not in base_years else "base"
    records = []
    for ind in indicators:
        units = ind.units
        by_year = {t.year: t.text for t in ind.targets}
        row = {"seq": ind.seq, "category": ind.category, "name": ind.name, "unit": ind.unit,
               "attribute": "" if ind.attribute == Attribute.NONE else ind.attribute.name.lower(),
               base: ind.base_text}
        for year, header in targets.items():
            row[header] = by_year.get(year, "")
        row.update({
            "responsible": "、".join(units), "kind": ind.kind.name.lower(), "direction": ind.direction.name.lower(),
            "weight": ind.weight, "note": ind.note,
            "lead": units[0] if units else "", "target_value": ind.target,
            "qualifier": ind.qualifier.name.lower(), "target_class": ind.target_class.name.lower(),
            "unit_given": ind.unit_given, "base_year": ind.base_year,
            "bare_name": ind.bare_name, "source": ind.source,
        })
        records.append(row)
    columns = (["seq", "category", "name", "unit", "attribute", base] + list(targets.values()) +
               ["responsible", "kind", "direction", "weight", "note"] + _DERIVED_ORDER)
    df = pd.DataFrame.from_records(records, columns=columns)
    df["target_value"] = df["target_value"].astype(float)
    df["weight"] = df["weight"].astype(float)
    df["unit_given"] = df["unit_given"].astype(bool)
    df["base_year"] = df["base_year"].astype("Int64")
    return df


# ---- actuals -----------------------------------------------------------------------------

_SEQ = {"seq", "序号", "no", "no.", "#"}
_PERIOD_COLUMN = {"period", "期间", "月份", "报告期"}
# Columns of an indicator table that a wide monthly sheet keeps beside its months.
_TABLE_COLUMNS = {"类别", "category", "指标名称", "指标", "name", "indicator", "计量单位", "单位", "unit",
                  "目标值", "目标", "target", "全年目标", "年度目标", "责任单位", "牵头单位", "responsible",
                  "units", "lead", "备注", "说明", "note", "notes", "remark", "remarks", "属性", "指标属性",
                  "attribute", "基期值", "基数", "base", "类型", "指标类型", "kind", "方向", "direction",
                  "权重", "分值", "weight", "qualifier", "target_value", "bare_name", "source"}
_YEAR_COLUMN = re.compile(r"^\d{4}(?:[-–—]\d{4})?年(?:目标值?|基数|实际|实际值)$")


def _month_of(label, year):
    """"YYYY-MM" for a column label that names a month; None otherwise."""
    if isinstance(label, (datetime.date, datetime.datetime)):
        return f"{label.year:04d}-{label.month:02d}"
    if not isinstance(label, str):
        y, m = getattr(label, "year", None), getattr(label, "month", None)
        if isinstance(y, numbers.Integral) and isinstance(m, numbers.Integral):
            return f"{int(y):04d}-{int(m):02d}"
        return None
    return _convert.parse_period(label, year)


def load_actuals_frame(plan, frame, name):
    frame = _frame(frame, "load_actuals()")
    _convert.utf8(name, "name")
    keys = [_header_key(c) for c in frame.columns]
    if any(k in _PERIOD_COLUMN for k in keys):
        data, rows = _long_actuals(frame, keys, name)
    else:
        data, rows = _wide_actuals(plan, frame, keys, name)
    try:
        plan.load_actuals_string(data, name=name, delimiter=",")
    except Error as e:
        raise _relocated(e, rows) from None


def _long_actuals(frame, keys, name):
    """seq, period, value[, note] rows: written as they are (dates as their month)."""
    header = [str(c) for c in frame.columns]
    records = []
    for r, label in enumerate(frame.index):
        cells = []
        for j, key in enumerate(keys):
            value = frame.iat[r, j]
            if key in _PERIOD_COLUMN and not isinstance(value, str) and not _is_missing(value):
                value = _convert.period_text(value, f"{name} row {_label(label)}, column {_label(frame.columns[j])}")
            cells.append(_cell(value, f"{name} row {_label(label)}, column {_label(frame.columns[j])}"))
        records.append((label, cells))
    columns = {j + 1: c for j, c in enumerate(frame.columns)}
    return _write_csv(header, records, name, lambda cells: columns)


def _wide_actuals(plan, frame, keys, name):
    """One column per month: each filled cell becomes a row seq, period, value."""
    seq_cols = [j for j, k in enumerate(keys) if k in _SEQ]
    if len(seq_cols) != 1:
        found = "none" if not seq_cols else ", ".join(_label(frame.columns[j]) for j in seq_cols)
        raise InputError(Status.SCHEMA, f"{name}: a sheet with one column per month needs one 序号/seq column "
                                        f"(or index) saying which indicator each row is; found {found}")
    years = plan.years
    year = years[0] if years and years[0] == years[1] else None
    months = []
    for j, col in enumerate(frame.columns):
        if j == seq_cols[0]:
            continue
        month = _month_of(col, year)
        if month is not None:
            months.append((j, month))
            continue
        key = keys[j]
        if key in _TABLE_COLUMNS or _YEAR_COLUMN.match(key):
            continue
        if isinstance(col, str) and _convert.parse_period(col, 2000) is not None and year is None:
            span = "has no year" if years is None else f"covers {years[0]}–{years[1]}"
            raise InputError(Status.VALUE, f"{name}, column {_label(col)}: a month without its year, and the "
                                           f"plan {span}; write it as 2025年1月 or 2025-01")
        raise InputError(Status.SCHEMA, f"{name}, column {_label(col)}: neither a month (2025-01, 2025年1月, "
                                        f"1月) nor a column of the indicator table (序号, 指标名称, 计量单位, "
                                        f"目标值, 责任单位, 备注, …)")
    if not months:
        raise InputError(Status.SCHEMA, f"{name}: no column names a month (2025-01, 2025年1月, 1月)")
    s = seq_cols[0]
    records = []
    columns_of = {}
    for r, label in enumerate(frame.index):
        seq = frame.iat[r, s]
        for j, month in months:
            value = frame.iat[r, j]
            if _is_missing(value) or (isinstance(value, str) and not value.strip()):
                continue
            where = f"{name} row {_label(label)}, column {_label(frame.columns[j])}"
            cells = [_cell(seq, where), month, _cell(value, where)]
            columns_of[id(cells)] = {1: frame.columns[s], 2: frame.columns[j], 3: frame.columns[j]}
            records.append((label, cells))
    return _write_csv(["seq", "period", "actual"], records, name, lambda cells: columns_of[id(cells)])


# ---- progress and assessment -----------------------------------------------------------

def progress_frame(plan, period, about_tolerance):
    pd = pandas()

    def row(ptr, progress, i):
        ind = C.zb_progress_indicator(progress, i)
        standing = Standing(C.zb_progress_standing(progress, i))
        units = [C.zb_plan_indicator_responsible(ptr, ind, j)
                 for j in range(C.zb_plan_indicator_responsible_count(ptr, ind))]
        cat = C.zb_plan_indicator_category(ptr, ind)
        return {
            "seq": C.zb_progress_seq(progress, i),
            "category": None if cat >= C.zb_plan_category_count(ptr) else C.zb_plan_category_name(ptr, cat),
            "name": C.zb_plan_indicator_name(ptr, ind),
            "unit": C.zb_plan_indicator_unit(ptr, ind),
            "lead": units[0] if units else "",
            "responsible": "、".join(units),
            "standing": standing.name.lower(),
            "status": C.zb_standing_label(standing),
            "actual": C.zb_progress_actual(progress, i),
            "target": C.zb_progress_target(progress, i),
            "completion": C.zb_progress_completion(progress, i),
            "expected": C.zb_progress_expected(progress, i),
            "explain": C.zb_progress_explain(progress, i),
        }
    records = plan._evaluate(period, about_tolerance, row)
    columns = ["seq", "category", "name", "unit", "lead", "responsible", "standing", "status", "actual",
               "target", "completion", "expected", "explain"]
    return pd.DataFrame.from_records(records, columns=columns)


def assessment_frame(plan, period, scoring, cap, about_tolerance, by):
    pd = pandas()
    if by not in ("indicator", "unit"):
        raise InputError(Status.VALUE, f"by: {by!r} is not 'indicator' or 'unit'")
    if not available("zb_xlsx_assessment_score"):
        raise Error(Status.ARGUMENT, "this libzhibiao has no zb_xlsx_assessment_score()")
    options = plan._assessment_options(None, scoring, cap, about_tolerance, None, None, None)

    def row(ptr, progress, i):
        ind = C.zb_progress_indicator(progress, i)
        standing = Standing(C.zb_progress_standing(progress, i))
        return {
            "seq": C.zb_progress_seq(progress, i),
            "name": C.zb_plan_indicator_name(ptr, ind),
            "lead": C.zb_plan_indicator_lead(ptr, ind),
            "weight": C.zb_plan_indicator_weight(ptr, ind),
            "standing": standing.name.lower(),
            "status": C.zb_standing_label(standing),
            "completion": C.zb_progress_completion(progress, i),
            # A qualitative indicator is not scored (the workbook's 另行评定): no score.
            "score": (math.nan if standing == Standing.QUALITATIVE
                      else C.zb_xlsx_assessment_score(ptr, progress, i, options)),
        }
    records = plan._evaluate(period, about_tolerance, row)
    indicators = pd.DataFrame.from_records(records, columns=["seq", "name", "lead", "weight", "standing",
                                                             "status", "completion", "score"])
    if by == "indicator":
        return indicators
    units = {}
    for r in records:
        u = units.setdefault(r["lead"], {"lead": r["lead"], "indicators": 0, "weight": 0.0, "score": 0.0,
                                         "order": len(units)})
        u["indicators"] += 1
        if r["standing"] != "qualitative":  # its weight counts in no total, as in the workbook
            u["weight"] += r["weight"]
            u["score"] += r["score"]
    for u in units.values():
        u["rate"] = u["score"] / u["weight"] if u["weight"] > 0 else math.nan
    # Ranked as the workbook ranks: by rate (equal to 1e-9 share a rank, the next skips; a
    # unit with no weight counted ranks as a rate of 0), then by first appearance;
    # indicators without a lead are listed last, unranked.
    def key(u):
        return round(u["rate"] * 1e9) if u["weight"] > 0 else 0
    ranked = sorted(units.values(), key=lambda u: (-key(u), u["order"]))
    rank, last, n = 0, None, 0
    for u in ranked:
        if not u["lead"]:
            u["rank"] = None
            continue
        n += 1
        k = key(u)
        rank = rank if k == last else n
        last = k
        u["rank"] = rank
    ranked.sort(key=lambda u: (u["rank"] is None, u["rank"] or 0, u["order"]))
    df = pd.DataFrame.from_records(ranked, columns=["lead", "indicators", "weight", "score", "rate", "rank"])
    df["rank"] = df["rank"].astype("Int64")
    return df

