"""The calendar's lists a page at a time: one SQL query gives a section's stored
follow-ups and its computed birthday occurrences together, counted, or ordered
as `follow_ups.agenda` orders them and cut to a window (LIMIT/OFFSET), so a view
never loads more rows than it shows.

Birthday occurrences are computed in SQL on the month-day index of migration
0002 (`card_live_birthday_md`): each month-day window of the range is one index
range search, the date in the range's year is built from the month-day (a Feb 29
birthday falls on Feb 28 in other years), and an occurrence that became a row
(done, skipped or moved) is left out by an index lookup on `follow_up_occurrence`.
The few lunar birthdays are computed in Python and joined in as a VALUES list.
"""

import calendar
import datetime
from typing import NamedTuple

from prospect_desk import follow_up_rules
from prospect_desk.enums import FollowUpKind, FollowUpStatus
from prospect_desk.follow_up_rules import BIRTHDAY, GIFT, SOLAR_BIRTHDAY_WHERE, load_params
from prospect_desk.follow_ups import KIND_ORDER, OPEN_AND_DONE, OPEN_ONLY, AgendaItem
from prospect_desk.models import db

_OPEN = FollowUpStatus.OPEN.value
LIVE_CARD_FOLLOW_UP = ('f."card_id" NOT IN '
                       '(SELECT "id" FROM "card" WHERE "deleted_at" IS NOT NULL)')
_MD = "strftime('%m-%d', \"birthday\")"
_KIND_ORDER_SQL = ("CASE f.\"kind\" "
                   + " ".join(f"WHEN '{kind.value}' THEN {KIND_ORDER[kind.value]}"
                              for kind in FollowUpKind)
                   + " ELSE 99 END")
_ORDER = 'ORDER BY "d", "s", "ko", "n" COLLATE NOCASE, "cid", "fid"'
_COLUMNS = '"d", "s", "ko", "n", "cid", "fid", "k", "r", "st", "ru", "p", "rep", "occ", "bd"'


class AgendaSection(NamedTuple):
    """Follow-ups due in [start, end] (no lower bound when start is None) with
    these statuses; computed birthday occurrences too when `computed` (they are
    always open, and only for ranges shorter than a year)."""

    start: datetime.date | None
    end: datetime.date
    statuses: tuple[str, ...] = OPEN_AND_DONE
    computed: bool = True


def overdue_section(today: datetime.date) -> AgendaSection:
    """Open follow-ups due before today; birthdays that passed are not overdue."""
    return AgendaSection(None, today - datetime.timedelta(days=1), OPEN_ONLY, computed=False)


def range_section(start: datetime.date, end: datetime.date,
                  statuses: tuple[str, ...] = OPEN_AND_DONE) -> AgendaSection:
    statuses = tuple(FollowUpStatus(s).value for s in statuses)
    return AgendaSection(start, end, statuses, _OPEN in statuses)


def _stored_sql(section: AgendaSection) -> tuple[str, list]:
    marks = ", ".join("?" for _ in section.statuses)
    where = [f'f."status" IN ({marks})', 'c."deleted_at" IS NULL']
    params: list = list(section.statuses)
    if section.start is not None:
        where.append('f."due_date" >= ?')
        params.append(section.start.isoformat())
    where.append('f."due_date" <= ?')
    params.append(section.end.isoformat())
    sql = (f"SELECT f.\"due_date\" AS \"d\", f.\"status\" != '{_OPEN}' AS \"s\", "
           f'{_KIND_ORDER_SQL} AS "ko", c."name" AS "n", f."card_id" AS "cid", '
           'f."id" AS "fid", f."kind" AS "k", f."reason" AS "r", f."status" AS "st", '
           'f."rule" AS "ru", f."rule_params" AS "p", f."repeat" AS "rep", '
           'f."occurrence_date" AS "occ", NULL AS "bd" '
           'FROM "follow_up" f JOIN "card" c ON c."id" = f."card_id" '
           f"WHERE {' AND '.join(where)}")
    return sql, params


def month_day_windows(start: datetime.date,
                      end: datetime.date) -> list[tuple[str, str, int]]:
    """(first month-day, last month-day, year) searches covering [start, end],
    a range shorter than a year. In a year without Feb 29, a window ending on
    Feb 28 also takes the Feb 29 birthdays, which fall on that day."""
    if end < start:
        return []
    if (end - start).days >= 365:
        raise ValueError("a birthday range must be shorter than a year")
    spans = ([(start, end)] if start.year == end.year else
             [(start, datetime.date(start.year, 12, 31)), (datetime.date(end.year, 1, 1), end)])
    windows = []
    for first, last in spans:
        lo, hi = first.strftime("%m-%d"), last.strftime("%m-%d")
        windows.append((lo, hi, first.year))
        if hi == "02-28" and not calendar.isleap(first.year):
            windows.append(("02-29", "02-29", first.year))
    return windows


