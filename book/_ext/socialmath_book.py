"""What the socialmath book adds to Jupyter Book 1 (loaded from book/_config.yml, local_extensions).

* **Offline pages**: no script from another host. MathJax is served from ``_static/mathjax``
  (scripts/js_assets.py installs it from npm); sphinx-thebe's scripts and configuration, which
  would load Thebe from a CDN and declare ``THEBE_JS_URL`` twice, are not added.
* **Explorer snapshots**: a notebook's explorer is a still image on the site, so each one gets the
  note set once for the whole book in ``socialmath_static_explorer_note``.
* **Browser twins**: after each explorer that has one (``socialmath.twins``), the page carries
  its twin, a Vega-Lite chart with the same sliders that the browser computes by itself, drawn
  by ``_static/socialmath-twins.js`` with the site's own Vega (installed from npm like MathJax).
  Once it is drawn, the snapshot and its note are hidden; without JavaScript they stay.
* **Launch buttons** appear once ``repository.url`` is set: without an address, the Binder, Colab
  and JupyterHub links (which need one) are switched off instead of breaking the build.
* **Downloads**: every chapter offers its MyST ``.md`` source beside the ``.ipynb``.
* **Bibliography** labels in author-year form ("Nielsen, 2006"), as the citations read.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from docutils import nodes
from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinx.application import Sphinx

LAUNCH_KEYS = ("binderhub_url", "colab_url", "jupyterhub_url", "jupyterlite_url", "deepnote_url")
#: The plain-text form of an explorer (socialmath.widgets.base.Explorer._repr_mimebundle_).
EXPLORER_TEXT = re.compile(r"^<(\w+Explorer): ")
NOTE_CLASS = "sm-static-explorer-note"
TWIN_CLASS = "sm-twin"
#: The site's Vega, as scripts/js_assets.py copies it from npm (book/js/assets.json).
VEGA_SCRIPTS = ("vega/vega/build/vega.min.js", "vega/vega-lite/build/vega-lite.min.js",
                "vega/vega-embed/build/vega-embed.min.js", "socialmath-twins.js")


# -- bibliography --------------------------------------------------------------------------------
def _plain(latex: str) -> str:
    """A BibTeX field as a reader sees it: braces that protect case ("{LinkedIn}") and LaTeX
    commands rendered, as the citations render them."""
    return Text.from_latex(latex).render_as("text")


def _names(entry) -> str:
    """Who the label names, as an author-year citation does (sphinxcontrib-bibtex's
    ``author_or_editor_or_title``): the authors' last names, else the editors', else the title
    (an entry with a corporate author in braces, ``{{LinkedIn}}``, is one author)."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    last = [" ".join(_plain(part) for part in person.prelast_names + person.last_names)
            for person in persons]
    if not last:
        return _plain(entry.fields.get("title", "Anonymous"))
    if len(last) == 1:
        return last[0]
    if len(last) == 2:
        return f"{last[0]} and {last[1]}"
    return f"{last[0]} et al."


class AuthorYearLabels(BaseLabelStyle):
    """Labels such as "Nielsen, 2006" or "Dangi et al., 2020", as author-year citations read."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            year = _plain(entry.fields.get("year", "n.d."))
            yield f"{_names(entry)}, {year}"


class AuthorYearStyle(PlainStyle):
    default_label_style = "socialmath_author_year"
    default_sorting_style = "author_year_title"


register_plugin("pybtex.style.labels", "socialmath_author_year", AuthorYearLabels)
register_plugin("pybtex.style.formatting", "socialmath_author_year", AuthorYearStyle)


# -- launch buttons ------------------------------------------------------------------------------
def _launch_buttons_need_a_repository(app: Sphinx, config) -> None:
    options = config.html_theme_options
    # An empty mode makes the theme log "Got invalid theme mode" on a reader's first visit.
    config.html_context.setdefault("default_mode", "auto")
    if options.get("repository_url"):
        options["use_repository_button"] = True
        return
    launch = dict(options.get("launch_buttons", {}))
    for key in LAUNCH_KEYS:
        launch.pop(key, None)
    options["launch_buttons"] = launch


# -- offline: no Thebe ---------------------------------------------------------------------------
def _drop_thebe(app: Sphinx) -> None:
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        for listener in list(listeners):
            if getattr(listener.handler, "__module__", "").startswith("sphinx_thebe"):
                listeners.remove(listener)


def _no_thebe_assets(app, pagename, templatename, context, doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key]
                            if "thebe" not in str(getattr(asset, "filename", asset) or "")
                            and "THEBE" not in str(getattr(asset, "attributes", {}).get("body",
                                                                                          ""))]


# -- explorer snapshots --------------------------------------------------------------------------
def _note_on_explorer_snapshots(app: Sphinx, doctree: nodes.document) -> None:
    wording = app.config.socialmath_static_explorer_note
    for cell in list(doctree.findall(nodes.container)):
        if cell.get("nb_element") != "cell_code":
            continue
        texts = [block.astext() for block in cell.findall(nodes.literal_block)
                 if "text_plain" in block.get("classes", [])]
        if not any(EXPLORER_TEXT.match(text) for text in texts):
            continue
        note = nodes.paragraph("", wording, classes=[NOTE_CLASS])
        cell.parent.insert(cell.parent.index(cell), note)
        app.env.socialmath_explorer_pages = getattr(app.env, "socialmath_explorer_pages", set())
        app.env.socialmath_explorer_pages.add(app.env.docname)
        name = next(EXPLORER_TEXT.match(text).group(1) for text in texts
                    if EXPLORER_TEXT.match(text))
        twin = _twin_specs(app).get(name)
        if twin is not None:
            cell_id = f"sm-explorer-{len(list(doctree.findall(_is_twin))) + 1}"
            cell["ids"].append(cell_id)
            cell.parent.insert(cell.parent.index(cell) + 1,
                               _twin_node(app, name, twin, cell_id))


# -- browser twins -------------------------------------------------------------------------------
def _is_twin(node) -> bool:
    return isinstance(node, nodes.raw) and node.astext().startswith(f'<div class="{TWIN_CLASS}"')


def _twin_specs(app: Sphinx) -> dict:
    """Explorer name -> (its Vega-Lite specification as JSON, its note, its title), built once
    a build."""
    if not hasattr(app, "socialmath_twins"):
        import socialmath.twins.base
        from socialmath.twins import TWINS, twin

        # Tables the model computed (the small world's graphs, the policies' simulations) are
        # kept in _build between builds, for as long as the package's code is unchanged.
        socialmath.twins.base.CACHE_DIR = Path(app.srcdir) / "_build" / "twin-tables"
        specs = {}
        for name in TWINS:
            chosen = twin(name)
            specs[name] = (chosen.spec_json(), chosen.note, chosen.title)
        app.socialmath_twins = specs
    return app.socialmath_twins


def _twins_changed(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Read again the pages that show an explorer when any twin's specification changed since
    the last build (a twin is code, not a source Sphinx watches)."""
    import hashlib

    digest = hashlib.sha256(repr(sorted(_twin_specs(app).items())).encode()).hexdigest()
    before = getattr(env, "socialmath_twins_digest", None)
    env.socialmath_twins_digest = digest
    if before == digest:
        return []
    if before is None:  # an environment from before the twins: read every page again
        return sorted(env.found_docs)
    return sorted(getattr(env, "socialmath_explorer_pages", set()) & set(env.found_docs))


