"""The whole analysis of one article, as one call: `analyze(article) -> Analysis`.

Each stage is a pure function from tables to tables (see DESIGN.md); this module only wires them
and writes the result folder atomically.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import actors, attribution, framing, readability, text
from . import sentiment as _sentiment
from .article import Article, load_article
from .fsutil import atomic_dir
from .tables import COLUMNS, conform

#: Tables written by `Analysis.save`, in this order. Contract tables first, extras after.
TABLE_FILES = [
    "sentences",
    "actors",
    "mentions",
    "mention_sentiment",
    "actor_sentiment",
    "quotes",
    "blame",
    "readability",
    "readability_paragraphs",
    "hard_sentences",
    "sentiment_evidence",
    "passives",
    "frames",
]


@dataclass
class Analysis:
    """Every table of one article's analysis. ``tables[name]`` is a DataFrame."""

    article: Article
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def slug(self) -> str:
        return self.article.slug

    def save(self, out_dir, figures: bool = True, slug: str | None = None) -> Path:
        """Write ``out_dir/<slug>/`` with article.json, every table as CSV, and the figures.

        ``slug`` names the folder (default: the article's own slug; the batch runner passes a
        distinct one when two inputs share a name); article.json records the folder's name.
        Atomic: everything is written to a temporary sibling folder that replaces the target only
        when complete, so a failure never leaves a half-written folder. Returns the folder.
        """
        slug = slug or self.slug
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        with atomic_dir(out_dir, slug) as tmp:
            record = {**self.article.to_dict(), "slug": slug}
            (tmp / "article.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
            for name in TABLE_FILES:
                if name in self.tables:
                    self.tables[name].to_csv(tmp / f"{name}.csv", index=False)
            if figures:
                from .figures import export_all

                export_all(self, tmp)
        return out_dir / slug


def analyze(article, aliases: dict[str, str] | None = None, sentiment: str = "encoder") -> Analysis:
    """Run every stage on one article (an `Article`, a path, or the text itself).

    ``aliases`` maps extra surface forms to actors (for example ``{"the Trump administration":
    "Donald Trump"}``); it is passed to `actors.find_mentions`. ``sentiment``: the target-sentiment
    classifier, ``"encoder"`` (default; it also adds the directed-sentiment edges of
    `framing.merge_model_edges` to the blame table) or ``"fast"`` (the linear model; rule edges only).
    """
    sentiment_model = _sentiment.check_model(sentiment)
    if not isinstance(article, Article):
        article = load_article(article)
    sents = text.sentences(article)
    mentions = actors.find_mentions(sents, aliases=aliases)
    quotes = attribution.find_quotes(sents, mentions)
    mention_sentiment = _sentiment.score_mentions(sents, mentions, quotes, model=sentiment_model)
    metrics, per_paragraph, hard = readability.measure(article, sents)
    blame = framing.find_blame(sents, mentions, quotes)
    if sentiment_model == "encoder":
        blame = framing.merge_model_edges(blame, sents, mentions, quotes)
    actor_sentiment = _sentiment.by_actor(mention_sentiment, model=sentiment_model)
    tables = {
        "sentences": sents,
        "actors": actors.actor_table(mentions),
        "mentions": mentions,
        "mention_sentiment": mention_sentiment,
        "actor_sentiment": actor_sentiment,
        "sentiment_evidence": _sentiment.evidence(mention_sentiment, sents, actor_sentiment),
        "quotes": quotes,
        "blame": blame,
        "passives": framing.passives(sents),
        "frames": framing.frames(sents, mentions, quotes, blame=blame),
        "readability": metrics,
        "readability_paragraphs": per_paragraph,
        "hard_sentences": hard,
    }
    for name in COLUMNS:
        if name in tables:
            tables[name] = conform(tables[name], name)
    return Analysis(article=article, tables=tables)


#: A short article that exercises every stage (names, a country, a quote, blame), for `warm_up`.
WARM_UP_TEXT = (
    "Officials meet in Geneva\n\n"
    "President Jane Doe of France blamed Russia for the crisis on Monday. \"We will not back down,\" "
    "Doe said. Mr. John Smith, a senior adviser, criticised the plan.\n\n"
    "The talks were delayed by the government, according to Reuters."
)


def warm_up(sentiment: str = "encoder", models: bool = True) -> None:
    """Load the language resources, and the ``sentiment`` classifier, once in THIS process (about 1–2 s).

    ``models=True`` (a worker, or a single process): one analysis of `WARM_UP_TEXT` with
    ``sentiment`` ("encoder" loads the ONNX session, "fast" the linear model and never the encoder).
    ``models=False`` (the parent of a pool, before it forks): every stage's lexicons, the CMU table,
    the actor lists and Punkt, but not the encoder: an ONNX session opened before a fork is of no
    use to the workers (`encoder.load` opens one per process), so loading it there only costs the
    parent its memory. With ``sentiment="fast"`` the small linear model is loaded too, so the
    workers share it copy-on-write.
    """
    sentiment = _sentiment.check_model(sentiment)
    if models:
        analyze(WARM_UP_TEXT, sentiment=sentiment)
        return
    from . import directed

    article = load_article(WARM_UP_TEXT)
    sents = text.sentences(article)
    mentions = actors.find_mentions(sents)
    quotes = attribution.find_quotes(sents, mentions)
    readability.measure(article, sents)
    blame = framing.find_blame(sents, mentions, quotes)
    framing.passives(sents)
    framing.frames(sents, mentions, quotes, blame=blame)
    if sentiment == "fast":
        _sentiment.score_mentions(sents, mentions, quotes, model="fast")
    else:
        pairs = directed.candidates(sents, mentions, quotes)  # its cue lists; the encoder itself is the workers'
        directed.linear_logits([(c["text"], c["e1"], c["e2"]) for c in pairs])  # the edge ensemble's linear model
