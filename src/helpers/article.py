"""Read an article as people paste it from the web: plain text, Markdown or a saved HTML page.

`load_article` returns an `Article`: title, dek, byline, outlet, url, date, body paragraphs, and
the page furniture it removed (photo credits, link lists, boxes), which is reported, never analysed.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Article:
    """One news article, split into the parts a reader sees.

    ``paragraphs`` is the analysed body, in order. ``furniture`` lists every piece of page text
    that was removed (credits, "Our Coverage" lists, verification boxes), verbatim, in order.
    ``warnings`` holds non-fatal problems (for example: the text does not look English).
    """

    title: str = ""
    dek: str = ""
    byline: str = ""
    outlet: str = ""
    url: str = ""
    date: str = ""
    paragraphs: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    source: str = "<text>"
    format: str = "text"
    warnings: list[str] = field(default_factory=list)

    PARAGRAPH_SEPARATOR = "\n\n"

    @property
    def body(self) -> str:
        """The analysed text: paragraphs joined by a blank line (offsets in tables refer to it)."""
        return self.PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def words(self) -> int:
        """Number of words in the body (whitespace-separated tokens with a letter or digit)."""
        return sum(1 for tok in self.body.split() if re.search(r"\w", tok))

    @property
    def slug(self) -> str:
        """File-system-safe name: from the source file's stem, else from the title."""
        base = Path(self.source).stem if self.source and not self.source.startswith("<") else self.title
        return slugify(base or "article")

    def to_dict(self) -> dict:
        """The ``article.json`` record of the contract."""
        data = asdict(self)
        data["words"] = self.words
        data["slug"] = self.slug
        return data


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII slug: letters, digits and single hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "article"


def load_article(path_or_text) -> Article:  # pragma: no cover - replaced by the reader
    raise NotImplementedError
