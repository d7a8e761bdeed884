"""Write the sample corpus ``seeds/corpus/narrative_frames/`` from the Narrative Frames dev articles.

    .venv/bin/python benchmarks/make_sample_corpus.py [--data ../shared/data/narrative_frames] [--out seeds/corpus/narrative_frames]

Reproducible (same input → byte-identical output). For each row of ``articles.tsv`` it writes
``nf-<ID>-<outlet-slug>.md``: YAML front matter (title, outlet, date, bias, url) then the text in
paragraphs. Also ``corpus.tsv`` (slug, id, outlet, source_as_given, bias, date, frames RE HI CO
MO EC), the upstream LICENSE, and README.md (citation and how the files were made).

Two facts of the upstream data shape the files (documented in the README):

* ``text`` holds headline and body as ONE string with no line breaks, and no separate headline
  column, so the headline cannot be split off reliably. The title written here is a label
  ("Narrative Frames #<ID>, <outlet>, <date>") and the headline stays at the start of the text.
* there are no paragraph breaks: paragraphs here are runs of ``SENTENCES_PER_PARAGRAPH``
  sentences (split by `helpers.resources.split_sentences`), so per-paragraph figures on this
  corpus describe those runs, not the outlets' paragraphs.

Outlet names come in two spellings ("thedailycaller", "The Daily Caller"); both map to one
display name (`OUTLET_NAMES`, or the spelled-out variant found in the data), then to the
reader's canonical name when ``data/outlets.csv`` knows it ("BBC" → "BBC News"), so the outlet
in ``corpus.tsv`` is the one `load_article` reports.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SENTENCES_PER_PARAGRAPH = 3
#: Display names for outlets that appear only in the squashed spelling.
OUTLET_NAMES = {"cnbc": "CNBC", "motherjones": "Mother Jones", "npr": "NPR", "palmerreport": "Palmer Report",
                "shareblue": "Shareblue", "thehill": "The Hill"}
BIAS_NAMES = {"left_bias": "left", "left_center_bias": "left-center", "right_bias": "right",
              "questionable_source": "questionable"}
FRAMES = ["RE", "HI", "CO", "MO", "EC"]

README = """# Sample corpus: Narrative Frames (dev articles)

{n} climate-change news articles from {outlets} US and UK outlets, 2017–2019, each with the outlet's
media-bias rating (Media Bias/Fact Check, as given by the corpus: {bias}). Used by
`notebooks/06_compare_articles.ipynb` and the batch tests to compare how outlets treat the same actors.

**Source.** The dev part of the Narrative Frames Corpus, `articles.tsv` (MIT licence, see `LICENSE`):

> Frermann, Li, Khanehzar and Haffari (2023). *Conflicts, Villains, Resolutions: Towards models of
> Narrative Media Framing.* Proceedings of the 61st Annual Meeting of the Association for Computational
> Linguistics (ACL 2023).

**How the files were made.** `benchmarks/make_sample_corpus.py` (reproducible: re-running it gives the same
bytes) writes one Markdown file per article, `nf-<ID>-<outlet>.md`, with YAML front matter (`title`, `outlet`,
`date`, `bias`) and the text, and `corpus.tsv` with one row per file:

