"""YAML problems carry their line and column with libyaml's parser and without it."""

import importlib

import pytest
import yaml

from duosite.text import yamltext


@pytest.fixture(params=["libyaml", "pure"])
def parse(request, monkeypatch):
    """parse_yaml as built on libyaml, and as built where PyYAML lacks it."""
    if request.param == "pure":
        monkeypatch.delattr(yaml, "CSafeLoader")
    module = importlib.reload(yamltext)
    yield module.parse_yaml
    monkeypatch.undo()
    importlib.reload(yamltext)


def test_the_fast_parser_is_used_where_pyyaml_has_it():
    assert issubclass(yamltext.Loader, yaml.CSafeLoader)


@pytest.mark.parametrize(("text", "line", "col", "message"), [
    ("title: A\ntitle: B\n", 2, 1, "invalid YAML: key 'title' is given twice; keep one"),
    ("weight: !!int abc\n", 1, 9, "invalid YAML: 'abc' is not a valid int (invalid literal "
                                  "for int() with base 10: 'abc')"),
])
def test_value_problems_read_the_same_with_either_parser(parse, text, line, col, message):
    value, problems = parse(text, "data/x.yaml")
    assert value is None
    assert [(p.line, p.col, p.message) for p in problems] == [(line, col, message)]


def test_a_syntax_error_points_at_the_open_bracket_with_either_parser(parse):
    _, problems = parse("title: A\ntags: [a, b\nweight: 3\n", "data/x.yaml", first_line=2)
    assert [(p.line, p.col) for p in problems] == [(3, 7)]
    assert problems[0].message.startswith("invalid YAML: while parsing a flow sequence")


def test_deep_nesting_is_one_problem_not_a_crash_with_either_parser(parse):
    _, problems = parse("[" * 2000 + "]" * 2000, "data/deep.yaml")
    assert len(problems) == 1 and problems[0].message.startswith("invalid YAML: ")
