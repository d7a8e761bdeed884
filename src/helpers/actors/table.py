"""The actors table (`actor_table`) and summaries for the notebook and the figures."""
from __future__ import annotations

from collections import Counter

import pandas as pd

from ..tables import COLUMNS, conform, empty


def _infer_kind(group: pd.DataFrame) -> str:
    if "kind" in group and group["kind"].astype(str).str.len().gt(0).any():
        kinds = group["kind"][group["kind"].astype(str).str.len() > 0]
        return kinds.mode().iloc[0]
    via = set(group["via"])
    if via & {"pronoun", "title"}:
        return "person"
    if "demonym" in via:
        return "country"
    return "other"


def _infer_kind_values(kinds: list[str] | None, vias: list) -> str:
    """`_infer_kind` on plain lists (``kinds`` all str, or None when there is no kind column)."""
    if kinds:
        given = [k for k in kinds if len(k) > 0]
        if given:
            counts = Counter(given)
            top = max(counts.values())
            return min(k for k, n in counts.items() if n == top)  # Series.mode: ties → smallest
    via = set(vias)
    if via & {"pronoun", "title"}:
        return "person"
    if "demonym" in via:
        return "country"
    return "other"


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors table: one row per actor, most mentioned first.

    Columns: ``actor``, ``kind`` (person | country | organization | group | other), ``mentions``
    (number of rows in the mentions table, every form counted), ``aliases`` (the distinct surface
    forms, ``|``-joined, in order of first use; pronouns in lower case). Mentions with an empty
    actor (unresolved pronouns) are not counted.
    """
    if mentions is None or len(mentions) == 0:
        return empty("actors")
    named = mentions[mentions["actor"].fillna("").astype(str).str.len() > 0]
    if named.empty:
        return empty("actors")
    kinds = named["kind"].tolist() if "kind" in named else None
    if kinds is not None and not all(isinstance(k, str) for k in kinds):
        kinds = False  # unusual kind values (missing ones): let pandas decide, as before
    named_surface, named_via = named["surface"].tolist(), named["via"].tolist()
    groups: dict = {}
    for k, actor in enumerate(named["actor"].tolist()):
        groups.setdefault(actor, []).append(k)
    rows = []
    for actor, index in groups.items():
        forms = {}
        vias = []
        for k in index:
            surface, via = named_surface[k], named_via[k]
            forms.setdefault(str(surface).lower() if via == "pronoun" else str(surface), None)
            vias.append(via)
        if kinds is False:
            kind = _infer_kind(named.iloc[index])
        else:
            kind = _infer_kind_values([kinds[k] for k in index] if kinds is not None else None, vias)
        rows.append((actor, kind, len(index), "|".join(forms)))
    df = pd.DataFrame(rows, columns=COLUMNS["actors"])
    df["mentions"] = df["mentions"].astype(int)
    df = df.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)
    return conform(df, "actors")


# ---------------------------------------------------------------------------------------------
# Summaries for the notebook and the figures
# ---------------------------------------------------------------------------------------------


def actor_kinds(mentions: pd.DataFrame | None) -> dict[str, str]:
    """Actor → kind (person, country, organization, …) from the mentions table's ``kind`` column."""
    if mentions is None or mentions.empty or "kind" not in mentions:
        return {}
    return {a: k for a, k in zip(mentions["actor"], mentions["kind"]) if isinstance(a, str) and a and isinstance(k, str)}


def main_actors(actors: pd.DataFrame, top: int = 10, min_mentions: int = 2) -> list[str]:
    """Names of the most mentioned actors (at most ``top``, each with at least ``min_mentions``)."""
    if actors is None or len(actors) == 0:
        return []
    table = actors[actors["mentions"].astype(int) >= min_mentions]
    return table.sort_values("mentions", ascending=False, kind="stable")["actor"].head(top).tolist()


def mentions_by_via(mentions: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Mentions per actor split by how the actor is named: one row per actor, most mentioned first.

    Columns: ``actor``, ``kind``, one count column per ``via`` (name, alias, title, pronoun,
    demonym), ``total``. Only the ``top`` most mentioned actors; unresolved pronouns are left out.
    """
    from ..tables import MENTION_VIA

    cols = ["actor", "kind", *MENTION_VIA, "total"]
    if mentions is None or len(mentions) == 0:
        return pd.DataFrame(columns=cols)
    named = mentions[mentions["actor"].fillna("").astype(str).str.len() > 0]
    if named.empty:
        return pd.DataFrame(columns=cols)
    table = actor_table(named)
    keep = table["actor"].head(top).tolist()
    counts = (named[named["actor"].isin(keep)].groupby(["actor", "via"]).size().unstack(fill_value=0)
              .reindex(index=keep, columns=list(MENTION_VIA), fill_value=0))
    counts["total"] = counts.sum(axis=1)
    counts.insert(0, "kind", table.set_index("actor").loc[keep, "kind"])
    counts.columns.name = None
    return counts.reset_index().rename(columns={"index": "actor"})[cols]


def positions(mentions: pd.DataFrame, sentences: pd.DataFrame, actors: list[str] | None = None,
              top: int = 8) -> pd.DataFrame:
    """Where each actor is mentioned: one row per (actor, paragraph) with at least one mention.

    Columns: ``actor``, ``paragraph`` (1-based, reading order), ``mentions`` (count in that
    paragraph), ``first_paragraph`` (1-based paragraph of the actor's first mention). ``actors``
    defaults to the ``top`` most mentioned actors (with at least two mentions).
    """
    cols = ["actor", "paragraph", "mentions", "first_paragraph"]
    if mentions is None or len(mentions) == 0 or sentences is None or len(sentences) == 0:
        return pd.DataFrame(columns=cols)
    if actors is None:
        actors = main_actors(actor_table(mentions), top=top)
    if not actors:
        return pd.DataFrame(columns=cols)
    para = dict(zip(sentences["sent_id"], sentences["para_id"]))
    data = mentions[mentions["actor"].isin(actors)].copy()
    data["paragraph"] = data["sent_id"].map(para).astype(int) + 1
    out = data.groupby(["actor", "paragraph"]).size().rename("mentions").reset_index()
    out["first_paragraph"] = out.groupby("actor")["paragraph"].transform("min")
    order = {a: k for k, a in enumerate(actors)}
    out = out.sort_values(["actor", "paragraph"], key=lambda s: s.map(order) if s.name == "actor" else s)
    return out[cols].reset_index(drop=True)


def unresolved(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Pronouns and office descriptions no actor was found for, with their sentence, to check by eye.

    Columns: ``sent_id``, ``surface``, ``via``, ``sentence``. Empty when every mention was resolved.
    """
    cols = ["sent_id", "surface", "via", "sentence"]
    if mentions is None or len(mentions) == 0:
        return pd.DataFrame(columns=cols)
    rows = mentions[mentions["actor"].fillna("").astype(str).str.len() == 0]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    text = dict(zip(sentences["sent_id"], sentences["text"])) if sentences is not None and len(sentences) else {}
    out = rows[["sent_id", "surface", "via"]].copy()
    out["sentence"] = out["sent_id"].map(text).fillna("")
    return out.reset_index(drop=True)[cols]
