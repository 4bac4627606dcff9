"""Shared test set-up: a headless matplotlib, and a JupyterLab server started the way `make lab`
starts it."""

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A JupyterLab started by scripts/start-lab.sh, with its address, token and log."""

    def __init__(self, tmp: Path, mode: list[str] | None = None) -> None:
        """``mode`` comes before the port on start-lab.sh's command line: by default a learner's
        working copy made in ``tmp``, as `make lab` makes one in my-notebooks/."""
        self.port = _free_port()
        mode = ["--root", str(tmp / "my-notebooks")] if mode is None else mode
        self.runtime = tmp / "runtime"
        self.log_path = tmp / "lab.log"
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(self.runtime), "BROWSER": "true",
               "JUPYTER_CONFIG_DIR": str(tmp / "config")}
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            # The browser test drives JupyterLab's commands, which it exposes on request.
            ["bash", "scripts/start-lab.sh", *mode, str(self.port),
             "--LabApp.expose_app_in_browser=True"], cwd=ROOT, env=env,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        self.info = self._wait_for_server_info(timeout=90)

    def _wait_for_server_info(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log}")
            for path in self.runtime.glob("jpserver-*.json"):
                info = json.loads(path.read_text())
                if info.get("port") == self.port:
                    return info
            time.sleep(0.25)
        raise RuntimeError(f"JupyterLab did not start within {timeout} s:\n{self.log}")

    @property
    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self._log.close()


@pytest.fixture(scope="module")
def start_lab(tmp_path_factory):
    """``start_lab(mode)`` starts a JupyterLab as start-lab.sh does; all are stopped afterwards."""
    servers = []

    def start(mode: list[str] | None = None) -> LabServer:
        servers.append(LabServer(tmp_path_factory.mktemp("lab"), mode))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    server = LabServer(tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def build_book():
    """Build the site the way `make book` does: ``build_book(out[, config])`` -> its html folder."""
    import sys

    def build(out: Path, config: Path = ROOT / "book" / "_config.yml") -> Path:
        subprocess.run([sys.executable, "scripts/js_assets.py"], cwd=ROOT, check=True,
                       timeout=600)
        jupyter_book = Path(sys.executable).with_name("jupyter-book")
        result = subprocess.run(
            [str(jupyter_book), "build", ".", "--config", str(config), "--toc",
             "book/_toc.yml", "-W", "-n", "--keep-going", "--path-output", str(out)],
            cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return out / "_build" / "html"

    return build


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright: skipped without it, required under CI=true."""
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (Debian package 'chromium')"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: browser tests are required under CI")
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        yield chromium
        chromium.close()
