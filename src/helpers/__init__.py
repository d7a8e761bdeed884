"""helpers: measure how a news article frames the people and countries in it.

Quick start::

    import helpers
    article = helpers.load_article("seeds/trump-urges-russia-to-stop.txt")
    analysis = helpers.analyze(article)
    analysis.actor_sentiment

Every language resource comes from installed packages or files shipped here; nothing downloads.
"""
from __future__ import annotations

from . import resources

resources.prepare()

from .article import Article, load_article  # noqa: E402
from .errors import InputError  # noqa: E402
from .pipeline import Analysis, analyze  # noqa: E402
from .paths import PROJECT_ROOT, SEED_ARTICLE, SHARED_DATA  # noqa: E402

__all__ = ["Article", "Analysis", "InputError", "analyze", "load_article", "PROJECT_ROOT", "SEED_ARTICLE", "SHARED_DATA"]
__version__ = "0.1.0"
