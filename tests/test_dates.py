"""Front matter dates, dates in each language, newest-first order and pagination."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from duosite.text.dates import (
    Dates,
    instant,
    long_date,
    machine_date,
    newest_first,
    paginate,
    parse_date,
    read_dates,
    rfc3339,
)
from duosite.text.yamltext import parse_yaml


def front(text: str) -> dict:
    meta, problems = parse_yaml(text, "post.en.md", first_line=2)
    assert problems == []
    return meta


def test_yaml_dates_datetimes_and_quoted_dates_are_read():
    meta = front('date: 2025-01-20\nupdated: 2025-02-03T09:30:00+01:00\nother: "2024-12-31"\n')
    assert parse_date(meta["date"]) == date(2025, 1, 20)
    assert parse_date(meta["updated"]) == datetime(2025, 2, 3, 9, 30,
                                                   tzinfo=timezone(timedelta(hours=1)))
    assert parse_date(meta["other"]) == date(2024, 12, 31)
    assert parse_date("2025-01-20T10:00:00Z") == datetime(2025, 1, 20, 10, tzinfo=UTC)


@pytest.mark.parametrize("value", ["20/01/2025", "January 20, 2025", "2025-1-20", 2025, True])
def test_what_is_not_a_date_says_how_to_write_one(value):
    assert parse_date(value).endswith("is not a date: write it year-month-day, as 2025-01-20")


def test_front_matter_dates_are_checked_with_their_lines():
    lines = {"date": 2, "updated": 3}
    dates, found = read_dates(front("date: 2025-01-20\nupdated: 2025-01-22\n"), lines)
    assert dates == Dates(date(2025, 1, 20), date(2025, 1, 22)) and found == []
    assert dates.latest == date(2025, 1, 22)
    _, found = read_dates(front("date: 2025-01-20\nupdated: 2024-01-22\n"), lines)
    assert found == [(3, "front matter: 'updated' (2024-01-22) is before 'date' (2025-01-20)")]
    _, found = read_dates(front("date: 20 janvier 2025\n"), lines)
    assert found == [(2, "front matter: 'date': '20 janvier 2025' is not a date: write it "
                         "year-month-day, as 2025-01-20")]
    _, found = read_dates(front("updated: 2025-01-22\n"), lines)
    assert "'updated' needs a 'date' too" in found[0][1]
    assert read_dates({"title": "x"}, {}) == (None, [])


def test_an_impossible_day_is_refused_where_yaml_reads_it():
    _, problems = parse_yaml("date: 2025-02-30\n", "post.en.md", first_line=2)
    assert problems and problems[0].line == 2


def test_long_dates_follow_each_language():
    day = date(2025, 1, 20)
    assert long_date(day, "en") == "20 January 2025"
    assert long_date(day, "fr") == "20 janvier 2025"
    assert long_date(datetime(2025, 3, 1, 23, 0), "fr") == "1 mars 2025"


def test_machine_readable_forms():
    assert machine_date(date(2025, 1, 20)) == "2025-01-20"
    assert machine_date(datetime(2025, 1, 20, 9, 5, tzinfo=UTC)) == "2025-01-20T09:05:00+00:00"
    assert rfc3339(date(2025, 1, 20)) == "2025-01-20T00:00:00Z"
    assert rfc3339(datetime(2025, 1, 20, 10, tzinfo=timezone(timedelta(hours=1)))) == \
        "2025-01-20T09:00:00Z"
    assert instant(datetime(2025, 1, 20, 10)) == datetime(2025, 1, 20, 10, tzinfo=UTC)


def test_newest_first_mixes_days_and_times_and_breaks_ties_by_name():
    posts = [("b", date(2025, 1, 20)), ("old", date(2024, 5, 1)),
             ("a", date(2025, 1, 20)), ("noon", datetime(2025, 1, 20, 12, tzinfo=UTC))]
    ordered = newest_first(posts, when=lambda p: p[1], name=lambda p: p[0])
    assert [p[0] for p in ordered] == ["noon", "a", "b", "old"]


def test_pagination_cuts_lists_into_linked_pages():
    pages = paginate(list(range(25)), 10)
    assert [(p.number, p.total, len(p.items), p.segment) for p in pages] == [
        (1, 3, 10, ""), (2, 3, 10, "page-2"), (3, 3, 5, "page-3")]
    assert (pages[0].previous_segment, pages[0].next_segment) == (None, "page-2")
    assert (pages[1].previous_segment, pages[2].next_segment) == ("", None)
    assert [(p.number, p.items) for p in paginate([], 10)] == [(1, ())]
