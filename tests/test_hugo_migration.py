"""Moving a Hugo site across: scripts/hugo_to_duosite.py on inline trees and a real site."""

import re
import shutil
import sys
from datetime import date, datetime, timedelta, timezone

import yaml
from conftest import ROOT, TinySite, write_tree

sys.path.insert(0, str(ROOT / "scripts"))
import hugo_to_duosite  # noqa: E402
from hugo_frontmatter import convert_meta, split_front_matter  # noqa: E402
from hugo_shortcodes import Context, convert_body  # noqa: E402

LEARN = ROOT / "tests/data/hugo-learn"  # hugo-theme-learn's example site, MIT (see README)
LEGAL = """
publisher: {name: Example centre, address: "1 rue de l’Exemple, 75000 Paris"}
director: Ada Example
host: {name: Example Hosting, address: "2 rue de l’Hôte, 69000 Lyon"}
contact: {email: team@example.org}
accessibility: {status: non-compliant, date: 2026-01-15}
"""


def body(text: str, lang: str = "en", pages: dict | None = None) -> tuple[str, list]:
    context = Context(lang, lambda target: (pages or {}).get(target))
    return convert_body(text, 5, "Title", context), context.notes


def front(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_toml_yaml_and_json_front_matter_are_read_with_the_body_line():
    meta, rest, line, _ = split_front_matter('+++\ntitle = "A"\ndate = 2024-01-20\n+++\n\nText\n')
    assert (meta, rest, line) == ({"title": "A", "date": date(2024, 1, 20)}, "Text\n", 6)
    meta, rest, line, _ = split_front_matter("---\ntitle: B\n---\nText\n")
    assert (meta, rest, line) == ({"title": "B"}, "Text\n", 4)
    meta, rest, _, _ = split_front_matter('{"title": "C"}\nText\n')
    assert (meta, rest) == ({"title": "C"}, "Text\n")
    assert split_front_matter("+++\ntitle = 1\n")[3] == [(1, "front matter is not closed", True)]


def test_front_matter_keys_are_mapped_and_the_rest_kept_as_comments():
    meta = {"title": "News", "lastmod": "2024-02-01 10:00:00 +0100", "date": "2024-01-20",
            "translationKey": "news", "menu": {"main": {"weight": 3, "name": "Latest"}},
            "tags": ["a", "b"], "url": "/old/news", "weight": "", "draft": False,
            "aliases": ["/2019/news.html"]}
    out, comments, notes = convert_meta(meta, "News")
    assert out == {"title": "News", "updated": datetime(2024, 2, 1, 10, tzinfo=timezone(
        timedelta(hours=1))), "draft": False, "date": datetime(2024, 1, 20), "menu": "Latest",
        "weight": 3, "aliases": ["/2019/news.html", "/old/news/"]}
    assert comments == ['tags: ["a", "b"]']
    assert [edit for _, _, edit in notes] == [False, False]  # nothing needs a hand


def test_a_url_naming_a_file_stays_that_file_as_an_alias():
    out, _, _ = convert_meta({"title": "Old", "url": "/archive/old.html"}, "Old")
    assert out["aliases"] == ["/archive/old.html"]


def test_a_page_without_a_title_is_named_after_its_file_and_says_so():
    out, _, notes = convert_meta({"menu": ["main", "footer"]}, "Site policies")
    assert out == {"menu": True, "title": "Site policies"}
    assert [m for _, m, edit in notes if edit] == [
        "menu 'footer': only the main menu is read here",
        "no title: named 'Site policies' after its file; check it"]


def test_common_shortcodes_become_markdown_or_html():
    text = ('{{< youtube w7Ft2ymGmfc >}}\n\n{{< figure src="/img/a.jpg" alt="A lab" '
            'caption="Credit: CNRS" >}}\n\nSee [this]({{< ref "about.md" >}}).\n\n'
            '{{< highlight python "linenos=table" >}}\nprint(1)\n{{< / highlight >}}\n')
    html, notes = body(text, "fr", {"about.md": "/about.md"})
    assert html == ("[Voir la vidéo sur YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)"
                    '\n\n<figure>\n<img src="/img/a.jpg" alt="A lab">\n<figcaption>Credit: CNRS'
                    "</figcaption>\n</figure>\n\nSee [this](/about.md).\n\n```python\nprint(1)"
                    "\n```\n")
    assert notes == []


def test_notices_and_expand_become_html_blocks_holding_markdown():
    html, _ = body('{{% notice tip %}}\nA *tip*\n{{% /notice %}}\n\n'
                   '{{% expand "More" %}}Hidden{{% /expand %}}\n')
    assert html == ('<div class="notice notice-tip">\n\nA *tip*\n\n</div>\n\n'
                    "<details>\n<summary>More</summary>\n\nHidden\n\n</details>\n")


def test_unknown_shortcodes_and_missing_refs_are_listed_with_their_lines():
    html, notes = body("Intro\n\n{{< tweet 123 >}}\n[x]({{< relref \"gone.md\" >}})\n")
    assert notes == [(7, "shortcode 'tweet' has no equivalent here: rewrite it in Markdown or "
                         "HTML", True), (8, "relref 'gone.md': no such page in the tree", True)]
    assert "{{< tweet 123 >}}" in html


def test_escaped_shortcodes_are_shown_as_written_and_the_title_heading_dropped():
    html, notes = body("# Title\n\n```\n{{</* youtube id */>}}\n```\n# Other\n")
    assert html == "\n\n```\n{{< youtube id >}}\n```\n## Other\n"
    assert notes[0][1].startswith("headings moved one level down")


def test_content_folders_pair_by_translation_key_and_keep_the_french_url(tmp_path):
    write_tree(tmp_path / "hugo", {
        "config.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'
                       '[languages.en]\ntitle = "Partners"\n'
                       '[languages.fr]\ntitle = "Partenaires"\n',
        "content/en/about.md": "---\ntitle: About\ntranslationKey: about\nmenu: main\n---\n"
                               "Who we are. See [news]({{< ref \"news\" >}}).\n",
        "content/fr/a-propos.md": "---\ntitle: À propos\ntranslationKey: about\n---\nQui.\n",
        "content/en/news/_index.md": "---\ntitle: News\n---\n",
        "content/en/news/first/index.md": "---\ntitle: First\ndate: 2024-01-20\n---\n"
                                          "![Team](team.jpg)\n",
        "content/en/news/first/team.jpg": b"\xff\xd8jpeg",
        "content/en/404.md": "---\ntitle: Not found\nlayout: '404'\nurl: /404.html\n---\n",
    })
    notes = hugo_to_duosite.convert_site(tmp_path / "hugo", tmp_path / "out")
    out = tmp_path / "out"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "about.en.md", "about.fr.md", "news/_index.en.md", "news/first.en.md",
        "news/first/team.jpg", "site.yaml"]
    assert front((out / "about.fr.md").read_text()) == {"slug": "a-propos", "title": "À propos"}
    assert "See [news](/news/)." in (out / "about.en.md").read_text()
    assert "![Team](/news/first/team.jpg)" in (out / "news/first.en.md").read_text()
    assert yaml.safe_load((out / "site.yaml").read_text()) == {
        "name": {"en": "Partners", "fr": "Partenaires"}, "base_url": "https://example.org"}
    assert ("en/404.md", 1, "Hugo's 'page not found' page: left out, the build publishes its "
            "own in each language (templates/404.html)", False) in notes
    assert [n for n in notes if n[3]] == [("site.yaml", 1, "add the publisher, director, host, "
                                           "contact and accessibility facts the build requires "
                                           "(see docs/content.md)", True)]


