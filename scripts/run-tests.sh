#!/usr/bin/env bash
# Install what is missing, then run the whole test suite (no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m ruff check .
exec .venv/bin/python -m pytest "$@"
