"""The pinyin tables are kept in the cache folder and read back as built."""

import pytest

from prospect_desk import pinyin_tables


@pytest.fixture
def cache(tmp_path, monkeypatch):
    path = tmp_path / "cache" / "pinyin.json"
    monkeypatch.setattr(pinyin_tables, "_cache_path", lambda: path)
    return path


def test_the_tables_are_kept_and_read_back_as_they_were_built(cache):
    built = pinyin_tables.build()
    assert pinyin_tables.load() == built  # built, and kept
    assert cache.exists()
    assert pinyin_tables._read(cache) == built
    assert pinyin_tables.load() == built  # read from the cache


def test_a_damaged_cache_is_built_again_and_replaced(cache):
    cache.parent.mkdir()
    cache.write_text('{"full": {"20013": ', encoding="utf-8")
    assert pinyin_tables.load() == pinyin_tables.build()
    assert pinyin_tables._read(cache) == pinyin_tables.build()


def test_a_cache_folder_that_cannot_be_written_only_costs_time(cache):
    cache.parent.write_text("a file where the folder should be")
    assert pinyin_tables.load() == pinyin_tables.build()
    assert list(cache.parent.parent.iterdir()) == [cache.parent]  # no temporary file left


def test_the_cache_is_named_for_the_installed_dictionaries():
    path = pinyin_tables._cache_path()
    assert path is not None and path.name.startswith(f"pinyin-{pinyin_tables.CACHE_FORMAT}-")
    assert pinyin_tables._cache_path() == path
