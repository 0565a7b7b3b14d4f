"""Translated words for importing and exporting: why a file could not be read,
why a row was left out, what each spreadsheet column can become.

One table per vocabulary of the core, marked for lupdate and translated at the
moment of use (the window and the command line share them)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from prospect_desk.header_mapping import ImportField
from prospect_desk.import_rows import DuplicateKey, ImportProblem
from prospect_desk.spreadsheet_read import ReadProblem, SpreadsheetError

CONTEXT = "ImportMessages"

READ_PROBLEMS: dict[ReadProblem, str] = {
    ReadProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 does not exist (any more)."),
    ReadProblem.EMPTY: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 is empty: there is nothing to import."),
    ReadProblem.NOT_A_SPREADSHEET: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 is not a spreadsheet. Choose an Excel (.xlsx, .xls), "
        "OpenDocument (.ods) or CSV file."),
    ReadProblem.DAMAGED: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 is damaged and cannot be read. Open it in your "
        "spreadsheet program, save it again and retry."),
    ReadProblem.ENCRYPTED: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 is protected by a password. Open it in your "
        "spreadsheet program, remove the password, save it and retry."),
    ReadProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 is too large to import safely."),
    ReadProblem.SHEET_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 has no sheet of that name."),
    ReadProblem.NO_HEADER: QT_TRANSLATE_NOOP(
        "ImportMessages", "The first filled row of %1 holds no column titles. Put a row of "
        "titles (such as Name, Company, Phone) above the cards."),
    ReadProblem.UNKNOWN_ENCODING: QT_TRANSLATE_NOOP(
        "ImportMessages", "The text of %1 is in an unknown encoding. Save it as UTF-8 "
        "and retry."),
    ReadProblem.ZIP_BOMB: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 would unpack to far more than its own size (a \"zip "
        "bomb\"), so it was not opened. Nothing was imported."),
    ReadProblem.XML_ENTITIES: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 holds XML declarations (DOCTYPE or ENTITY) that no "
        "spreadsheet needs and that can be used to attack a program, so it was not opened. "
        "Nothing was imported."),
    ReadProblem.CONTROL_CHARACTERS: QT_TRANSLATE_NOOP(
        "ImportMessages", "Row %2 of %1 holds control characters (invisible codes that are not "
        "text), so nothing was imported. Remove them in your spreadsheet program and retry."),
    ReadProblem.CELL_TOO_LONG: QT_TRANSLATE_NOOP(
        "ImportMessages", "A cell in row %2 of %1 holds more than 32,767 characters, more than "
        "a spreadsheet cell can hold, so nothing was imported."),
    ReadProblem.TOO_MANY_ROWS: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 has more than 1,048,576 rows, more than a spreadsheet "
        "can hold, so nothing was imported. Split it into smaller files."),
    ReadProblem.LINE_TOO_LONG: QT_TRANSLATE_NOOP(
        "ImportMessages", "Line %2 of %1 is longer than a megabyte: this is not a list of "
        "cards. Nothing was imported."),
    ReadProblem.BINARY_DATA: QT_TRANSLATE_NOOP(
        "ImportMessages", "The file %1 holds binary data, not text, so it is not a CSV file. "
        "Nothing was imported."),
}

IMPORT_PROBLEMS: dict[ImportProblem, str] = {
    ImportProblem.NAME_REQUIRED: QT_TRANSLATE_NOOP("ImportMessages", "No name"),
    ImportProblem.NOT_A_DATE: QT_TRANSLATE_NOOP("ImportMessages", "Not a date"),
    ImportProblem.IMPOSSIBLE_DATE: QT_TRANSLATE_NOOP("ImportMessages", "No such date"),
    ImportProblem.UNKNOWN_KIND: QT_TRANSLATE_NOOP(
        "ImportMessages", "Unknown kind (company or individual)"),
    ImportProblem.UNKNOWN_STAGE: QT_TRANSLATE_NOOP("ImportMessages", "Unknown stage"),
    ImportProblem.UNKNOWN_CREDIT_STATUS: QT_TRANSLATE_NOOP(
        "ImportMessages", "Unknown credit status"),
    ImportProblem.UNKNOWN_REFERRAL_SOURCE: QT_TRANSLATE_NOOP(
        "ImportMessages", "Unknown referral source"),
    ImportProblem.EMAIL_INVALID: QT_TRANSLATE_NOOP("ImportMessages", "Not an e-mail address"),
    ImportProblem.BIRTHDAY_IN_FUTURE: QT_TRANSLATE_NOOP(
        "ImportMessages", "Birthday in the future"),
    ImportProblem.REFERRER_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ImportMessages", "Referrer not found: imported without the link"),
}

DUPLICATE_KEYS: dict[DuplicateKey, str] = {
    DuplicateKey.PHONE: QT_TRANSLATE_NOOP("ImportMessages", "same phone"),
    DuplicateKey.EMAIL: QT_TRANSLATE_NOOP("ImportMessages", "same e-mail"),
    DuplicateKey.NAME_AND_COMPANY: QT_TRANSLATE_NOOP("ImportMessages", "same name and company"),
}

FIELD_LABELS: dict[ImportField, str] = {
    ImportField.KIND: QT_TRANSLATE_NOOP("ImportMessages", "Kind (company or individual)"),
    ImportField.NAME: QT_TRANSLATE_NOOP("ImportMessages", "Name"),
    ImportField.COMPANY: QT_TRANSLATE_NOOP("ImportMessages", "Company"),
    ImportField.EMPLOYER: QT_TRANSLATE_NOOP("ImportMessages", "Employer"),
    ImportField.ADDRESS: QT_TRANSLATE_NOOP("ImportMessages", "Address"),
    ImportField.PHONE: QT_TRANSLATE_NOOP("ImportMessages", "Phone"),
    ImportField.MOBILE: QT_TRANSLATE_NOOP("ImportMessages", "Mobile"),
    ImportField.FAX: QT_TRANSLATE_NOOP("ImportMessages", "Fax"),
    ImportField.EMAIL: QT_TRANSLATE_NOOP("ImportMessages", "E-mail"),
    ImportField.PERSON_IN_CHARGE: QT_TRANSLATE_NOOP("ImportMessages", "Person in charge"),
    ImportField.HANDLER: QT_TRANSLATE_NOOP("ImportMessages", "Handler"),
    ImportField.INTERESTS: QT_TRANSLATE_NOOP("ImportMessages", "Interests"),
    ImportField.NOTES: QT_TRANSLATE_NOOP("ImportMessages", "Notes"),
    ImportField.FIRST_CONTACT: QT_TRANSLATE_NOOP("ImportMessages", "First contact"),
    ImportField.TRANSACTION_DATE: QT_TRANSLATE_NOOP("ImportMessages", "Transaction date"),
    ImportField.BIRTHDAY: QT_TRANSLATE_NOOP("ImportMessages", "Birthday"),
    ImportField.STAGE: QT_TRANSLATE_NOOP("ImportMessages", "Stage"),
    ImportField.CREDIT_STATUS: QT_TRANSLATE_NOOP("ImportMessages", "Credit status"),
    ImportField.CIRCLE: QT_TRANSLATE_NOOP("ImportMessages", "Circle"),
    ImportField.REFERRAL_SOURCE: QT_TRANSLATE_NOOP("ImportMessages", "Referral source"),
    ImportField.REFERRER: QT_TRANSLATE_NOOP("ImportMessages", "Referred by"),
    ImportField.NEXT_REVISIT: QT_TRANSLATE_NOOP("ImportMessages", "Next revisit (a follow-up)"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def read_problem_text(error: SpreadsheetError) -> str:
    """Why the file could not be read, as a sentence naming the file."""
    row = str(error.row) if error.row is not None else "?"
    return translate(READ_PROBLEMS[error.problem]).replace("%1", error.path.name).replace(
        "%2", row)


def import_problem_text(problem: ImportProblem) -> str:
    return translate(IMPORT_PROBLEMS[ImportProblem(problem)])


def duplicate_key_text(key: DuplicateKey) -> str:
    return translate(DUPLICATE_KEYS[DuplicateKey(key)])


def field_label(target: ImportField) -> str:
    return translate(FIELD_LABELS[ImportField(target)])
