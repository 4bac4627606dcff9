"""Opening the course leaves git clean: in a real JupyterLab, as a learner and as an author.

* A learner (`make lab`) works in a copy of the notebooks in an ignored folder. Opening a notebook
  marks nothing unsaved, saving it unchanged writes the very bytes of the tracked notebook (the
  stored form is JupyterLab's own), and after running every cell and saving, `git status` is what
  it was before the lab started.
* An author (`make lab-authors`) opens the sources themselves: opening and saving each notebook
  rewrites neither the .ipynb nor its paired .md (checked on a copy of notebooks/).

The rewrite this guards against happens in the browser (kernel name, numbers re-serialised by
JavaScript), so a round trip through the contents API alone would not catch it.
"""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
pytestmark = [pytest.mark.browser, pytest.mark.lab]


def _each_notebook(browser, server, visit) -> list[str]:
    """Open every notebook in the lab, note if that marks it unsaved, save it, then ``visit``."""
    lab = Lab(browser, server)
    problems = []
    try:
        for name in NOTEBOOKS:
            lab.open(name)
            if lab.dirty():
                problems.append(f"{name}: marked unsaved on opening")
            lab.save()
            problems += visit(lab, name)
            lab.shut_down()
    finally:
        lab.close()
        server.stop()
    return problems


def _git_state():
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    files = sorted((ROOT / "notebooks").iterdir())
    return status, {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files
                    if p.is_file()}


class Lab:
    """One browser page on one JupyterLab, driven through JupyterLab's own commands."""

    def __init__(self, browser, server):
        self.server = server
        self.context = browser.new_context(viewport={"width": 1366, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(120_000)

    def open(self, name: str) -> None:
        token = self.server.info["token"]
        self.page.goto(f"{self.server.base_url}/lab/tree/{name}?token={token}&reset")
        self.page.wait_for_function("window.jupyterapp !== undefined")
        self.page.wait_for_function(
            "(() => { const w = window.jupyterapp.shell.currentWidget;"
            " return w && w.context && w.context.path.endsWith(" + json.dumps(name) + ")"
            " && w.sessionContext.session && w.sessionContext.session.kernel"
            " && w.sessionContext.session.kernel.status === 'idle'; })()")
        # JupyterLab rewrites the notebook's metadata once the kernel has told it its name and
        # language: give that (and the widget manager) time to happen before judging.
        self.page.wait_for_timeout(2000)

    def dirty(self) -> bool:
        return self.page.evaluate("window.jupyterapp.shell.currentWidget.context.model.dirty")

    def save(self) -> None:
        self.page.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
        self.page.wait_for_function("!window.jupyterapp.shell.currentWidget.context.model.dirty")

    def run_all(self) -> list[str]:
        """Run every cell; return the error outputs."""
        self.page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        self.page.wait_for_function(
            "(() => { const w = window.jupyterapp.shell.currentWidget;"
            " const cells = w.content.model.cells;"
            " for (let i = 0; i < cells.length; i++) {"
            "   const c = cells.get(i); if (c.type === 'code' && !c.executionCount) return false; }"
            " return w.sessionContext.session.kernel.status === 'idle'"
            "   && !document.querySelector('.jp-InputPrompt:not(:empty)')"
            "        ?.textContent.includes('[*]'); })()", timeout=240_000)
        return self.page.evaluate(
            "[...document.querySelectorAll("
            "'.jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type=\"application/vnd.jupyter"
            ".error\"]')].map(e => e.textContent.slice(0, 300))")

    def shut_down(self) -> None:
        self.page.evaluate("window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")

    def close(self) -> None:
        self.context.close()


# Eight chapters run one after another in a real lab: about two minutes on a quiet 2-core machine,
# up to three times that when the machine is busy. The limit still catches a hung kernel.
@pytest.mark.timeout(900)
def test_a_learner_runs_every_chapter_and_git_stays_clean(browser, start_lab):
    before = _git_state()
    root = ROOT / "_build" / "lab-hygiene"  # inside the repository, ignored like my-notebooks/
    shutil.rmtree(root, ignore_errors=True)
    server = start_lab(["--root", str(root)])

    def run_and_save(lab, name):
        problems = []
        if (root / name).read_bytes() != (ROOT / "notebooks" / name).read_bytes():
            problems.append(f"{name}: saving it unchanged rewrote it (not in the stored form)")
        errors = lab.run_all()
        if errors:
            problems.append(f"{name}: errors when run: {errors[:2]}")
        lab.save()
        return problems

    problems = _each_notebook(browser, server, run_and_save)
    after = _git_state()
    assert not problems, "\n".join(problems)
    assert after == before, "the lab changed the repository:\n" + after[0]
    assert all((root / name).exists() for name in NOTEBOOKS)
    shutil.rmtree(root, ignore_errors=True)


def test_an_author_opens_and_saves_every_source_unchanged(browser, start_lab, tmp_path):
    sources = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", sources,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    server = start_lab(["--sources", "--root", str(sources)])

    def unchanged(lab, name):
        return [f"{name}: saving it unchanged rewrote its {suffix}" for suffix in (".ipynb", ".md")
                if (sources / name).with_suffix(suffix).read_bytes()
                != (ROOT / "notebooks" / name).with_suffix(suffix).read_bytes()]

    problems = _each_notebook(browser, server, unchanged)
    assert not problems, "\n".join(problems)
