import logging
import logging.handlers
import sys

import pytest

from prospect_desk import __version__
from prospect_desk.error_log import log_exception, setup_logging, shutdown_logging


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    shutdown_logging()


def raise_and_catch():
    try:
        {}["missing card"]
    except KeyError:
        return sys.exc_info()


def test_the_log_is_a_rotating_file_of_about_a_megabyte_in_the_given_folder(log_file, tmp_path):
    assert log_file == tmp_path / "logs" / "prospect_desk.log"
    handlers = [h for h in logging.getLogger().handlers
                if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert [h.baseFilename for h in handlers] == [str(log_file)]
    assert handlers[0].maxBytes == 1_000_000
    assert handlers[0].backupCount == 3


def test_an_unhandled_error_is_written_to_the_log_with_its_traceback(log_file):
    log_exception(*raise_and_catch())
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR" in text
    assert "Traceback (most recent call last)" in text
    assert "KeyError: 'missing card'" in text
    assert "raise_and_catch" in text


def test_the_details_text_names_the_error_where_it_happened_and_the_version(log_file):
    details = log_exception(*raise_and_catch())
    assert f"Prospect Desk {__version__}" in details
    assert "in raise_and_catch" in details
    assert details.rstrip().endswith("KeyError: 'missing card'")


def test_setting_up_logging_twice_writes_each_record_once(tmp_path, log_file):
    setup_logging(tmp_path / "logs")
    logging.getLogger("prospect_desk").warning("only once")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_file.read_text(encoding="utf-8").count("only once") == 1
