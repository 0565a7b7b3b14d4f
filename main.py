"""Prospect Desk: with no subcommand the window opens; with one, it runs without a window.

    python main.py [--db PATH]                 open the app
    python main.py [--db PATH] SUBCOMMAND ...  see --help
"""

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db")
    known, rest = pre.parse_known_args(argv)

    from prospect_desk.database import resolve_db_path

    db_path = resolve_db_path(known.db)
    if rest:
        from ui.cli import run_cli

        return run_cli(argv, db_path)
    from prospect_desk.database import start_quick_check

    start_quick_check(db_path)  # while the user interface loads
    from ui.app import run

    return run(db_path)


if __name__ == "__main__":
    sys.exit(main())
