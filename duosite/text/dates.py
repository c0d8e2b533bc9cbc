"""Dated content: front matter dates read and checked, shown per language, listed newest first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import TypeVar

from babel.dates import format_date

from ..problems import Spot

Moment = date | datetime  # a day, or a day and time
T = TypeVar("T")

# long dates put the day first in both languages: "20 January 2025", "20 janvier 2025"
DATE_LOCALES = {"en": "en_GB", "fr": "fr_FR"}
DATE_KEYS = ("date", "updated")


def parse_date(value: object) -> Moment | str:
    """A front matter value as a date or datetime, or why it is not one."""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            pass
        return f"'{value}' is not a date: write it year-month-day, as 2025-01-20"
    return f"{value!r} is not a date: write it year-month-day, as 2025-01-20"


def instant(value: Moment) -> datetime:
    """A date or datetime as an aware UTC datetime (a day starts at midnight UTC)."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class Dates:
    """When a page was published, and when it was last changed (if it says)."""

    published: Moment
    updated: Moment | None = None

    @property
    def latest(self) -> Moment:
        """The last change: `updated` if given, else the publication date."""
        return self.updated or self.published


def read_dates(meta: dict, lines: dict[str, int]) -> tuple[Dates | None, list[Spot]]:
    """The `date:` and `updated:` of a page's front matter, checked; None when undated."""
    found: list[Spot] = []
    values: dict[str, Moment] = {}
    for key in DATE_KEYS:
        if key in meta:
            parsed = parse_date(meta[key])
            if isinstance(parsed, str):
                found.append((lines.get(key, 1), f"front matter: '{key}': {parsed}"))
            else:
                values[key] = parsed
    if "updated" in values and "date" not in meta:
        found.append((lines.get("updated", 1), "front matter: 'updated' needs a 'date' too "
                                               "(the day the page was first published)"))
    elif "updated" in values and "date" in values \
            and instant(values["updated"]) < instant(values["date"]):
        found.append((lines.get("updated", 1), f"front matter: 'updated' "
                      f"({values['updated']}) is before 'date' ({values['date']})"))
    if found or "date" not in values:
        return None, found
    return Dates(values["date"], values.get("updated")), []


def long_date(value: Moment, lang: str) -> str:
    """'20 January 2025' / '20 janvier 2025'."""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, "long", locale=DATE_LOCALES[lang])


def machine_date(value: Moment) -> str:
    """The value of `<time datetime>`: 2025-01-20, or the full time when one is given."""
    return value.isoformat()


def rfc3339(value: Moment) -> str:
    """An Atom timestamp: 2025-01-20T00:00:00Z."""
    return instant(value).isoformat().replace("+00:00", "Z")


def newest_first(items: Sequence[T], when: Callable[[T], Moment],
                 name: Callable[[T], str] = str) -> list[T]:
    """Items newest first; items of the same moment by name, so the order never varies."""
    by_name = sorted(items, key=name)
    return sorted(by_name, key=lambda item: instant(when(item)), reverse=True)


@dataclass(frozen=True)
class Pager:
    """One page of a list: its number, how many there are, its items and URL segment."""

    number: int
    total: int
    items: tuple
    segment: str  # '' for the first page, 'page-2'… after it (as the directory's lists)

    @property
    def previous_segment(self) -> str | None:
        """The segment of the page before, if there is one."""
        return None if self.number == 1 else "" if self.number == 2 else f"page-{self.number - 1}"

    @property
    def next_segment(self) -> str | None:
        """The segment of the page after, if there is one."""
        return f"page-{self.number + 1}" if self.number < self.total else None


def paginate(items: Sequence[T], per_page: int) -> list[Pager]:
    """A list cut into pages of `per_page` items; an empty list is one empty page."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    total = max(1, -(-len(items) // per_page))
    return [Pager(number, total, tuple(items[(number - 1) * per_page:number * per_page]),
                  "" if number == 1 else f"page-{number}") for number in range(1, total + 1)]
