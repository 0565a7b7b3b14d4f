#!/usr/bin/env bash
# Refresh the translation sources from the UI code (keeps existing translations).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=.venv/bin/pyside6-lupdate
[ -x "$lupdate" ] || lupdate=pyside6-lupdate
sources=$(ls main.py ui/*.py ui/models/*.py)
"$lupdate" -silent -locations none -no-obsolete $sources -ts resources/translations/prospect_desk_zh_CN.ts
"$lupdate" -silent -locations none -no-obsolete -pluralonly $sources -ts resources/translations/prospect_desk_en.ts
