#!/usr/bin/env bash
# Browser tests drive Debian's Chromium. Under CI (CI=true) they are required, so install it when it
# is missing; on a learner's machine they skip with a reason instead, and nothing is installed.
set -euo pipefail
chromium=/usr/bin/chromium
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "${CI:-}" != "true" ]; then
  echo "Chromium not found at $chromium: browser tests will be skipped (apt-get install chromium to run them)."
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "CI=true needs Chromium at $chromium for the browser tests, and this machine cannot install it." >&2
  exit 1
fi
echo "CI=true: installing Debian's chromium for the browser tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
"$chromium" --version
