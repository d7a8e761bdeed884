"""Command line: ``python -m helpers analyze|evaluate|train …`` (see README for the contract)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputError


def cmd_analyze(args) -> int:
    from .batch import cli_analyze

    return cli_analyze(args)


def cmd_evaluate(args) -> int:
    import pandas as pd

    from .evaluation import run

    if not Path(args.path).exists():
        print(f"error: {args.path}: no such file or folder (which gold sets are here, and where to get the "
              "others: python -m helpers data status)", file=sys.stderr)
        return 2
    metrics, table = run(args.task, args.path, getattr(args, "sentiment", None))
    with pd.option_context("display.max_rows", 200, "display.width", 120):
        print(table.to_string(index=False) if isinstance(table, pd.DataFrame) else table)
    summary = {k: v for k, v in metrics.items() if not isinstance(v, (dict, list))}
    print("  ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in summary.items()))
    if args.json:
        print(json.dumps(metrics))
    return 0


def cmd_report(args) -> int:
    """One report per article; a bad input gets its error line and the others still run (exit 2 if any failed)."""
    from .report import build_report

    failed = 0
    for path in args.paths:
        try:
            index = build_report(path, out_dir=args.out, figures_dir=args.figures)
        except InputError as err:
            print(f"error: {err}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path} -> {index}")
    return 2 if failed else 0


def cmd_data(args) -> int:
    from .datasets import status_text

    print(status_text())
    return 0


TRAINERS = {
    "target-sentiment": "helpers.sentiment_model:train_cli",
    "directed": "helpers.directed:train_cli",
    "word-vectors": "helpers.word_vectors:train_cli",
    "encoder": "helpers.train_encoder:train_cli",
}


def cmd_train(args) -> int:
    import importlib

    if args.model != "target-sentiment" and (args.cv or args.C is not None or args.embed_parts is not None):
        raise InputError("--cv/--C/--embed-parts", "apply to target-sentiment only")
    module_name, func = TRAINERS[args.model].split(":")
    return importlib.import_module(module_name).__getattribute__(func)(args) or 0


def build_parser() -> argparse.ArgumentParser:
    from .evaluation import TASKS

    parser = argparse.ArgumentParser(
        prog="python -m helpers", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Measure how a news article frames the people and countries in it: who is named, how "
                    "each is treated, who blames whom, who speaks, and how hard the text is to read.",
        epilog="examples:\n"
               "  python -m helpers report my-article.txt      HTML report in reports/<article>/index.html\n"
               "  python -m helpers analyze articles/ --out out  tables (CSV) and figures for every article\n"
               "  python -m helpers data status                  which gold data sets are here, where to get the rest\n"
               "  python -m helpers evaluate newsmtsc data/newsmtsc/dev_rw.jsonl\n"
               "articles: .txt, .md or a web page saved as .html (not .docx or .pdf: save those as text first)."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse articles: tables (CSV) and figures in OUT/<article>/")
    p.add_argument("paths", nargs="+", help="article files (.txt, .md, .html) or folders of them")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--aliases", help="YAML file mapping extra surface forms to actors")
    p.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (0 = one per core this process may use; default 1)")
    p.add_argument("--force", action="store_true", help="re-analyse articles whose outputs are up to date")
    p.add_argument("--figures", choices=["auto", "all", "corpus", "none"], default="auto",
                   help="all: every article's figures + corpus figures; corpus: only the corpus comparison "
                        "figures in OUT/_figures; none; auto (default): all for one article, corpus for more")
    p.add_argument("--no-figures", action="store_true", help="same as --figures none")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask cluster: tcp://HOST:PORT of its scheduler, or 'local' for a LocalCluster "
                        "(with --jobs workers); see docs/corpus-scale.md")
    p.add_argument("--sentiment", choices=("encoder", "fast"), default="encoder",
                   help="target-sentiment classifier: the fine-tuned encoder (default; adds its directed blame "
                        "edges) or the fast linear model (rule edges only)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--timeout", type=float, default=120.0, metavar="S",
                   help="seconds one article may take before it fails and the batch goes on (0 = no limit; default 120)")
    p.add_argument("--safe-csv", action="store_true",
                   help="prefix text cells starting with = + - @ with ' so spreadsheets do not run them as formulas")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("evaluate", help="score one part of the analysis on a public gold set (see: data status)")
    p.add_argument("task", choices=sorted(TASKS), help="; ".join(f"{k}: {v[1]}" for k, v in TASKS.items()))
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    p.add_argument("--sentiment", choices=("encoder", "fast", "ensemble"), default=None,
                   help="newsmtsc/directed: the fine-tuned encoder (default) or the fast linear model; "
                        "directed only: ensemble (the mean of the two, which makes the blame edges)")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("report", help="write a readable HTML report for each article (runs the notebooks)")
    p.add_argument("paths", nargs="+", help="article files")
    p.add_argument("--out", default="reports", help="report folder (default: reports/)")
    p.add_argument("--figures", help="figure folder (default: figures/<slug>/)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("data", help="which gold data sets are present, which are missing, where to get them")
    p.add_argument("action", choices=["status"], help="status: list every data set, present or missing")
    p.set_defaults(func=cmd_data)

    p = sub.add_parser("train", help="re-train a model the package ships (needs its training data)")
    p.add_argument("model", choices=sorted(TRAINERS))
    p.add_argument("--data", help="training data folder (default: data/<set>, else ../shared/data/<set>)")
    p.add_argument("--cv", type=int, metavar="K", help="target-sentiment: print grouped K-fold CV scores on train, write nothing")
    p.add_argument("--C", type=float, help="target-sentiment with --cv: inverse regularisation strength (default 0.1)")
    p.add_argument("--embed-parts", metavar="P,…", help="target-sentiment with --cv: word-vector windows (default Lw,Rw,C,O; none for no vectors)")
    p.set_defaults(func=cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # an output folder that cannot be written, a full disk, …
        where = err.filename if err.filename is not None else "output"
        print(f"error: {where}: {err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
