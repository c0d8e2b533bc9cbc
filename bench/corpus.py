"""Deterministic bilingual benchmark corpus in the project's content format."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SECTIONS = 20

EN_WORDS = """
the of and to in a is that for on with as by at from this are be it an or which their
research laboratory partnership science data energy climate network model system analysis
university institute team project results method process study structure design public
industry region national international support innovation discovery program policy funding
health biology chemistry physics mathematics ecology society history language culture
material quantum cell protein genome ocean atmosphere sensor signal algorithm computation
measurement experiment theory instrument platform archive survey population evolution
students researchers engineers partners authorities ministries companies start-ups patents
shared joint open new major strategic regional global local long-term scientific technical
develops supports builds measures explores combines improves creates studies observes
through across between within under over after before during while because although
resources infrastructure facility observatory campus programme agency council committee
knowledge training transfer licence contract agreement collaboration exchange mobility
carbon water soil forest biodiversity materials robotics imaging optics photonics plasma
statistics modelling simulation storage security privacy archives heritage economy law
""".split()

FR_WORDS = """
le la les de des du et à en un une est que pour sur avec par dans au aux qui ce cette
recherche laboratoire partenariat science données énergie climat réseau modèle système
analyse université institut équipe projet résultats méthode procédé étude structure
conception public industrie région national international soutien innovation découverte
programme politique financement santé biologie chimie physique mathématiques écologie
société histoire langue culture matériau quantique cellule protéine génome océan
atmosphère capteur signal algorithme calcul mesure expérience théorie instrument
plateforme archive enquête population évolution étudiants chercheurs ingénieurs
partenaires autorités ministères entreprises brevets partagé commun ouvert nouveau majeur
stratégique régional mondial local scientifique technique développe soutient construit
mesure explore associe améliore crée étudie observe grâce à travers entre pendant après
avant parce que bien que ressources infrastructure équipement observatoire campus agence
conseil comité connaissance formation transfert licence contrat accord collaboration
échange mobilité carbone eau sol forêt biodiversité matériaux robotique imagerie optique
photonique plasma statistiques modélisation simulation stockage sécurité vie privée
patrimoine économie droit élève été déjà très où ça côte façon à-côté événement réussite
""".split()

HEADINGS = {"en": ("Overview", "Key results", "Next steps"),
            "fr": ("Présentation", "Résultats clés", "Prochaines étapes")}


@dataclass(frozen=True)
class Corpus:
    """A generated content tree and the facts a benchmark needs about it."""

    content: Path
    pairs: int
    sections: int
    edit_target: Path

    @property
    def source_pages(self) -> int:
        """Number of Markdown pages: pairs, section indexes and the home page, both languages."""
        return 2 * (self.pairs + self.sections + 1)


def section_of(index: int, sections: int) -> str:
    """Folder name of the section that holds page `index`."""
    return f"s{index % sections + 1:02d}"


def page_name(index: int) -> str:
    """File stem (without language) of page `index`."""
    return f"page{index:04d}"


def ascii_slug(words: list[str], suffix: str) -> str:
    """Lower-case ASCII slug from words, accents folded, with a unique suffix."""
    text = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode()
    parts = ["".join(c for c in w if c.isalnum()) for w in text.lower().split()]
    return "-".join([p for p in parts if p][:4] + [suffix])


def sentence(rng: random.Random, vocab: list[str], low: int = 8, high: int = 18) -> str:
    """One capitalised sentence, sometimes with emphasis, ending with a full stop."""
    words = rng.choices(vocab, k=rng.randint(low, high))
    words[0] = words[0][0].upper() + words[0][1:]
    roll = rng.random()
    if roll < 0.18:
        at = rng.randrange(len(words))
        words[at] = f"*{words[at]}*"
    elif roll < 0.30 and len(words) > 3:
        at = rng.randrange(len(words) - 1)
        words[at:at + 2] = [f"**{words[at]} {words[at + 1]}**"]
    if rng.random() < 0.25:
        words[len(words) // 2] += ","
    return " ".join(words) + "."


def paragraph(rng: random.Random, vocab: list[str], words: int, links: tuple[str, ...] = ()) -> str:
    """A paragraph of about `words` words with the given Markdown links woven in."""
    sentences: list[str] = []
    count = 0
    while count < words:
        sentences.append(sentence(rng, vocab))
        count += len(sentences[-1].split())
    for link in links:
        at = rng.randrange(len(sentences))
        sentences[at] = f"{sentences[at].rstrip('.')} {link}."
    return " ".join(sentences)


def title(rng: random.Random, vocab: list[str], low: int = 3, high: int = 6) -> list[str]:
    """Words of a title, content words preferred."""
    long_words = [w for w in vocab if len(w) > 4]
    return rng.sample(long_words, rng.randint(low, high))


def link_targets(seed: int, index: int, pairs: int, sections: int) -> list[tuple[str, str]]:
    """3–5 (kind, source path) links from page `index` to other pages, same for both languages."""
    rng = random.Random(f"{seed}:links:{index}")
    count = rng.randint(3, 5)
    others = [j for j in rng.sample(range(pairs), min(pairs, count + 1)) if j != index][:count]
    links = []
    for n, j in enumerate(others):
        path = f"{section_of(j, sections)}/{page_name(j)}.md"
        if n == 1 or (n > 2 and rng.random() < 0.5):
            links.append(("relative", f"../{path}"))
        elif n == 2:
            links.append(("fragment", f"/{path}#sec-2"))
        else:
            links.append(("absolute", f"/{path}"))
    return links


def markdown_links(
    rng: random.Random, vocab: list[str], targets: list[tuple[str, str]]
) -> list[str]:
    """Markdown link syntax for each target, with 2–4 words of link text."""
    return [f"[{' '.join(rng.choices(vocab, k=rng.randint(2, 4)))}]({path})"
            for _, path in targets]


def bullet_list(rng: random.Random, vocab: list[str], ordered: bool) -> str:
    """A bulleted or numbered list of 4–6 short items."""
    items = [" ".join(rng.choices(vocab, k=rng.randint(5, 10))) for _ in range(rng.randint(4, 6))]
    lines = [f"{f'{n}.' if ordered else '-'} {item[0].upper()}{item[1:]}"
             for n, item in enumerate(items, start=1)]
    return "\n".join(lines)


def table(rng: random.Random, vocab: list[str]) -> str:
    """A small three-column Markdown table with numbers."""
    head = [w.capitalize() for w in rng.sample(vocab, 3)]
    rows = ["| " + " | ".join(head) + " |", "|---|---|---:|"]
    for _ in range(4):
        rows.append(f"| {rng.choice(vocab)} | {rng.choice(vocab)} | {rng.randint(1, 9999)} |")
    return "\n".join(rows)


def front_matter(fields: dict[str, str | int]) -> str:
    """YAML front matter between `---` lines; strings are double-quoted."""
    lines = [f'{key}: "{value}"' if isinstance(value, str) else f"{key}: {value}"
             for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def page_body(rng: random.Random, lang: str, links: list[str]) -> str:
    """About 600 words of Markdown: headings with ids, lists, a table, emphasis, links."""
    vocab = EN_WORDS if lang == "en" else FR_WORDS
    h1, h2, h3 = HEADINGS[lang]
    sub = [" ".join(title(rng, vocab, 2, 4)).capitalize() for _ in range(2)]
    blocks = [
        paragraph(rng, vocab, 55, tuple(links[:1])),
        paragraph(rng, vocab, 45),
        f"## {h1} {{#sec-1}}",
        paragraph(rng, vocab, 60, tuple(links[1:2])),
        f"### {sub[0]}",
        paragraph(rng, vocab, 50),
        bullet_list(rng, vocab, ordered=False),
        f"## {h2} {{#sec-2}}",
        paragraph(rng, vocab, 60, tuple(links[2:3])),
        bullet_list(rng, vocab, ordered=True),
        f"### {sub[1]}",
        table(rng, vocab),
        paragraph(rng, vocab, 50),
        f"## {h3} {{#sec-3}}",
        paragraph(rng, vocab, 60, tuple(links[3:])),
        paragraph(rng, vocab, 50),
    ]
    return "\n\n".join(blocks) + "\n"


def page_text(seed: int, index: int, lang: str, pairs: int, sections: int) -> str:
    """Whole source text of page `index` in `lang`."""
    rng = random.Random(f"{seed}:{lang}:{index}")
    vocab = EN_WORDS if lang == "en" else FR_WORDS
    words = title(rng, vocab)
    fields: dict[str, str | int] = {
        "title": " ".join(words).capitalize(),
        "description": sentence(rng, vocab, 10, 16),
        "weight": index // sections + 1,
    }
    if lang == "fr":
        fields["slug"] = ascii_slug(words, f"{index:04d}")
    links = markdown_links(rng, vocab, link_targets(seed, index, pairs, sections))
    return front_matter(fields) + "\n" + page_body(rng, lang, links)


def index_text(seed: int, name: str, lang: str, slug: str | None, links: list[str]) -> str:
    """Source text of a section index or the home page: front matter and a short body."""
    rng = random.Random(f"{seed}:{lang}:{name}")
    vocab = EN_WORDS if lang == "en" else FR_WORDS
    words = title(rng, vocab, 2, 4)
    fields: dict[str, str | int] = {"title": " ".join(words).capitalize(),
                                    "description": sentence(rng, vocab, 8, 12)}
    if slug:
        fields["slug"] = slug
    body = paragraph(rng, vocab, 60, tuple(links))
    return front_matter(fields) + "\n" + body + "\n"


def write_corpus(root: Path, pairs: int, seed: int = 1, sections: int = SECTIONS) -> Corpus:
    """Write `root/content/` with `pairs` page pairs over `sections` section folders."""
    content = root / "content"
    sections = min(sections, pairs)
    for s in range(sections):
        folder = content / section_of(s, sections)
        folder.mkdir(parents=True, exist_ok=True)
        for lang in ("en", "fr"):
            slug = f"rubrique-{s + 1:02d}" if lang == "fr" else None
            text = index_text(seed, folder.name, lang, slug, [])
            (folder / f"_index.{lang}.md").write_text(text, encoding="utf-8")
    for i in range(pairs):
        folder = content / section_of(i, sections)
        for lang in ("en", "fr"):
            text = page_text(seed, i, lang, pairs, sections)
            (folder / f"{page_name(i)}.{lang}.md").write_text(text, encoding="utf-8")
    home_links = [f"[{section_of(i, sections)}](/{section_of(i, sections)}/{page_name(i)}.md)"
                  for i in range(min(pairs, 3))]
    for lang in ("en", "fr"):
        text = index_text(seed, "home", lang, None, home_links)
        (content / f"index.{lang}.md").write_text(text, encoding="utf-8")
    edit = content / section_of(pairs // 2, sections) / f"{page_name(pairs // 2)}.en.md"
    return Corpus(content, pairs, sections, edit)
