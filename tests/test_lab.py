"""`make lab` starts JupyterLab on 127.0.0.1 with a token, in the learner's working copy; a busy
port is reported, not silently replaced; both notebooks open."""

import json
import os
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.lab


def _get(url: str, token: str | None = None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"token {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def test_server_listens_on_localhost_only_with_a_token(lab_server):
    info = lab_server.info
    assert "not trusted" not in lab_server.log.split("Starting JupyterLab")[0]
    assert info["hostname"] == "127.0.0.1"
    assert "127.0.0.1" in info["url"]
    assert len(info["token"]) >= 32
    assert info["root_dir"].endswith("my-notebooks")


def test_requests_without_the_token_are_refused(lab_server):
    with pytest.raises(urllib.error.HTTPError) as refused:
        _get(f"{lab_server.base_url}/api/contents")
    assert refused.value.code == 403


@pytest.mark.parametrize(("name", "title"), [
    ("00-start-here.ipynb", "# Start here"),
    ("01-silent-majority.ipynb", "# 1. The silent majority"),
])
def test_both_notebooks_open(lab_server, name, title):
    status, body = _get(f"{lab_server.base_url}/api/contents/{name}?content=1",
                        lab_server.info["token"])
    model = json.loads(body)
    assert status == 200 and model["type"] == "notebook"
    assert model["content"]["cells"][0]["source"].startswith(title)
    status, page = _get(f"{lab_server.base_url}/lab/tree/{name}", lab_server.info["token"])
    assert status == 200 and b"jupyter" in page.lower()


def test_authors_open_the_paired_markdown_as_a_notebook(start_lab, tmp_path):
    import shutil
    from pathlib import Path

    sources = tmp_path / "notebooks"  # `make lab-authors` serves notebooks/ itself; a copy here
    shutil.copytree(Path(__file__).resolve().parents[1] / "notebooks", sources,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    server = start_lab(["--sources", "--root", str(sources)])
    assert server.info["root_dir"] == str(sources)
    status, body = _get(f"{server.base_url}/api/contents/01-silent-majority.md"
                        "?type=notebook&content=1", server.info["token"])
    assert status == 200 and json.loads(body)["type"] == "notebook"
    before_jupyter = server.log.split("Starting JupyterLab")[0]
    assert "not trusted" not in before_jupyter  # jupytext's sync is quiet about signatures


def test_learners_get_notebooks_only_not_the_sources(lab_server):
    status, body = _get(f"{lab_server.base_url}/api/contents?content=1", lab_server.info["token"])
    names = {item["name"] for item in json.loads(body)["content"]}
    assert "01-silent-majority.ipynb" in names
    assert not [name for name in names if name.endswith(".md") or name == "jupytext.toml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root needs --allow-root")
def test_root_gets_allow_root_and_is_told(lab_server):
    assert "adding --allow-root" in lab_server.log


def test_lab_never_fetches_news_or_update_checks(lab_server):
    status, body = _get(f"{lab_server.base_url}/lab/api/settings/"
                        "@jupyterlab/apputils-extension:notification", lab_server.info["token"])
    defaults = json.loads(body)["schema"]["properties"]  # overrides.json replaces the defaults
    assert status == 200
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False


def test_a_busy_port_is_reported_with_the_way_out(tmp_path):
    import socket
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            ["bash", "scripts/start-lab.sh", "--root", str(tmp_path / "copy"), str(port)],
            cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "make lab PORT=" in result.stderr
    assert "Starting JupyterLab" not in result.stdout  # it never pretends to start elsewhere


def test_lab_never_moves_to_another_port_by_itself():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[1] / "scripts" / "start-lab.sh").read_text()
    assert "--ServerApp.port_retries=0" in script