def _solar_sql(kind: str, start: datetime.date, end: datetime.date,
               lead: int) -> tuple[list[str], list]:
    """One SELECT per month-day window for the solar birthdays (kind birthday)
    or the gifts `lead` days before them (kind birthday_gift) falling in the range."""
    shift = datetime.timedelta(days=lead if kind == GIFT else 0)
    parts, params = [], []
    for lo, hi, year in month_day_windows(start + shift, end + shift):
        month_day = _MD if calendar.isleap(year) else (
            f"CASE {_MD} WHEN '02-29' THEN '02-28' ELSE {_MD} END")
        birthday = f"('{year:04d}-' || {month_day})"
        day = birthday if kind == BIRTHDAY else f"date({birthday}, '-{int(lead)} days')"
        parts.append(
            f'SELECT {day} AS "d", 0 AS "s", {KIND_ORDER[kind]} AS "ko", "name" AS "n", '
            f'"id" AS "cid", NULL AS "fid", \'{kind}\' AS "k", \'\' AS "r", '
            f"'{_OPEN}' AS \"st\", '{kind}' AS \"ru\", NULL AS \"p\", '' AS \"rep\", "
            f'{day} AS "occ", {birthday} AS "bd" '
            f'FROM "card" INDEXED BY "card_live_birthday_md" '
            f"WHERE {SOLAR_BIRTHDAY_WHERE} AND {_MD} BETWEEN ? AND ? "
            f'AND NOT EXISTS (SELECT 1 FROM "follow_up" m WHERE m."occurrence_date" = {day} '
            f'AND m."card_id" = "card"."id" AND m."kind" = \'{kind}\')')
        params += [lo, hi]
    return parts, params


def _lunar_sql(start: datetime.date, end: datetime.date,
               lead: int) -> tuple[list[str], list]:
    """The lunar birthdays and their gifts in the range, computed in Python
    (there are few) and handed to SQL as a VALUES list."""
    until = end + datetime.timedelta(days=lead)
    done = None
    rows = []
    for card_id, name, month, day, leap in follow_up_rules._lunar_cards():
        dates = follow_up_rules._lunar_dates(month, day, bool(leap), start, until)
        for o in follow_up_rules._occurrences(card_id, name, dates, start, end, lead):
            if done is None:
                done = follow_up_rules.materialised_occurrences(start, end)
            if (o.card_id, o.kind, o.date) not in done:
                rows.append((o.date.isoformat(), KIND_ORDER[o.kind], o.name, o.card_id, o.kind,
                             o.birthday.isoformat()))
    if not rows:
        return [], []
    values = ", ".join("(?, ?, ?, ?, ?, ?)" for _ in rows)
    sql = ('SELECT "column1" AS "d", 0 AS "s", "column2" AS "ko", "column3" AS "n", '
           '"column4" AS "cid", NULL AS "fid", "column5" AS "k", \'\' AS "r", '
           f"'{_OPEN}' AS \"st\", \"column5\" AS \"ru\", NULL AS \"p\", '' AS \"rep\", "
           f'"column1" AS "occ", "column6" AS "bd" FROM (VALUES {values})')
    return [sql], [value for row in rows for value in row]


def section_sql(section: AgendaSection) -> tuple[str, list]:
    """The section's rows as one compound SELECT (unordered)."""
    parts, params = _section_parts(section)
    return " UNION ALL ".join(parts), params


def _section_parts(section: AgendaSection) -> tuple[list[str], list]:
    """The SELECTs whose rows make up the section, and their parameters in order."""
    sql, params = _stored_sql(section)
    parts = [sql]
    if section.computed and section.start is not None and section.start <= section.end:
        lead = follow_up_rules.rule_settings.get("birthday_lead_days")
        for kind in (GIFT, BIRTHDAY):
            more, more_params = _solar_sql(kind, section.start, section.end, lead)
            parts += more
            params += more_params
        more, more_params = _lunar_sql(section.start, section.end, lead)
        parts += more
        params += more_params
    return parts, params


def section_count(section: AgendaSection) -> int:
    return sum(day_counts(section).values())


def day_counts(section: AgendaSection) -> dict[datetime.date, int]:
    """{date: number of follow-ups} over the section, for headers and tabs."""
    return {day: sum(per_kind.values())
            for day, per_kind in _counts(section, by_kind=False).items()}


def kind_counts(section: AgendaSection) -> dict[datetime.date, dict[str, int]]:
    """{date: {kind: number of follow-ups}} over the section, for the month view."""
    return _counts(section, by_kind=True)


