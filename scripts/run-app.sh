#!/usr/bin/env bash
# Install what is missing, then open Prospect Desk. Arguments go to main.py.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
