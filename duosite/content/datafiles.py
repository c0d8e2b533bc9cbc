"""The `data/*.yaml` files, available to templates as `data.NAME`, checked where the site
knows their shape (the key figures)."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from ..text.safefiles import read_bytes
from ..text.yamltext import decode_utf8, parse_yaml
from . import figures

check_groups = figures.check_groups


def load_data(content: Path, paths) -> tuple[dict, list[Problem]]:
    """`data/NAME.yaml` files, available to templates as `data.NAME`."""
    data, problems = {}, []
    for rel in paths:
        raw, found = read_bytes(content, rel)
        text, found = decode_utf8(raw, rel) if raw is not None else (None, found)
        if text is not None:
            name = rel.rpartition("/")[2].rpartition(".")[0]
            value, found = parse_yaml(text, rel)
            if name == figures.FILE and not found:
                found = figures.check_key_figures(value, text, rel)
            data[name] = value or {}
        problems += found
    return data, problems
