#!/usr/bin/env bash
# Set up everything Prospect Desk needs on this machine, idempotently:
# system libraries Qt needs and a CJK font (Debian/Ubuntu, when we may install),
# a virtual environment in .venv with the app (and, with --test, the test tools),
# and the compiled translations.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

# --- system packages ---------------------------------------------------------
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
          libglib2.0-0 fonts-wqy-microhei poppler-utils)
if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
      echo "Installing system packages: ${missing[*]}"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Please install these packages: ${missing[*]}" >&2
    fi
  fi
fi

# --- Python environment --------------------------------------------------------
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"

# --- translations ----------------------------------------------------------------
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
