"""Published XSS vectors in a page, a lab summary and a lab website: each is refused with
a `path:line` error or published inert (checked by a parser of the test's own)."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import TinySite
from xss import FAMILIES, dangers, main_of, vectors

from duosite.markdown import markup
from duosite.problems import BuildFailed
from duosite.render.sanitize import sanitize, untrusted_markdown

HOME = {"index.en.md": "---\ntitle: Home\n---\nHome.\n",
        "index.fr.md": "---\ntitle: Accueil\n---\nAccueil.\n"}
ERROR = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+)(:\d+)?: (?!warning: )")


def sample(step: int) -> list[str]:
    """Every `step`-th published vector, and every family the project names."""
    return vectors()[::step] + FAMILIES if step > 1 else vectors()


def test_every_vector_is_inert_once_sanitised():
    everything = vectors()
    assert len(everything) > 6000
    left = [v for v in everything if dangers(sanitize(markup.convert(v)).html)]
    assert left == []
    assert [v for v in everything if dangers(untrusted_markdown(v).html)] == []


def test_the_families_named_are_all_refused_not_merely_cleaned():
    quiet = [v for v in FAMILIES if not any(r.dangerous for r in
                                            sanitize(markup.convert(v)).removed)]
    assert quiet == []


def refused_then_published(tmp_path, files: dict[str, str], first_line: dict[str, int]):
    """Build; every error must point at a written file and line; build again without them
    (a stage's errors stop the build before the next stage's are found: a few rounds)."""
    refused, kept = {}, dict(files)
    for round_ in range(4):
        site = TinySite(tmp_path / f"round-{round_}").write({**HOME, **kept})
        try:
            site.build()
            return site, refused, kept
        except BuildFailed as failed:
            for problem in failed.errors:
                assert problem.path in files, str(problem)
                assert problem.line >= first_line[problem.path], str(problem)
                refused[problem.path] = str(problem)
        kept = {path: text for path, text in files.items() if path not in refused}
    raise AssertionError("the build still fails after removing every file it named")


def check_pages(tmp_path, step: int) -> None:
    pages = {f"v{n:04}.en.md": f"---\ntitle: Vector {n}\n---\nIntro.\n\n{vector}\n"
             for n, vector in enumerate(sample(step))}
    site, refused, kept = refused_then_published(tmp_path, pages, dict.fromkeys(pages, 4))
    assert refused and kept
    for path in kept:
        page = site.page(f"/en/{path.removesuffix('.en.md')}/")
        assert dangers(main_of(page)) == [], path


def check_labs(tmp_path, step: int, field: str) -> None:
    labs = {}
    for n, vector in enumerate(sample(step)):
        record = {"code": f"V {n}", "name": {"fr": f"Vecteur {n}"}}
        record[field] = {"fr": vector} if field == "summary" else vector
        labs[f"labs/v{n:04}.yaml"] = yaml.safe_dump(record, allow_unicode=True)
    lines = {path: 1 for path in labs}
    site, refused, kept = refused_then_published(tmp_path, labs, lines)
    if field == "website":  # only http(s) addresses are websites: the rest is refused
        assert all("website '" in message for message in refused.values())
    for path in kept:
        page = site.page(f"/fr/labs/{path[5:-5]}/")
        assert dangers(main_of(page)) == [], path


def test_a_sample_of_vectors_in_pages(tmp_path):
    check_pages(tmp_path, step=10)


def test_a_sample_of_vectors_in_lab_summaries(tmp_path):
    check_labs(tmp_path, step=10, field="summary")


def test_a_sample_of_vectors_as_lab_websites(tmp_path):
    check_labs(tmp_path, step=10, field="website")


@pytest.mark.gate
@pytest.mark.parametrize("field", ["page", "summary", "website"])
def test_every_vector(tmp_path, field):
    if field == "page":
        check_pages(tmp_path, step=1)
    else:
        check_labs(tmp_path, step=1, field=field)
