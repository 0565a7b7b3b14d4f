"""The pinyin tables are kept in the cache folder and read back as built."""

import importlib.machinery
import os

import pytest

from prospect_desk import pinyin_tables


@pytest.fixture
def cache(tmp_path, monkeypatch):
    path = tmp_path / "cache" / "pinyin-current.json"
    monkeypatch.setattr(pinyin_tables, "_cache_path", lambda: path)
    return path


def never_built():
    raise AssertionError("built, not read from the cache")


def test_the_tables_are_kept_and_read_back_as_they_were_built(cache, monkeypatch):
    built = pinyin_tables.build()
    assert pinyin_tables.load() == built  # built, and kept
    monkeypatch.setattr(pinyin_tables, "build", never_built)
    assert pinyin_tables.load() == built


def test_a_damaged_cache_is_built_again_and_replaced(cache, monkeypatch):
    cache.parent.mkdir()
    cache.write_text('{"full": {"20013": ', encoding="utf-8")
    built = pinyin_tables.build()
    assert pinyin_tables.load() == built
    monkeypatch.setattr(pinyin_tables, "build", never_built)
    assert pinyin_tables.load() == built


@pytest.mark.parametrize("failing", ["folder", "move", "anything"])
def test_a_cache_that_cannot_be_written_only_costs_time(cache, monkeypatch, failing):
    if failing == "folder":
        cache.parent.parent.mkdir(exist_ok=True)
        cache.parent.write_text("a file where the folder should be")
    else:
        def refuse(*_args):
            raise (OSError("disk full") if failing == "move" else UnicodeEncodeError(
                "utf-8", "x", 0, 1, "no"))

        monkeypatch.setattr(pinyin_tables.os, "replace", refuse)
    assert pinyin_tables.load() == pinyin_tables.build()
    assert not cache.exists()
    if cache.parent.is_dir():
        assert not list(cache.parent.glob(".pinyin-*"))  # no temporary file left


def test_the_tables_of_other_versions_and_long_left_files_are_let_go_of(cache):
    cache.parent.mkdir()
    (cache.parent / "pinyin-older.json").write_text("{}")
    (old_temp := cache.parent / ".pinyin-left.tmp").write_text("{")
    (new_temp := cache.parent / ".pinyin-writing.tmp").write_text("{")
    an_hour_ago = old_temp.stat().st_mtime - pinyin_tables.STALE_SECONDS - 60
    os.utime(old_temp, (an_hour_ago, an_hour_ago))
    pinyin_tables.load()
    assert sorted(p.name for p in cache.parent.iterdir()) == [new_temp.name, cache.name]


def test_the_cache_is_named_for_the_installed_dictionaries(tmp_path, monkeypatch):
    package = tmp_path / "pypinyin"
    package.mkdir()
    for name in ("__init__.py", "pinyin_dict.py", "phrases_dict.py"):
        (package / name).write_text("# as installed")
    spec = importlib.machinery.ModuleSpec("pypinyin", None, origin=str(package / "__init__.py"))
    spec.has_location = True
    monkeypatch.setattr(pinyin_tables.importlib.util, "find_spec", lambda _name: spec)
    monkeypatch.setenv(pinyin_tables.CACHE_ENV_VAR, str(tmp_path / "cache"))
    first = pinyin_tables._cache_path()
    assert first.parent == tmp_path / "cache" and first.name.startswith("pinyin-")
    assert pinyin_tables._cache_path() == first
    (package / "phrases_dict.py").write_text("# another version, with more words")
    assert pinyin_tables._cache_path() != first
    spec.has_location = False  # a frozen or zipped pypinyin: nothing is kept
    assert pinyin_tables._cache_path() is None
    assert pinyin_tables.load() == pinyin_tables.build()
