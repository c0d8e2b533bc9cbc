"""The small bilingual fixture builds to exactly the reviewed output in tests/golden/,
with and without the Markdown cache. Regenerate with `python3 tests/golden.py`."""

import pytest
from golden import GOLDEN, build_fixture, published_files


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_fixture_matches_golden_output(tmp_path, cached):
    cache = tmp_path / "cache" if cached else None
    output = tmp_path / "output"
    build_fixture(output, cache)
    if cached:  # the second build is served from the cache filled by the first
        build_fixture(output, cache)
    expected = published_files(GOLDEN)
    actual = published_files(output)
    assert sorted(actual) == sorted(expected)
    for rel in expected:
        assert actual[rel] == expected[rel], f"{rel} differs: run python3 tests/golden.py"
