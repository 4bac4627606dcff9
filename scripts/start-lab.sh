#!/usr/bin/env bash
# Start JupyterLab on the course: notebooks/ as the root, bound to 127.0.0.1, token authentication on
# (Jupyter prints the address with its token). Called by `make lab`; any further arguments go to
# JupyterLab as they are.
set -euo pipefail
port="${1:-8888}"
shift || true
args=(
  --ServerApp.ip=127.0.0.1
  --ServerApp.port="$port"
  --ServerApp.root_dir=notebooks
  --LabApp.default_url=/lab/tree/00-start-here.ipynb
)
# The course works offline: JupyterLab must not ask to fetch news or check for updates.
settings=.venv/share/jupyter/lab/settings
mkdir -p "$settings"
cp scripts/lab-overrides.json "$settings/overrides.json"
if [ "$(id -u)" = 0 ]; then
  echo "Running as root: adding --allow-root (JupyterLab refuses to start as root without it)."
  args+=(--allow-root)
fi
echo "Starting JupyterLab on http://127.0.0.1:$port (token authentication on; stop it with Ctrl-C twice)."
exec .venv/bin/jupyter lab "${args[@]}" "$@"
