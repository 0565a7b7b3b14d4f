"""The calendar on the command line: the agenda, the .ics file, a bad date."""

import datetime

import icalendar
import pytest

import main
from prospect_desk.cards import CardData, create_card
from prospect_desk.database import close_database, open_database
from prospect_desk.follow_up_rules import mark_declined
from prospect_desk.follow_ups import add_follow_up

D = datetime.date


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "cards.sqlite3"
    open_database(path)
    wang = create_card(CardData(name="Wang Wei", birthday=D(1980, 3, 20)))
    li = create_card(CardData(name="李娜"))
    add_follow_up(wang, "manual", D(2025, 3, 10), "bring samples")
    mark_declined(li, "price", "", D(2025, 3, 12), today=D(2025, 3, 1))
    add_follow_up(li, "mailer", D(2025, 4, 2))  # outside the range
    close_database()
    return path


def test_agenda_prints_one_line_per_follow_up(db_file, capsys):
    code = main.main(["--db", str(db_file), "agenda", "--from", "2025-03-01",
                      "--to", "2025/3/31"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    # the gift comes 7 days before the birthday: 20 - 7 = 13
    assert lines == [
        "2025-03-10\tFollow-up\tWang Wei\tbring samples",
        "2025-03-12\tRevisit\t李娜\tRevisit after 'not now' (Price): "
        "check the same person still buys",
        "2025-03-13\tBirthday gift\tWang Wei\tBirthday on 2025-03-20: send a small gift",
        "2025-03-20\tBirthday\tWang Wei\tBirthday",
    ]


def test_calendar_writes_an_ics_file_that_reads_back(db_file, tmp_path, capsys):
    target = tmp_path / "follow-ups.ics"
    code = main.main(["--db", str(db_file), "calendar", "--from", "2025-03-01",
                      "--to", "2025-03-31", "--ics", str(target)])
    assert code == 0
    assert "4 events" in capsys.readouterr().out
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = sorted((e.decoded("dtstart"), str(e["summary"])) for e in calendar.walk("VEVENT"))
    assert [day for day, _ in events] == [D(2025, 3, 10), D(2025, 3, 12), D(2025, 3, 13),
                                          D(2025, 3, 20)]
    assert "李娜" in events[1][1]


@pytest.mark.parametrize("bad", ["2025-02-30", "next week"])
def test_a_bad_date_is_refused_with_exit_2(db_file, capsys, bad):
    code = main.main(["--db", str(db_file), "agenda", "--from", bad, "--to", "2025-03-31"])
    assert code == 2
    err = capsys.readouterr().err
    assert f"“{bad}” is not a date" in err
