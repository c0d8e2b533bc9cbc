"""Python-Markdown's inline stage, minus the patterns that cannot match a piece of text.

Python-Markdown tries each of its ~17 inline patterns on every piece of text, and for a
typical page most of the time goes to patterns that have nothing to find (no `[` for
links, no `` ` `` for code). Each pattern below needs a character sequence without which
its regular expression cannot match; skipping it when that sequence is absent gives the
same HTML. `tests/test_markup.py` checks that on every page of the site.
"""

from __future__ import annotations

import markdown
from markdown import treeprocessors, util

NEEDS = {  # pattern name -> text at least one of which its expression requires
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[^",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("://",),
    "automail": ("@",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
}


class SkippingInlineProcessor(treeprocessors.InlineProcessor):
    """The stock inline processor, skipping patterns whose required text is absent."""

    def run(self, tree, ancestors=None):
        """Look up what each registered pattern needs, then process as usual."""
        self.needs = {id(self.inlinePatterns[name]): needs for name, needs in NEEDS.items()
                      if name in self.inlinePatterns}
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        start, count = 0, len(self.inlinePatterns)
        apply = self._InlineProcessor__applyPattern
        while patternIndex < count:
            pattern = self.inlinePatterns[patternIndex]
            needs = self.needs.get(id(pattern))
            if needs is not None and not any(n in data for n in needs):
                patternIndex, start = patternIndex + 1, 0  # as after a pattern that found nothing
                continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def use_skipping_inline(engine: markdown.Markdown) -> markdown.Markdown:
    """Replace an engine's inline stage with the skipping one, at the same priority."""
    engine.treeprocessors.register(SkippingInlineProcessor(engine), "inline", 20)
    return engine