def test_a_file_that_is_not_utf8_or_a_broken_configuration_is_one_line(tmp_path, capsys):
    write_tree(tmp_path, {"hugo/content/a.fr.md": b"---\ntitle: caf\xe9\n---\n",
                          "hugo/content/b.md": "---\ntitle: B\n---\n"})
    assert hugo_to_duosite.main([str(tmp_path / "hugo"), str(tmp_path / "out")]) == 1
    assert "a.fr.md:1: not UTF-8 text: save it as UTF-8 and convert again" in \
        capsys.readouterr().out
    write_tree(tmp_path, {"hugo/config.toml": "title = = 1\n"})
    assert hugo_to_duosite.main([str(tmp_path / "hugo"), str(tmp_path / "out2")]) == 2
    assert "the Hugo configuration cannot be read" in capsys.readouterr().err


def test_the_script_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    write_tree(tmp_path, {"hugo/content/a.md": "---\ntitle: A\n---\n", "out/x": "x"})
    assert hugo_to_duosite.main([str(tmp_path / "hugo"), str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.endswith("out: not empty: give a new folder\n")


def test_a_real_bilingual_hugo_site_converts_with_its_leftovers_listed(tmp_path, capsys):
    status = hugo_to_duosite.main([str(LEARN), str(tmp_path / "content")])
    printed = capsys.readouterr().out.splitlines()
    assert status == 1
    assert printed[-1] == f"Converted 17 pages into {tmp_path / 'content'}: 15 things to edit, " \
                          "17 notes"
    edits = [line for line in printed[:-1] if ": note: " not in line]
    # the excerpt leaves out pages its home page links to: each link is named, with its line
    assert sum("no such page in the tree" in line for line in edits) == 14
    assert "_index.fr.md:19: relref 'basics/configuration/_index.md#activer-recherche': no " \
           "such page in the tree" in edits
    assert "basics/_index.zh.md:1: note: not in English or French: left out" in printed


def test_the_converted_real_site_builds_once_its_legal_facts_are_given(tmp_path):
    hugo_to_duosite.convert_site(LEARN, tmp_path / "content")
    site = tmp_path / "content" / "site.yaml"
    site.write_text(site.read_text() + LEGAL.lstrip())
    for page in (tmp_path / "content").rglob("*.md"):
        page.write_text(re.sub(r"\]\((?:cont|basics|shortcodes)/[^)]*\)", "](/)",  # left out
                               page.read_text()))
    TinySite(tmp_path).build()
    html = TinySite(tmp_path).page("/fr/shortcodes/notice/")
    assert '<div class="notice notice-note">' in html and "<em>note</em>" in html
    assert "{{" not in re.sub(r"<pre>.*?</pre>", "", html, flags=re.DOTALL)  # examples only
    assert "Documentation du thème Hugo Learn" in html
    shutil.rmtree(tmp_path / "output")
