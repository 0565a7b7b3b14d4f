"""Printing from the command line: the call sheet of a day or range, and personal
letters to chosen cards or a campaign, as PDF."""

import argparse
import sys

from prospect_desk.enums import FollowUpKind
from ui.cli_command import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    date_option,
    translate,
    write_failed,
)
from ui.paged_print import PAPER_SIZES, cjk_family, no_cjk_font_message


def _paper_and_pdf_arguments(parser: argparse.ArgumentParser) -> None:
    """The paper size and the PDF file, as every printing subcommand takes them."""
    parser.add_argument(
        "--paper",
        choices=list(PAPER_SIZES),
        default="a4",
        help=translate("cli", "paper size (default: a4)"),
    )
    parser.add_argument(
        "--pdf", required=True, metavar="FILE", help=translate("cli", "the PDF file to write")
    )


def _callsheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        required=True,
        metavar="DATE",
        help=translate("cli", "the day, or the first day of a range, e.g. 2025-03-04"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help=translate("cli", "the last day of the range (default: the same day)"),
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in FollowUpKind],
        help=translate("cli", "only follow-ups of this kind"),
    )
    parser.add_argument(
        "--overdue",
        action="store_true",
        help=translate("cli", "also list the open follow-ups due before the day"),
    )
    _paper_and_pdf_arguments(parser)


def _run_callsheet(args: argparse.Namespace) -> int:
    from ui.call_sheet_print import CallSheetOptions, write_call_sheet_pdf

    start = date_option("--date", args.date)
    if start is None:
        return EXIT_FAILED
    end = start
    if args.end:
        end = date_option("--to", args.end)
        if end is None:
            return EXIT_FAILED
        if end < start:
            print(translate("cli", "--to comes before --date."), file=sys.stderr)
            return EXIT_FAILED
    if cjk_family() is None:
        print(no_cjk_font_message(), file=sys.stderr)
    options = CallSheetOptions(
        start, end, kind=args.kind, include_overdue=args.overdue, paper=args.paper
    )
    try:
        pages = write_call_sheet_pdf(args.pdf, options)
    except OSError as error:
        return write_failed(args.pdf, error)
    print(
        translate("cli", "%2 written (%1 pages).").replace("%1", str(pages)).replace("%2", args.pdf)
    )
    return EXIT_OK


def _letters_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template",
        required=True,
        metavar="NAME",
        help=translate("cli", "the letter template, e.g. thank_you, birthday, win_back"),
    )
    whom = parser.add_mutually_exclusive_group(required=True)
    whom.add_argument(
        "--campaign",
        type=int,
        metavar="ID",
        help=translate("cli", "write to the cards of this campaign and mark its letters sent"),
    )
    whom.add_argument(
        "--cards", metavar="IDS", help=translate("cli", "write to these cards, e.g. 3,17,42")
    )
    parser.add_argument(
        "--language",
        choices=["en", "zh_CN"],
        help=translate("cli", "which language's template (default: the window's language)"),
    )
    parser.add_argument(
        "--date",
        metavar="DATE",
        help=translate("cli", "the date the letters bear (default: today)"),
    )
    _paper_and_pdf_arguments(parser)


def _card_ids(text: str) -> list[int] | None:
    try:
        ids = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        ids = []
    if not ids:
        print(
            translate(
                "cli", "--cards: “%1” is not a list of card numbers such as 3,17,42."
            ).replace("%1", text),
            file=sys.stderr,
        )
        return None
    return ids


def _run_letters(args: argparse.Namespace) -> int:
    import datetime

    from prospect_desk import letters
    from prospect_desk.mailing import campaign_card_ids
    from ui import settings
    from ui.letter_print import LetterJob, history_label, write_letters_pdf

    language = args.language or settings.effective_language()
    today = datetime.date.today()
    if args.date:
        today = date_option("--date", args.date)
        if today is None:
            return EXIT_FAILED
    try:
        template = letters.load_template(args.template, language)
    except letters.TemplateNotFoundError:
        names = ", ".join(t.key for t in letters.list_templates(language))
        print(
            translate("cli", "There is no letter template “%1”. The templates are: %2")
            .replace("%1", args.template)
            .replace("%2", names),
            file=sys.stderr,
        )
        return EXIT_FAILED
    unknown = letters.unknown_fields(template.body)
    if unknown:
        print(
            translate("cli", "The template uses words in braces that are not fields: %1").replace(
                "%1", ", ".join("{" + u + "}" for u in unknown)
            ),
            file=sys.stderr,
        )
        return EXIT_FAILED
    if args.campaign is not None:
        card_ids = campaign_card_ids(args.campaign)
    else:
        card_ids = _card_ids(args.cards)
        if card_ids is None:
            return EXIT_FAILED
    if not card_ids:
        print(translate("cli", "There are no cards to write to."), file=sys.stderr)
        return EXIT_FAILED
    if cjk_family() is None:
        print(no_cjk_font_message(), file=sys.stderr)
    job = LetterJob(
        template, tuple(card_ids), today, args.paper, args.campaign, history_label(template.title)
    )
    try:
        result = write_letters_pdf(args.pdf, job)
    except OSError as error:
        return write_failed(args.pdf, error)
    print(
        translate("cli", "%1 written (%2 letters, %3 pages).")
        .replace("%1", args.pdf)
        .replace("%2", str(result.letters))
        .replace("%3", str(result.pages))
    )
    if args.campaign is not None:
        print(
            translate("cli", "%1 follow-ups of the campaign marked done.").replace(
                "%1", str(result.completed)
            )
        )
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "callsheet",
        lambda: translate("cli", "write the call sheet of a day or range as a PDF"),
        _callsheet_arguments,
        _run_callsheet,
        needs_gui=True,
    ),
    Command(
        "letters",
        lambda: translate("cli", "write personal letters from a template as a PDF, one per card"),
        _letters_arguments,
        _run_letters,
        needs_gui=True,
    ),
]
