"""How pypinyin reads each Chinese character alone, as str.translate tables,
and the dictionary words that read a character otherwise (search_keys reads
names with them).

Building them means importing pypinyin and going through its dictionaries
(about 0.3 s in each process that reads names); they are kept in the user's
cache folder (or CACHE_ENV_VAR's), as JSON, in a file named for the installed
pypinyin's dictionaries and this module's code, and read from there in a
few hundredths of a second. A cache that cannot be read or written is only
slower: the tables are built again.
"""

import hashlib
import importlib.util
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from prospect_desk import APP_NAME

CACHE_ENV_VAR = "PROSPECT_DESK_CACHE_DIR"
"""A folder to keep the tables in instead of the user's cache folder."""
STALE_SECONDS = 3600
"""A temporary file this old was left by a process that ended while writing."""


@dataclass(frozen=True, slots=True)
class PinyinTables:
    """How pypinyin reads each character of U+4E00–U+9FFF alone, and the
    dictionary words that read one of their characters otherwise."""

    full: dict[int, str]  # str.translate tables: character -> full pinyin
    initials: dict[int, str]  # -> its initial
    read_otherwise: frozenset[str]  # 重庆 (重 alone is zhong), 行长, 何曾 ...
    longest: int  # characters in the longest of those words
    # Any character those words read otherwise, or of the block but unknown.
    not_alone: re.Pattern


def load() -> PinyinTables:
    """The tables, from the cache when it holds them for this pypinyin."""
    try:
        path = _cache_path()
    except (OSError, ValueError, ImportError):  # pypinyin's files are not to be seen
        path = None
    tables = _read(path) if path is not None else None
    if tables is None:
        tables = build()
        if path is not None:
            _write(path, tables)
    return tables


def build() -> PinyinTables:
    """The tables, from pypinyin's own dictionaries."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.style import convert

    styles: dict[str, tuple[str, str]] = {}  # toned syllable -> (full, initial)

    def styled(toned: str) -> tuple[str, str]:
        pair = styles.get(toned)
        if pair is None:  # the conversion lazy_pinyin makes (strict, v for ü)
            pair = styles[toned] = (convert(toned, Style.NORMAL, True, default=toned),
                                    convert(toned, Style.FIRST_LETTER, True, default=toned))
        return pair

    # What lazy_pinyin reads for a character alone: a one-character word of
    # the dictionary if there is one, else the first of its readings.
    alone = {chr(code): readings.split(",")[0] for code, readings in PINYIN_DICT.items()
             if 0x4E00 <= code <= 0x9FFF}
    for word, readings in PHRASES_DICT.items():
        if len(word) == 1 and word in alone:
            alone[word] = readings[0][0]
    read_otherwise, characters = set(), set()
    for word, readings in PHRASES_DICT.items():
        if len(readings) != len(word):  # not one reading per character
            read_otherwise.add(word)
            characters.update(word)
            continue
        for character, reading in zip(word, readings, strict=True):
            toned, base = reading[0], alone.get(character)
            if toned != base and (base is None or styled(toned) != styled(base)):
                read_otherwise.add(word)
                characters.add(character)
    full, initials = {}, {}
    for character, toned in alone.items():
        full[ord(character)], initials[ord(character)] = styled(toned)
    characters.update(chr(code) for code in range(0x4E00, 0xA000) if code not in full)
    return PinyinTables(full, initials, frozenset(read_otherwise),
                        max(map(len, read_otherwise), default=0),
                        re.compile("[" + "".join(sorted(characters)) + "]"))


def _cache_path() -> Path | None:
    """Where the tables are kept: the file's name tells apart pypinyin's
    dictionaries (their sizes and times) and the code that builds the tables
    from them (this module's). None when pypinyin is not a folder of files."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.has_location or spec.origin is None:
        return None
    folder, stamps = Path(spec.origin).parent, [Path(__file__).read_bytes()]
    for name in ("__init__.py", "pinyin_dict.py", "phrases_dict.py"):
        stat = (folder / name).stat()
        stamps.append(f"{stat.st_size}.{stat.st_mtime_ns}".encode())
    key = hashlib.sha256(b"/".join(stamps)).hexdigest()[:16]
    return _cache_folder() / f"pinyin-{key}.json"


def _cache_folder() -> Path:
    if os.environ.get(CACHE_ENV_VAR):
        return Path(os.environ[CACHE_ENV_VAR])
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def _read(path: Path) -> PinyinTables | None:
    try:
        with open(path, encoding="utf-8") as handle:
            kept = json.load(handle)
        return PinyinTables({int(code): text for code, text in kept["full"].items()},
                            {int(code): text for code, text in kept["initials"].items()},
                            frozenset(kept["read_otherwise"]), int(kept["longest"]),
                            re.compile(kept["not_alone"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, re.error):
        return None  # none yet, or damaged: built again


def _write(path: Path, tables: PinyinTables) -> None:
    """Keep the tables at `path`, whole or not at all (two processes may write
    them at once: each moves a complete file into place), and let go of the
    tables kept for other versions. Nothing here may fail the caller."""
    kept = {"full": tables.full, "initials": tables.initials,
            "read_otherwise": sorted(tables.read_otherwise), "longest": tables.longest,
            "not_alone": tables.not_alone.pattern}
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".pinyin-", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(kept, out, ensure_ascii=False)
        os.replace(temp, path)
        temp = None
        _let_go_of_others(path)
    except Exception:  # noqa: BLE001 - the tables were built; keeping them is a bonus
        pass
    finally:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)


def _let_go_of_others(path: Path) -> None:
    """Remove the tables kept for other pypinyins or code, and temporary files
    long left behind."""
    now = time.time()
    for other in path.parent.glob("pinyin-*.json"):
        if other != path:
            other.unlink(missing_ok=True)
    for temp in path.parent.glob(".pinyin-*.tmp"):
        if now - temp.stat().st_mtime > STALE_SECONDS:
            temp.unlink(missing_ok=True)
