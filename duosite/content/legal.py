"""What a French public body's site must say of itself: publisher, host, contact, accessibility."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..problems import Problem, did_you_mean, error
from ..text.yamltext import key_line

LEGAL_KEYS = ("publisher", "director", "host", "contact", "accessibility")

# the conformity statuses decree 2019-768 names, as site.yaml writes them
STATUSES = ("compliant", "partially-compliant", "non-compliant")

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
Text = tuple[tuple[str, str], ...]  # (lang, text) for each language


@dataclass(frozen=True)
class Legal:
    """The facts the legal notice, accessibility statement and contact page are built on."""

    publisher: Text
    publisher_address: str
    director: Text  # the director of publication: a person's name, and their role
    host: Text
    host_address: str
    email: str
    accessibility: str  # one of STATUSES
    statement_date: datetime.date

    def text(self, field: str, lang: str) -> str:
        """A per-language field in `lang`."""
        values = dict(getattr(self, field))
        return values.get(lang) or next(iter(values.values()))


@dataclass(frozen=True)
class _Reader:
    """Reads one part of site.yaml and records what is wrong, at its line."""

    text: str
    path: str
    problems: list

    def fail(self, key: str, message: str) -> None:
        self.problems.append(error(self.path, key_line(self.text, key), message))

    def mapping(self, data: dict, key: str, fields: tuple[str, ...], why: str) -> dict | None:
        value = data.get(key)
        if value is None:
            self.problems.append(error(self.path, 1, f"'{key}' is missing: {why}"))
            return None
        if not isinstance(value, dict):
            self.fail(key, f"'{key}' must be a mapping with {', '.join(fields)}")
            return None
        for name in value:
            if name not in fields:
                self.fail(key, f"'{key}' has an unknown field '{name}'{did_you_mean(name, fields)}")
        missing = [name for name in fields if value.get(name) in (None, "")]
        if missing:
            self.fail(key, f"'{key}' needs {' and '.join(repr(m) for m in missing)}: {why}")
            return None
        return value

    def words(self, value, key: str, languages: tuple[str, ...], why: str = "") -> Text | None:
        if value is None and why:
            self.problems.append(error(self.path, 1, f"'{key}' is missing: {why}"))
            return None
        if isinstance(value, str) and value.strip():
            return tuple((lang, value.strip()) for lang in languages)
        if (isinstance(value, dict) and set(value) == set(languages)
                and all(isinstance(v, str) and v.strip() for v in value.values())):
            return tuple(sorted((k, v.strip()) for k, v in value.items()))
        self.fail(key, f"'{key}' must be a text, or a text for each of {', '.join(languages)}")
        return None


def read_legal(data: dict, text: str, path: str, languages: tuple[str, ...]
               ) -> tuple[Legal | None, list[Problem]]:
    """The legal facts of site.yaml; each one missing or malformed is an error at its line."""
    reader = _Reader(text, path, [])
    parts = {
        "publisher": reader.mapping(data, "publisher", ("name", "address"),
                                    "the legal notice names who publishes the site, and where"),
        "director": reader.words(data.get("director"), "director", languages,
                                 "the legal notice names the director of publication"),
        "host": reader.mapping(data, "host", ("name", "address"),
                               "the legal notice names who hosts the site, and where"),
        "contact": reader.mapping(data, "contact", ("email",), "the contact page and the "
                                  "accessibility statement give an e-mail address"),
        "accessibility": reader.mapping(data, "accessibility", ("status", "date"),
                                        "decree 2019-768 asks every page to state the site's "
                                        "accessibility conformity"),
    }
    legal = _facts(reader, parts, languages)
    return (None if reader.problems else legal), reader.problems


def _facts(reader: _Reader, parts: dict, languages: tuple[str, ...]) -> Legal | None:
    email = status = when = None
    if parts["contact"] is not None:
        email = str(parts["contact"]["email"]).strip()
        if not _EMAIL.fullmatch(email):
            reader.fail("contact", f"contact email '{email}' is not an e-mail address")
    if parts["accessibility"] is not None:
        status, when = _conformity(reader, parts["accessibility"])
    publisher, host = parts["publisher"], parts["host"]
    names = (reader.words(publisher["name"], "publisher", languages) if publisher else None,
             reader.words(host["name"], "host", languages) if host else None)
    if reader.problems or None in names or None in parts.values():
        return None
    return Legal(names[0], str(publisher["address"]).strip(), parts["director"], names[1],
                 str(host["address"]).strip(), email, status, when)


def _conformity(reader: _Reader, access: dict) -> tuple[str, datetime.date | None]:
    status, when = str(access["status"]), access["date"]
    if status not in STATUSES:
        reader.fail("accessibility", f"accessibility status '{status}' is not one of "
                    f"{', '.join(STATUSES)}{did_you_mean(status, STATUSES)}")
    if isinstance(when, str):
        try:
            when = datetime.date.fromisoformat(when)
        except ValueError:
            pass
    if not isinstance(when, datetime.date):
        reader.fail("accessibility", f"accessibility date '{when}' is not a date (YYYY-MM-DD)")
        when = None
    return status, when