def month_counts(year: int, month: int,
                 statuses: tuple[str, ...] = OPEN_ONLY) -> dict[datetime.date, dict[str, int]]:
    """{date: {kind: count}} for the month view, in date order: stored
    follow-ups with these statuses plus, when open ones are counted, the
    computed birthday occurrences."""
    start = datetime.date(year, month, 1)
    end = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return dict(sorted(kind_counts(range_section(start, end, statuses)).items()))


def _counts(section: AgendaSection, by_kind: bool) -> dict[datetime.date, dict[str, int]]:
    """{date: {kind: count}} over the section: the stored follow-ups grouped by
    due date (and kind) on the status index, the birthdays by month-day
    (`follow_up_rules.birthday_counts`); no row is built. Without `by_kind` the
    stored ones of a day are counted under the kind "": grouping by the date
    alone walks the index in order, where adding the kind sorts every row
    (5 ms instead of 3 for 50,000 overdue follow-ups)."""
    marks = ", ".join("?" for _ in section.statuses)
    # Cards in the trash are few: leaving out their ids (found on the
    # card_trashed index) costs half of joining every row to its card.
    where = [f'f."status" IN ({marks})', 'f."due_date" <= ?', LIVE_CARD_FOLLOW_UP]
    params: list = [*section.statuses, section.end.isoformat()]
    if section.start is not None:
        where.append('f."due_date" >= ?')
        params.append(section.start.isoformat())
    kind, group = ('f."kind"', "1, 2") if by_kind else ("''", "1")
    rows = db.execute_sql(
        f'SELECT f."due_date", {kind}, COUNT(*) FROM "follow_up" f '
        f'WHERE {" AND ".join(where)} GROUP BY {group}', params)
    counts: dict[datetime.date, dict[str, int]] = {}
    for day, kind, n in rows:
        counts.setdefault(datetime.date.fromisoformat(day), {})[kind] = n
    if section.computed and section.start is not None:
        for day, per_kind in follow_up_rules.birthday_counts(section.start, section.end).items():
            target = counts.setdefault(day, {})
            for kind, n in per_kind.items():
                key = kind if by_kind else ""
                target[key] = target.get(key, 0) + n
    return counts


def _item(row: tuple) -> AgendaItem:
    day, _s, _ko, name, card_id, follow_up_id, kind, reason, status, rule, params, repeat, \
        occurrence, birthday = row
    day = datetime.date.fromisoformat(day)
    if follow_up_id is None:
        return AgendaItem(day, kind, card_id, name, "", None, status, rule,
                          {"birthday": birthday}, "", day)
    return AgendaItem(day, kind, card_id, name, reason, follow_up_id, status, rule,
                      load_params(params), repeat,
                      datetime.date.fromisoformat(occurrence) if occurrence else None)


def section_rows(section: AgendaSection, offset: int = 0,
                 limit: int = -1) -> list[AgendaItem]:
    """The section's follow-ups from `offset`, at most `limit` (all when -1),
    in the order of `follow_ups.agenda`. With a limit, each part is cut to
    the first offset + limit rows before they are merged (a top-N sort per part
    is cheaper than sorting them all)."""
    parts, params = _section_parts(section)
    if limit >= 0:
        parts = [f"SELECT * FROM ({part} {_ORDER} LIMIT {int(offset) + int(limit)})"
                 for part in parts]
    rows = db.execute_sql(f"SELECT {_COLUMNS} FROM ({' UNION ALL '.join(parts)}) {_ORDER} "
                          "LIMIT ? OFFSET ?", [*params, limit, offset])
    return [_item(row) for row in rows]


def query_plan(section: AgendaSection) -> list[str]:
    """EXPLAIN QUERY PLAN of a page of the section, to check that it searches
    indexes rather than scanning tables."""
    sql, params = section_sql(section)
    rows = db.execute_sql(f"EXPLAIN QUERY PLAN SELECT {_COLUMNS} FROM ({sql}) {_ORDER} "
                          "LIMIT ? OFFSET ?", [*params, 100, 0])
    return [row[-1] for row in rows]


class SectionPages:
    """A section counted per day once, then read a window at a time: a window
    queries only the days it spans, so the first page of a week does not sort
    the whole week."""

    def __init__(self, section: AgendaSection,
                 per_day: dict[datetime.date, int] | None = None):
        """`per_day` when the counts are known already (several sections counted
        by one query)."""
        self.section = section
        if per_day is None:
            per_day = day_counts(section)
        self.per_day = dict(sorted(per_day.items()))
        self.total = sum(self.per_day.values())

    def rows(self, offset: int, limit: int) -> list[AgendaItem]:
        if limit <= 0 or offset >= self.total:
            return []
        first = last = None
        before = seen = 0
        for day, n in self.per_day.items():
            if first is None and seen + n > offset:
                first, before = day, seen
            seen += n
            if first is not None:
                last = day
                if seen >= offset + limit:
                    break
        part = self.section._replace(start=first, end=last)
        return section_rows(part, offset - before, limit)
