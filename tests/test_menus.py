"""Menus as editors write them: `menu: true`, a label, a menu name, or a mapping with a parent
and a weight; children nest in the main navigation, footer entries join the legal links."""

import re

from conftest import SITE_SETTINGS as SITE


def page(title: str, menu: str = "", **more: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in more.items())
    return f"---\ntitle: {title}\n{f'menu: {menu}' + chr(10) if menu else ''}{extra}---\nText.\n"


def tree(**pages: tuple[str, str]) -> dict:
    """Both languages of each page: name=(English menu value, French menu value)."""
    files = {"site.yaml": SITE, "index.en.md": page("Home"), "index.fr.md": page("Accueil")}
    for name, (en, fr) in pages.items():
        files[f"{name.replace('__', '/')}.en.md"] = page(name.title(), en)
        files[f"{name.replace('__', '/')}.fr.md"] = page(name.title() + " FR", fr)
    return files


def main_nav(html: str) -> str:
    return re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)


def test_children_nest_under_their_parent_by_weight_with_each_languages_label(site):
    site.write(tree(
        industry=("true", "Entreprises"),
        energy=("{parent: industry, weight: 2}", "{parent: industry, weight: 2, label: Énergie}"),
        health=("{parent: industry, weight: 1, label: Health care}",
                "{parent: industry, weight: 1, label: Santé}"),
        talents=("main", "main"))).build()
    nav = main_nav(site.page("/en/energy/"))
    submenu = re.search(r'Industry</a><ul class="submenu">(.*?)</ul>', nav, re.S).group(1)
    assert re.findall(r">([^<>]+)</a>", submenu) == ["Health care", "Energy"]
    assert 'aria-current="page">Energy<' in submenu
    assert re.search(r'aria-current="true">Industry<', nav)  # the ancestor of the current page
    assert ">Talents</a>" in nav and ">main</a>" not in nav  # a menu name, not a label
    french = main_nav(site.page("/fr/energy/"))
    assert re.findall(r'<ul class="submenu">.*?>(Santé)</a>.*?>(Énergie)</a>', french, re.S)
    assert ">Entreprises</a>" in french


def test_footer_entries_join_the_legal_links_and_stay_out_of_the_main_menu(site):
    site.write(tree(press=("footer", "{name: footer, label: Presse}"), industry=("true", "true")))
    site.build()
    html = site.page("/en/industry/")
    footer = html[html.index('<ul class="footer-links">'):]
    assert re.search(r'<a href="/partners/en/press/">Press</a>', footer)
    assert "Legal notice" in footer
    assert ">Press</a>" not in main_nav(html)
    assert ">Presse</a>" in site.page("/fr/industry/")


def test_wrong_menu_values_name_the_line_and_suggest(site):
    site.write(tree(
        industry=("true", "true"),
        energy=("{parent: industy}", "{parent: industry}"),
        health=("{nmae: footer}", "{name: fotter}"),
        alpha=("{parent: beta}", "true"), beta=("{parent: alpha}", "true"),
        talents=("42", "true")))
    problems = site.errors()
    assert ("energy.en.md:3: menu: parent 'industy' is not a page of the main "
            "menu; did you mean 'industry'?") in problems
    assert ("health.en.md:3: front matter: 'menu' has an unknown key 'nmae'; "
            "did you mean 'name'?") in problems
    assert ("health.fr.md:3: front matter: 'menu' name 'fotter' is not a menu (main, footer); "
            "did you mean 'footer'?") in problems
    assert any(p.startswith("alpha.en.md:3: menu: parent 'beta' leads back to "
                            "this page") for p in problems)
    assert any(p.startswith("talents.en.md:3: front matter: 'menu' must be true, "
                            "a menu name") for p in problems)