| column | meaning |
|---|---|
| `slug` | file name without `.md` (= the article's output folder in `python -m helpers analyze`) |
| `id` | article ID in the upstream `articles.tsv` |
| `outlet` | outlet display name, as the reader reports it (upstream spells some outlets two ways, e.g. `thedailycaller` and `The Daily Caller`; both map to one name) |
| `source_as_given` | the outlet as spelled upstream |
| `bias` | the corpus's outlet rating: `left`, `left-center`, `right`, `questionable` (upstream `left_bias` …) |
| `date` | publication date, YYYY-MM-DD |
| `RE` `HI` `CO` `MO` `EC` | the corpus's aggregated frame labels (resolution, human interest, conflict, moral, economic), True/False |

**Caveats, from the upstream data.** (1) Upstream stores headline and body as one string without line breaks
and no headline field; the headline cannot be split off reliably, so each file's `title` is a label
("Narrative Frames #ID, outlet, date") and the real headline is the first words of the text (it is analysed
as part of the first sentence). (2) There are no paragraph breaks upstream: the paragraphs here are runs of
{k} sentences, so per-paragraph figures describe those runs. (3) Upstream text sometimes glues sentences
("cause.'THIS IS") and contains web debris (photo credits); it is kept as is. (4) Outlets have 1–15 articles
each: compare outlets with the intervals shown, and prefer the bias rating as the grouping for anything
but large differences.
"""


def outlet_names(sources: pd.Series) -> dict[str, str]:
    """Map every spelling of an outlet to one display name (the reader's canonical name if it knows one)."""
    from helpers.article import outlets

    known = outlets()
    key = sources.str.lower().str.replace("[^a-z]", "", regex=True)
    names = {}
    for k, group in sources.groupby(key):
        spelled = sorted(s for s in set(group) if s != k)
        name = spelled[0] if spelled else OUTLET_NAMES.get(k, k)
        names[k] = known.canonical(name) or name
    return {s: names[k] for s, k in zip(sources, key)}


def paragraphs(text: str, per: int = SENTENCES_PER_PARAGRAPH) -> list[str]:
    """The text cut into runs of ``per`` sentences (whitespace normalised)."""
    from helpers.resources import split_sentences

    text = " ".join(str(text).split())
    sents = [text[a:b].strip() for a, b in split_sentences(text)]
    sents = [s for s in sents if s]
    return [" ".join(sents[i:i + per]) for i in range(0, len(sents), per)]


def _yaml_str(value: str) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_corpus(data_dir: Path, out_dir: Path) -> pd.DataFrame:
    from helpers.article import slugify

    articles = pd.read_csv(data_dir / "articles.tsv", sep="\t", keep_default_na=False, dtype={"ID": int})
    names = outlet_names(articles["source"])
    if out_dir.exists():
        for old in out_dir.glob("nf-*.md"):
            old.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for rec in articles.itertuples(index=False):
        outlet = names[rec.source]
        slug = f"nf-{rec.ID:03d}-{slugify(outlet)}"
        bias = BIAS_NAMES.get(rec.mbfc, rec.mbfc)
        title = f"Narrative Frames #{rec.ID}, {outlet}, {rec.date}"
        front = [
            "---",
            f"title: {_yaml_str(title)}",
            f"outlet: {_yaml_str(outlet)}",
            f"date: {_yaml_str(rec.date)}",
            f"bias: {_yaml_str(bias)}",
            "---",
            "",
        ]
        body = "\n\n".join(paragraphs(rec.text))
        (out_dir / f"{slug}.md").write_text("\n".join(front) + body + "\n", encoding="utf-8")
        rows.append({"slug": slug, "id": rec.ID, "outlet": outlet, "source_as_given": rec.source, "bias": bias,
                     "date": rec.date, **{f: getattr(rec, f) for f in FRAMES}})
    table = pd.DataFrame(rows).sort_values("slug")
    table.to_csv(out_dir / "corpus.tsv", sep="\t", index=False)
    shutil.copyfile(data_dir / "LICENSE", out_dir / "LICENSE")
    counts = table["bias"].value_counts()
    bias = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    (out_dir / "README.md").write_text(
        README.format(n=len(table), outlets=table["outlet"].nunique(), bias=bias, k=SENTENCES_PER_PARAGRAPH),
        encoding="utf-8")
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    from helpers.paths import SHARED_DATA

    parser.add_argument("--data", default=str(SHARED_DATA / "narrative_frames"))
    parser.add_argument("--out", default=str(ROOT / "seeds" / "corpus" / "narrative_frames"))
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "articles.tsv").exists():
        print(f"error: {data}: articles.tsv not found", file=sys.stderr)
        return 2
    table = write_corpus(data, Path(args.out))
    print(f"{len(table)} articles, {table['outlet'].nunique()} outlets -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
