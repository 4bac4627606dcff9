"""Install the JavaScript the book serves itself, from npm, at build time, into an ignored folder.

    python scripts/js_assets.py            # (make book and the book tests run this)

The book must work offline, so it loads no script from another host: every JavaScript library
it needs is an npm package pinned in ``book/js/package.json`` and ``book/js/package-lock.json``
(integrity hashes), and ``book/js/assets.json`` says which of its files the site serves and
under which folder of ``_static/``. This script runs ``npm ci`` in ``_build/js-assets/`` and
copies those files to ``_build/js-assets/static/``, which ``book/_config.yml`` lists in
``html_static_path``. It does nothing when the lock file and the list have not changed since its
last run.

To serve another library: add it to package.json, run ``npm install --package-lock-only`` in
``book/js``, add an entry to assets.json, and load it from ``_static/<folder>/...``.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "book" / "js"
OUT = ROOT / "_build" / "js-assets"
STATIC = OUT / "static"


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json", "assets.json"):
        digest.update((SPEC / name).read_bytes())
    return digest.hexdigest()


def _npm() -> str:
    npm = shutil.which("npm")
    if npm:
        return npm
    if os.environ.get("CI") == "true" and os.geteuid() == 0 and shutil.which("apt-get"):
        print("CI=true: installing Debian's npm to fetch the book's JavaScript")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "npm"], check=True, env=env)
        return shutil.which("npm") or sys.exit("npm is still missing after apt-get install npm")
    sys.exit("The book serves its own MathJax, installed from npm when it is built, and npm was "
             "not found. Install Node.js with npm (Debian/Ubuntu: apt-get install npm; macOS: "
             "brew install node), then run make book again.")


def install() -> Path:
    """Make ``_build/js-assets/static`` hold the files listed in ``book/js/assets.json``."""
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT.parent / "js-assets.lock", "w") as lock:  # two builds at once wait in turn
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _install()


def _install() -> Path:
    stamp = OUT / ".fingerprint"
    fingerprint = _fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint and STATIC.is_dir():
        return STATIC
    OUT.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(SPEC / name, OUT / name)
    print(f"Installing the book's JavaScript from npm into {OUT.relative_to(ROOT)}/")
    subprocess.run([_npm(), "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                   cwd=OUT, check=True)
    if STATIC.exists():
        shutil.rmtree(STATIC)
    assets = {k: v for k, v in json.loads((SPEC / "assets.json").read_text()).items()
              if not k.startswith("/")}
    for folder, spec in assets.items():
        origin = OUT / spec["from"]
        copied = 0
        for pattern in spec["include"]:
            for path in sorted(origin.glob(pattern)):
                if path.is_file():
                    target = STATIC / folder / path.relative_to(origin)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, target)
                    copied += 1
        if not copied:
            sys.exit(f"book/js/assets.json: nothing matched for {folder!r} in {spec['from']}")
        print(f"  _static/{folder}/: {copied} files")
    stamp.write_text(fingerprint)
    return STATIC


if __name__ == "__main__":
    install()
