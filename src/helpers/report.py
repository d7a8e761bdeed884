"""Execute the walkthrough notebooks on one article and write an HTML report (inputs hidden).

``python -m helpers report ARTICLE [--out reports]`` (what ``make report ARTICLE=…`` calls):

- runs every article notebook (``notebooks/0[0-5]_*.ipynb``) with papermill, changing only the
  ``parameters`` cell (``article``, ``out_dir``);
- writes the executed copies and one HTML page per notebook to ``reports/<slug>/`` (git-ignored):
  each page has its own title ("03 · Sentiment per actor — <article title>") and links to the
  index, the previous and the next page; ``index.html`` shows the article card and what each
  page answers;
- the notebooks export their figures to ``figures/<slug>/``.

Both folders are relative to where the command runs (``--out`` and ``--figures`` change them); the
article path may also be relative to the project root.

Atomic: the report folder is replaced only when every notebook ran; a failed notebook raises
`ReportError` naming the notebook, the cell's error, and leaves the earlier report in place.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .article import load_article
from .errors import InputError
from .fsutil import atomic_dir, remove_dead_temps
from .paths import PROJECT_ROOT, resolve

NOTEBOOK_GLOB = "0[0-5]_*.ipynb"
#: nbconvert template folder: JupyterLab's look without scripts from a CDN (the report works offline).
TEMPLATES = Path(__file__).parent / "data" / "report_template"
#: What each article page answers, for the index (keyed by the notebook's number).
QUESTIONS = {
    "00": "The whole story on one page: who is in it, how each actor is treated, who blames whom, how hard it is.",
    "01": "What did the reader take as the article, and which lines of the page did it drop?",
    "02": "Who is named, how often, under which names, and where in the article?",
    "03": "What stance does the article take toward each actor, and which sentences carry it?",
    "04": "Who blames, criticises, pressures or praises whom; who speaks; where is the actor hidden?",
    "05": "How hard is the article to read, and which paragraphs and sentences make it hard?",
}


class ReportError(InputError):
    """A notebook failed while building a report (one line: notebook, error)."""


def article_notebooks(root: Path = PROJECT_ROOT) -> list[Path]:
    """The notebooks that take one article, in order."""
    return sorted((root / "notebooks").glob(NOTEBOOK_GLOB))


def _literal(path) -> str:
    """``path`` as papermill needs it: papermill formats notebook paths as templates (``str.format``
    with the parameters), so braces are doubled to keep ``/tmp/a{x}`` and ``{article}`` literal."""
    return str(path).replace("{", "{{").replace("}", "}}")


def notebook_title(notebook: Path) -> str:
    """The notebook's first ``# `` heading ("00 · Overview: the whole story on one page")."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem.replace("_", " ")


_KEPT = "(no report written; an earlier report of this article is kept)"


def execute_notebook(notebook: Path, output: Path, parameters: dict, timeout: int = 600) -> Path:
    """Run one notebook with papermill from the project root; returns the executed copy's path.

    Raises `ReportError` (one line: notebook name, then the cell's exception name and message, or
    that a cell ran past ``timeout`` seconds, or that the kernel died) when the notebook does not finish.
    """
    import logging

    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    output.parent.mkdir(parents=True, exist_ok=True)
    logging.getLogger("papermill").setLevel(logging.WARNING)
    try:
        pm.execute_notebook(
            _literal(notebook), _literal(output), parameters=parameters, cwd=str(PROJECT_ROOT),
            progress_bar=False, request_save_on_cell_execute=False, execution_timeout=timeout,
            # The kernel's own log (transport notes, the KeyboardInterrupt it logs when the client
            # interrupts it at shut-down) is noise in a report run: critical messages only.
            extra_arguments=["--IPKernelApp.log_level=50"],
        )
    except PapermillExecutionError as err:
        raise ReportError(notebook.name, f"cell {err.exec_count} failed: {err.ename}: {err.evalue} {_KEPT}") from None
    except CellTimeoutError:
        raise ReportError(notebook.name, f"a cell ran longer than {timeout} s and was stopped {_KEPT}") from None
    except DeadKernelError:
        raise ReportError(notebook.name, f"the notebook's kernel died (out of memory, or killed) {_KEPT}") from None
    return output


def _nav(pages: list[tuple[str, str]], i: int, article_title: str) -> str:
    links = ['<a href="index.html">↑ Index</a>']
    if i > 0:
        links.append(f'<a href="{html.escape(pages[i - 1][0])}">← {html.escape(pages[i - 1][1])}</a>')
    if i + 1 < len(pages):
        links.append(f'<a href="{html.escape(pages[i + 1][0])}">{html.escape(pages[i + 1][1])} →</a>')
    links.append(f'<span class="article">{html.escape(article_title)}</span>')
    return "".join(links)


