"""The preview serves the built site and nothing else, over a real server on 127.0.0.1."""

from __future__ import annotations

import pytest
from conftest import write_tree
from test_serve import Running

from duosite.preview.files import answer
from duosite.publish.folder import MARKER


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A preview of the mini fixture site, with a hidden file put in its folder."""
    running = Running(tmp_path_factory.mktemp("preview"))
    (running.root / ".preview" / "en" / ".notes.txt").write_text("private")
    yield running
    running.stop()


@pytest.mark.parametrize("path", ["//en", "//en/", "///en", "//example.org", "//example.org/",
                                  "/%2F%2Fexample.org", "/\\example.org", "//127.0.0.2/en"])
def test_no_request_is_redirected_to_another_host(server, path):
    status, headers, _ = server.get(path)
    location = headers.get("Location", "")
    assert not location.startswith(("//", "/\\", "http")), (path, status, location)
    if status in (301, 302):
        assert location == "/en/"


@pytest.mark.parametrize("path", [f"/{MARKER}", "/en/.notes.txt", "/.preview.previous/",
                                  "/../build.py", "/%2e%2e/build.py", "/en/%2E%2E/%2e%2e/build.py",
                                  "/..%2fbuild.py", "/en/..%5c..%5cbuild.py", "/duosite/serve.py"])
def test_hidden_files_and_paths_out_of_the_build_are_not_found(server, path):
    status, _, body = server.get(path)
    assert status == 404, path
    assert b"private" not in body and b"import" not in body


def test_the_built_pages_are_served(server):
    assert server.get("/en/")[0] == 200
    assert server.get("/en")[:2][0] == 302 and server.get("/en")[1]["Location"] == "/en/"


def test_a_folder_without_the_build_marker_is_never_served(tmp_path):
    folder = write_tree(tmp_path / "somewhere", {"index.html": "<p>not a build</p>"})
    assert answer(folder, "") is None  # the preview answers 'No preview yet' instead
    (folder / MARKER).write_text("")
    assert answer(folder, "").body == b"<p>not a build</p>"
