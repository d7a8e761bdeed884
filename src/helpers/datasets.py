"""The gold data sets the project measures itself on: what each is, its licence, where it comes from.

Code finds a set in the project's ``data/`` first, then in ``../shared/data/`` (`paths.data_path`).
Sets whose licence allows it ship in ``data/``; for the others `require` raises `MissingData`
with what the set is and how to get it, and ``python -m helpers data status`` lists them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import InputError
from .paths import DATA, data_path


@dataclass(frozen=True)
class DataSet:
    name: str          #: folder name under data/
    what: str          #: one line: what it is and what it measures here
    licence: str
    shipped: bool      #: True when the project's data/ ships it
    source: str        #: where to get it
    marker: str        #: a file (relative to the folder) that proves the set is in place
    cite: str = ""


DATASETS: dict[str, DataSet] = {d.name: d for d in (
    DataSet("newsmtsc", "NewsMTSC: target-dependent sentiment in political news (trains and scores the sentiment "
            "classifier)", "MIT", True, "https://github.com/fhamborg/NewsMTSC", "dev_rw.jsonl",
            "Hamborg & Donnay, EACL 2021"),
    DataSet("narrative_frames", "Narrative Frames Corpus, dev part: 132 climate articles with frame labels (checks "
            "the frame questions)", "MIT", True, "Frermann et al., ACL 2023 (the Narrative Frames Corpus; MIT)",
            "articles.tsv", "Frermann, Li, Khanehzar & Haffari, ACL 2023"),
    DataSet("onestopenglish", "OneStopEnglish: 189 Guardian articles at three reading levels (checks the "
            "readability formulas)", "CC BY-SA 4.0", True, "https://github.com/nishkalavallabhi/OneStopEnglishCorpus",
            "advanced", "Vajjala & Lučić, BEA 2018"),
    DataSet("directed_sentiment", "Park et al. 'Who Blames or Endorses Whom?': sentences with two bracketed "
            "entities, who is negative/positive toward whom (trains and scores the directed model)",
            "none stated: not redistributed", False,
            "ask the authors of Park, Pan & Joo, Findings of ACL 2021; put train.txt and valid.txt in the folder",
            "valid.txt", "Park, Pan & Joo, Findings of ACL 2021"),
    DataSet("polnear", "PolNeAR: who said what in political news, brat attributions (scores quote attribution)",
            "none stated (texts are the publishers'): not redistributed",
            False, "https://github.com/networkdynamics/PolNeAR (request access); put its train/ and dev/ "
            "folders (each text/*.txt + attributions/*.ann) in the folder", "dev",
            "Newell, Margolin & Ruths, LREC 2018"),
)}


class MissingData(InputError):
    """A gold data set is not in ``data/`` nor ``../shared/data/``; the message says how to get it."""

    def __init__(self, name: str):
        ds = DATASETS[name]
        super().__init__(f"data/{name}", f"missing data: {ds.what}. Get it from {ds.source}, into "
                                         f"{DATA / name} (see `python -m helpers data status`)")
        self.dataset = ds


def locate(name: str) -> Path:
    """The folder of data set ``name`` (project ``data/`` first, then ``../shared/data/``)."""
    return data_path(name)


def present(name: str) -> bool:
    return (locate(name) / DATASETS[name].marker).exists()


def require(name: str) -> Path:
    """The folder of data set ``name``; raises `MissingData` (one clear line) when it is absent."""
    if not present(name):
        raise MissingData(name)
    return locate(name)


def status() -> pd.DataFrame:
    """One row per data set: name, present (bool), where (folder found, or empty), licence, shipped, source."""
    rows = []
    for ds in DATASETS.values():
        here = present(ds.name)
        rows.append({"name": ds.name, "present": here, "where": str(locate(ds.name)) if here else "",
                     "licence": ds.licence, "shipped": ds.shipped, "what": ds.what,
                     "source": "" if here else ds.source})
    return pd.DataFrame(rows)


def status_text() -> str:
    """`status` as plain text for the command line."""
    lines = []
    for r in status().itertuples():
        mark = "present" if r.present else "MISSING"
        lines.append(f"{r.name:<20} {mark:<8} {r.where or '-'}")
        lines.append(f"{'':<20} {r.what}; licence: {r.licence}"
                     + ("; shipped with the project" if r.shipped else ""))
        if not r.present:
            lines.append(f"{'':<20} get it: {r.source}; place it in {DATA / r.name}")
    return "\n".join(lines)
