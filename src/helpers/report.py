"""Execute the walkthrough notebooks on one article and write an HTML report (inputs hidden).

``python -m helpers report ARTICLE [--out reports]`` (what ``make report ARTICLE=…`` calls):

- runs every article notebook (``notebooks/0[0-5]_*.ipynb``) with papermill, changing only the
  ``parameters`` cell (``article``, ``out_dir``);
- writes the executed copies and one HTML page per notebook to ``reports/<slug>/`` (git-ignored),
  plus ``index.html`` linking them;
- the notebooks export their figures to ``figures/<slug>/``.
"""
from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

from .article import load_article
from .errors import InputError
from .fsutil import pid_temp_dir, publish_dir, remove_dead_temps
from .paths import FIGURES, PROJECT_ROOT, resolve

NOTEBOOK_GLOB = "0[0-5]_*.ipynb"
#: nbconvert template folder: JupyterLab's look without scripts from a CDN (the report works offline).
TEMPLATES = Path(__file__).parent / "data" / "report_template"


def article_notebooks(root: Path = PROJECT_ROOT) -> list[Path]:
    """The notebooks that take one article, in order."""
    return sorted((root / "notebooks").glob(NOTEBOOK_GLOB))


def _literal(path) -> str:
    """``path`` as papermill needs it: papermill formats notebook paths as templates (``str.format``
    with the parameters), so braces are doubled to keep ``/tmp/a{x}`` and ``{article}`` literal."""
    return str(path).replace("{", "{{").replace("}", "}}")


def execute_notebook(notebook: Path, output: Path, parameters: dict, timeout: int = 600) -> Path:
    """Run one notebook with papermill from the project root; returns the executed copy's path."""
    import papermill as pm

    output.parent.mkdir(parents=True, exist_ok=True)
    pm.execute_notebook(
        _literal(notebook), _literal(output), parameters=parameters, cwd=str(PROJECT_ROOT),
        progress_bar=False, request_save_on_cell_execute=False, execution_timeout=timeout,
        # The kernel's own start-up warnings (transport notes) are noise in a report run.
        extra_arguments=["--IPKernelApp.log_level=40"],
    )
    return output


def to_html(executed: Path, output: Path) -> Path:
    """Convert an executed notebook to a standalone HTML page without code cells.

    Figures are embedded as PNG; the page loads nothing from the network.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    output.write_text(body, encoding="utf-8")
    return output


def _index_page(title: str, pages: list[Path]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem.replace("_", " "))}</a></li>' for p in pages
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Framing report: {html.escape(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;line-height:1.5}</style>"
        f"</head><body><h1>Framing report</h1><p>{html.escape(title)}</p><ol>{items}</ol></body></html>"
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
    fig_dir = Path(figures_dir) if figures_dir else FIGURES / slug
    out_dir = resolve(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_dead_temps(out_dir)  # left by a report run that was killed
    tmp = pid_temp_dir(out_dir, slug)
    try:
        pages = []
        for nb in notebooks or article_notebooks():
            executed = execute_notebook(
                nb, tmp / nb.name, {"article": str(article_path), "out_dir": str(fig_dir)}
            )
            pages.append(to_html(executed, tmp / f"{nb.stem}.html"))
            print(f"  {nb.name} ok", file=sys.stderr)
        (tmp / "index.html").write_text(_index_page(article.title or slug, pages), encoding="utf-8")
        final = out_dir / slug
        publish_dir(tmp)
        if final.exists():
            shutil.rmtree(final)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final / "index.html"