def _merge_explorer_pages(app: Sphinx, env, docnames, other) -> None:
    env.socialmath_explorer_pages = (getattr(env, "socialmath_explorer_pages", set())
                                    | getattr(other, "socialmath_explorer_pages", set()))


def _purge_explorer_pages(app: Sphinx, env, docname) -> None:
    getattr(env, "socialmath_explorer_pages", set()).discard(docname)


def _twin_node(app: Sphinx, name: str, twin: tuple[str, str, str], cell_id: str) -> nodes.raw:
    spec, note, title = twin
    wording = " ".join(part for part in (app.config.socialmath_twin_note, note) if part)
    payload = spec.replace("</", "<\\/")  # a JSON script ends at the first "</"
    markup = (f'<div class="{TWIN_CLASS}" data-explorer="{html.escape(name)}" '
              f'data-cell="{cell_id}" role="figure" aria-label="{html.escape(title)}" '
              f'hidden>\n'
              f'<p class="sm-twin-note">{html.escape(wording)}</p>\n'
              f'<div class="sm-twin-chart"></div>\n'
              f'<script type="application/json">{payload}</script>\n</div>')
    return nodes.raw("", markup, format="html")


def _twin_scripts(app, pagename, templatename, context, doctree) -> None:
    if doctree is not None and any(True for _ in doctree.findall(_is_twin)):
        for script in VEGA_SCRIPTS:
            app.add_js_file(script)


# -- downloads -----------------------------------------------------------------------------------
def _download_markdown_source(app, pagename, templatename, context, doctree) -> None:
    source = Path(app.srcdir) / f"{pagename}.md"
    if not (source.exists() and source.with_suffix(".ipynb").exists()):
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        buttons = group["buttons"]
        position = next((i + 1 for i, b in enumerate(buttons) if b.get("text") == ".ipynb"), 0)
        buttons.insert(position, {
            "type": "link",
            "url": f"{context['pathto']('_sources', 1)}/{pagename}.md",
            "text": ".md",
            "tooltip": "Download the MyST Markdown source",
            "icon": "fas fa-file-lines",
            "label": "download-markdown-button",
        })


def setup(app: Sphinx) -> dict:
    app.add_config_value(
        "socialmath_static_explorer_note",
        "On this page the figure shows the defaults; open the notebook to move the sliders.",
        "env")
    app.add_config_value(
        "socialmath_twin_note",
        "Move the sliders: your browser computes this figure from the same model as the "
        "notebook's explorer.",
        "env")
    app.connect("config-inited", _launch_buttons_need_a_repository)
    app.connect("builder-inited", _drop_thebe, priority=900)
    app.connect("doctree-read", _note_on_explorer_snapshots)
    app.connect("env-get-outdated", _twins_changed)
    app.connect("env-merge-info", _merge_explorer_pages)
    app.connect("env-purge-doc", _purge_explorer_pages)
    app.connect("html-page-context", _download_markdown_source, priority=600)
    app.connect("html-page-context", _no_thebe_assets, priority=900)
    app.connect("html-page-context", _twin_scripts)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