_DETAILS = re.compile(r"\(details: (0[0-9]_[a-z_]+)\)")


def to_html(executed: Path, output: Path, title: str | None = None, nav: str = "") -> Path:
    """Convert an executed notebook to a standalone HTML page without code cells.

    Figures are embedded as PNG; the page loads nothing from the network. ``title`` is the
    browser title; ``nav`` the HTML of the navigation bar shown at the top and the bottom.
    "(details: 02_actors)" in a heading becomes a link to that page.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    nb = nbformat.read(executed, as_version=4)
    if title:
        nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb, resources={"report_nav": nav})
    body = _DETAILS.sub(lambda m: f'(details: <a href="{m.group(1)}.html">{m.group(1).replace("_", " ")}</a>)', body)
    output.write_text(body, encoding="utf-8")
    return output


def _card_rows(article) -> list[tuple[str, str]]:
    rows = [("Outlet", article.outlet), ("Byline", article.byline), ("Date", article.date), ("Dek", article.dek),
            ("Source file", Path(article.source).name if article.source else ""),
            ("Length", f"{article.words} words in {len(article.paragraphs)} paragraphs")]
    if article.warnings:
        rows.append(("Reader warnings", "; ".join(article.warnings)))
    return [(k, str(v)) for k, v in rows if v]


def index_page(article, pages: list[tuple[str, str, str]], figures_dir: Path | None = None) -> str:
    """The report's front page: article card, then one entry per page (link, what it answers).

    ``pages``: (file name, page title, question) per notebook page, in order.
    """
    title = article.title or article.slug
    card = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in _card_rows(article))
    items = "".join(
        f'<li><a href="{html.escape(f)}">{html.escape(t)}</a><br><span class="q">{html.escape(q)}</span></li>'
        for f, t, q in pages
    )
    figures = (f"<p class='small'>Figures (PNG, SVG and the plotted data as CSV): <code>{html.escape(str(figures_dir))}</code>. "
               "Paragraphs and sentences are numbered from 1 throughout the report.</p>") if figures_dir else ""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Framing report: {html.escape(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2.5rem auto;padding:0 1rem;"
        "line-height:1.5;color:#222}h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#555;margin-top:0}"
        "table{border-collapse:collapse;margin:1rem 0}th{text-align:left;padding:3px 12px 3px 0;color:#555;"
        "font-weight:600;vertical-align:top}td{padding:3px 0;vertical-align:top}ol li{margin:.6rem 0}"
        "a{color:#0b5cad}.q{color:#444}.small{font-size:.9rem;color:#555}code{font-size:.85rem}</style>"
        f"</head><body><p class='sub'>Framing report</p><h1>{html.escape(title)}</h1>"
        f"<table>{card}</table><h2>Pages</h2><ol start='0'>{items}</ol>{figures}</body></html>"
    )


def build_report(article_path, out_dir="reports", figures_dir=None, notebooks=None) -> Path:
    """Execute the article notebooks on ``article_path``; returns ``out_dir/<slug>/index.html``.

    Atomic like `Analysis.save`: the report folder is replaced only when every notebook ran.
    """
    article_path = resolve(article_path).resolve()
    if not article_path.is_file():  # a folder, a FIFO, /dev/zero: never opened, never read forever
        what = "no such file" if not article_path.exists() else "not a regular file"
        raise InputError(article_path, what)
    article = load_article(article_path)  # fails early with a one-line InputError on bad input
    slug = article.slug
    # outputs go where the command runs (the notebooks execute in the project root: absolute paths)
    fig_dir = Path(figures_dir or Path("figures") / slug).absolute()
    out_dir = Path(out_dir).absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    notebooks = list(notebooks or article_notebooks())
    titles = [notebook_title(nb) for nb in notebooks]
    pages = [(f"{nb.stem}.html", t) for nb, t in zip(notebooks, titles)]
    article_title = article.title or slug
    remove_dead_temps(out_dir)  # left by a report run that was killed
    with atomic_dir(out_dir, slug, record_pid=True) as tmp:
        for i, nb in enumerate(notebooks):
            executed = execute_notebook(
                nb, tmp / nb.name, {"article": str(article_path), "out_dir": str(fig_dir)}
            )
            to_html(executed, tmp / pages[i][0], title=f"{titles[i]} — {article_title}",
                    nav=_nav(pages, i, article_title))
        entries = [(f, t, QUESTIONS.get(f[:2], "")) for f, t in pages]
        (tmp / "index.html").write_text(index_page(article, entries, fig_dir), encoding="utf-8")
    final = out_dir / slug
    return final / "index.html"
