#!/usr/bin/env bash
# Start JupyterLab on the course, bound to 127.0.0.1 with token authentication on (Jupyter prints
# the address with its token).
#
#   start-lab.sh [--root DIR] [--take "NAMES"] PORT [JupyterLab arguments...]   (make lab)
#   start-lab.sh --sources [--root DIR] PORT [JupyterLab arguments...]          (make lab-authors)
#
# A learner works in a copy of the notebooks (default my-notebooks/, ignored by git), refreshed by
# scripts/workcopy.py for every notebook they have not changed; the tracked sources in notebooks/
# stay as they are. --sources serves notebooks/ itself, paired with the .md sources by jupytext.
set -euo pipefail
root=""
sources=0
take=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$2"; shift 2 ;;
    --take) take="$2"; shift 2 ;;
    --sources) sources=1; shift ;;
    *) break ;;
  esac
done
if [ -z "$root" ]; then
  if [ "$sources" = 1 ]; then root=notebooks; else root=my-notebooks; fi
fi
port="${1:-8888}"
shift || true

# A busy port is an error, not a quiet move to the next one: the address printed must be the one
# that answers.
if ! .venv/bin/python - "$port" <<'EOF'
import socket, sys
with socket.socket() as sock:
    try:
        sock.bind(("127.0.0.1", int(sys.argv[1])))
    except OSError:
        sys.exit(1)
EOF
then
  echo "Port $port on 127.0.0.1 is already in use (another JupyterLab, perhaps: open it, or stop it)." >&2
  echo "To start the course on another port, pick a free one: make lab PORT=8899" >&2
  exit 1
fi

if [ "$sources" = 1 ]; then
  echo "Serving the notebook sources in $root/: your saves change them (jupytext keeps each .md in step)."
  .venv/bin/jupytext --sync --quiet "$root"/[0-9][0-9]-*.md
else
  # shellcheck disable=SC2086  # NAMES is a space-separated list
  .venv/bin/python scripts/workcopy.py --source notebooks --dest "$root" ${take:+--take $take}
fi

args=(
  --ServerApp.ip=127.0.0.1
  --ServerApp.port="$port"
  --ServerApp.port_retries=0
  --ServerApp.root_dir="$root"
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
echo "Starting JupyterLab on http://127.0.0.1:$port in $root/ (token authentication on; stop it with Ctrl-C twice)."
exec .venv/bin/jupyter lab "${args[@]}" "$@"
