"""French spacing: no-break spaces before high punctuation and inside guillemets, in text only."""

import pytest

from duosite.render.typography import NBSP, NNBSP, french_spaces, typeset, typeset_html


@pytest.mark.parametrize(("text", "expected"), [
    ("Sources : RNSR", f"Sources{NBSP}: RNSR"),
    ("Quoi ? Oui ! Ici ; là", f"Quoi{NNBSP}? Oui{NNBSP}! Ici{NNBSP}; là"),
    ("Sources: RNSR", f"Sources{NBSP}: RNSR"),  # a missing space is added
    ("Vraiment?", f"Vraiment{NNBSP}?"),
    ("il dit «bonjour»", f"il dit «{NBSP}bonjour{NBSP}»"),
    ("« déjà »", f"«{NBSP}déjà{NBSP}»"),
    (f"Sources{NBSP}: x", f"Sources{NBSP}: x"),  # already right: unchanged
    ("Voir (ci-dessous):", f"Voir (ci-dessous){NBSP}:"),
])
def test_french_spaces(text, expected):
    assert french_spaces(text) == expected


@pytest.mark.parametrize("text", [
    "à 10:30 précises", "https://example.org/page?id=2", "mailto:contact@example.org",
    "ratio 3:2", "1\u202f099 laboratoires", "40,3\u00a0%", "Fin.", "C:\\dossier",
])
def test_times_urls_and_numbers_are_left_alone(text):
    assert french_spaces(text) == text


def test_without_insert_only_existing_spaces_change():
    assert french_spaces("Note: here ; there", insert=False) == f"Note: here{NNBSP}; there"


def test_html_text_and_readable_attributes_are_typeset():
    html = ('<html lang="fr"><head><title>Aide : FAQ</title>'
            '<meta name="description" content="Qui ? Nous."></head>'
            '<body><p title="Note : x">Voir : <a href="https://a.org/?q=1">lien ?</a></p>'
            '</body></html>')
    assert typeset_html(html) == (
        f'<html lang="fr"><head><title>Aide{NBSP}: FAQ</title>'
        f'<meta name="description" content="Qui{NNBSP}? Nous."></head>'
        f'<body><p title="Note{NBSP}: x">Voir{NBSP}: <a href="https://a.org/?q=1">lien{NNBSP}?'
        '</a></p></body></html>')


def test_entities_keep_their_own_semicolon():
    html = "<p>Écologie &amp; Environnement ; d&#39;optique &lt;b&gt; : fin&#x21;</p>"
    assert typeset_html(html) == (f"<p>Écologie &amp; Environnement{NNBSP}; d&#39;optique "
                                  f"&lt;b&gt;{NBSP}: fin&#x21;</p>")


def test_code_scripts_styles_and_comments_are_kept_as_written():
    html = ('<p lang="fr"><code>a : b</code> <kbd>Ctrl :</kbd></p><pre><b>x</b> : y</pre>'
            '<script>if (a<b) { s = " : "; }</script><style>a::after { content: " : "; }</style>'
            '<textarea>x ?</textarea><!-- a : b --> fin ?')
    assert typeset_html(html) == html.replace("fin ?", f"fin{NNBSP}?")


def test_other_languages_inside_a_french_page_get_no_added_space():
    html = ('<p>Nom : <span lang="en">Centre: <b>Physics ?</b> <span>x: y</span> z</span>'
            ' et: fin</p>')
    assert typeset_html(html) == (f'<p>Nom{NBSP}: <span lang="en">Centre: <b>Physics{NNBSP}?'
                                  f'</b> <span>x: y</span> z</span> et{NBSP}: fin</p>')


def test_english_pages_are_untouched():
    assert typeset("<p>Note : this ?</p>", "en") == "<p>Note : this ?</p>"
    assert typeset("<p>Note : ceci ?</p>", "fr") == f"<p>Note{NBSP}: ceci{NNBSP}?</p>"


def test_a_built_french_page_has_no_ordinary_space_before_punctuation(site):
    site.write({
        "index.en.md": "---\ntitle: Home\n---\nSee: this!\n",
        "index.fr.md": "---\ntitle: Accueil\n---\nVoir : ceci ! Et «\u00a0cela\u00a0» ?\n\n"
                       "    code : gardé\n",
        "labs/umr-1.yaml": "code: UMR 1\nname: {fr: 'Laboratoire : essais'}\ncountry: France\n"
                           "summary: {fr: 'Résumé : texte ?'}\n",
    }).build()
    french = site.page("/fr/")
    assert f"Voir{NBSP}: ceci{NNBSP}! Et «{NBSP}cela{NBSP}»{NNBSP}?" in french
    assert "<code>code : gardé" in french
    assert f"Laboratoire{NBSP}: essais" in site.page("/fr/labs/umr-1/")
    assert f"Résumé{NBSP}: texte{NNBSP}?" in site.page("/fr/labs/umr-1/")
    assert "See: this!" in site.page("/en/")
