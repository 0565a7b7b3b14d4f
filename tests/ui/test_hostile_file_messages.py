"""A hostile file is explained in words, on the command line as in the window."""

import pytest
from PySide6.QtCore import Qt

import main
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.models import Card
from prospect_desk.spreadsheet_read import ReadProblem, SpreadsheetError
from ui.import_messages import READ_PROBLEMS, read_problem_text


@pytest.mark.parametrize("problem", list(ReadProblem))
def test_every_reason_a_file_is_refused_has_a_sentence_naming_the_file(problem, tmp_path):
    assert problem in READ_PROBLEMS
    text = read_problem_text(SpreadsheetError(tmp_path / "名单.xlsx", problem, row=17))
    assert "名单.xlsx" in text and "%1" not in text and "%2" not in text
    if "%2" in READ_PROBLEMS[problem]:
        assert "17" in text


@pytest.fixture
def saved_file(db_path):
    open_database(db_path)
    create_card(CardData(name="Alice Wong"))
    close_database()
    return db_path


def card_count(db_path) -> int:
    open_database(db_path)
    try:
        return Card.select().count()
    finally:
        close_database()


def test_importing_a_csv_with_control_characters_says_which_row(saved_file, tmp_path, capsys):
    source = tmp_path / "list.csv"
    source.write_bytes(b"Name,Phone\nBob,123\nEve,\x07\x07\x07\n")
    assert main.main(["--db", str(saved_file), "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Row 3 of list.csv holds control characters" in err
    assert card_count(saved_file) == 1


def test_importing_a_zip_bomb_says_so_and_changes_nothing(saved_file, tmp_path, capsys):
    import zipfile

    source = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>" + " " * 20_000_000)
    assert main.main(["--db", str(saved_file), "import", str(source)]) == 2
    assert "zip bomb" in capsys.readouterr().err
    assert card_count(saved_file) == 1


def test_the_import_wizard_explains_an_xml_attack_and_writes_nothing(main_window, qtbot,
                                                                     monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QWizard

    from tests.core.test_hostile_files import BILLION_LAUGHS, sheet_xml, write_workbook
    from ui.import_wizard import ImportWizard

    create_card(CardData(name="Alice Wong"))
    sheet = sheet_xml([(1, ["姓名"]), (2, ["&lol9;"])], prolog=BILLION_LAUGHS)
    path = write_workbook(tmp_path / "laughs.xlsx", sheet.replace("&amp;lol9;", "&lol9;"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))

    main_window.import_action.trigger()
    [wizard] = [w for w in main_window.findChildren(ImportWizard) if w.isVisible()]
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.file_page.job is None, timeout=10000)

    problem = wizard.file_page.problem_label
    assert problem.isVisible()
    assert "laughs.xlsx holds XML declarations (DOCTYPE or ENTITY)" in problem.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert Card.select().count() == 1
    wizard.reject()
