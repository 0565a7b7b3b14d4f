"""Keys stored with each card so search and sort run in SQL: pinyin, initials, digits."""

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u9fff]")
_NON_DIGIT = re.compile(r"\D")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_HAN_OR_NOT = re.compile(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+")

# Two str.translate tables, full pinyin and initials, for each character of
# U+4E00–U+9FFF that pypinyin reads one way wherever it stands (see
# load_tables); None until first use.
_tables: tuple[dict[int, str], dict[int, str]] | None = None


def pinyin_full(text: str) -> str:
    """张伟 -> zhangwei (other characters kept, lower case, no spaces)."""
    return _pinyin(text)[0]


def pinyin_initials(text: str) -> str:
    """张伟 -> zw."""
    return _pinyin(text)[1]


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials, the same as pypinyin's lazy_pinyin on the
    whole string (spaces dropped, lower case).

    Most names are made only of characters every dictionary word reads the
    same way, and those are read a character at a time from a table (about
    1 µs a name); a name with a character some word reads otherwise (重 in
    重庆, 长 in 行长) is cut into words as pypinyin cuts it."""
    full_table, initials_table = _tables or load_tables()
    full = text.translate(full_table)
    if _ALL_HAN.search(full):  # a character the table leaves to the words
        return _read_by_words(text)
    return full.replace(" ", "").lower(), text.translate(initials_table).replace(" ", "").lower()


def load_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Build the character tables (about 0.1 s, after pypinyin's own 0.2 s
    import); done on first use, or ahead of time by calling this.

    A character goes in the tables when every word of pypinyin's dictionary
    that holds it reads it, toneless, as the character alone is read: then no
    cut into words can change its reading. Two threads may both build them;
    the second result simply replaces the equal first."""
    global _tables
    if _tables is not None:
        return _tables
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

    # What lazy_pinyin reads for the character alone: a one-character word
    # of the dictionary if there is one, else the first single reading.
    alone = {chr(code): readings.split(",")[0] for code, readings in PINYIN_DICT.items()
             if 0x4E00 <= code <= 0x9FFF}
    for word, readings in PHRASES_DICT.items():
        if len(word) == 1 and word in alone:
            alone[word] = readings[0][0]
    mixed = set()
    for word, readings in PHRASES_DICT.items():
        if len(readings) != len(word):  # not one reading per character
            mixed.update(word)
            continue
        for character, reading in zip(word, readings, strict=True):
            toned = reading[0]
            base = alone.get(character)
            if base is not None and toned != base and styled(toned) != styled(base):
                mixed.add(character)
    full_table, initials_table = {}, {}
    for character, toned in alone.items():
        if character not in mixed:
            code = ord(character)
            full_table[code], initials_table[code] = styled(toned)
    _tables = (full_table, initials_table)
    return _tables


def _read_by_words(text: str) -> tuple[str, str]:
    """Cut each run of Chinese characters into dictionary words as pypinyin
    does and read each word once for all the names it appears in."""
    from pypinyin.seg import mmseg  # loaded on first use: pypinyin takes ~0.2 s

    full, initials = [], []
    for run in _HAN_OR_NOT.findall(text):
        if _ALL_HAN.fullmatch(run):
            for word in mmseg.seg.cut(run):
                word_full, word_initials = _read(word)
                full.append(word_full)
                initials.append(word_initials)
        else:  # pypinyin keeps other characters as they are
            full.append(run)
            initials.append(run)
    # Spaces and case once for the whole, as for pypinyin's joined result: a
    # Greek capital sigma lowers by what stands after it, the pinyin too.
    return "".join(full).replace(" ", "").lower(), "".join(initials).replace(" ", "").lower()


@lru_cache(maxsize=65536)
def _read(word: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word)), "".join(lazy_pinyin(word, style=Style.FIRST_LETTER))


def digits(text: str) -> str:
    return _NON_DIGIT.sub("", text)


def sort_name(name: str) -> str:
    """Chinese names sort by their pinyin among Latin ones."""
    name = name.strip()
    key = pinyin_full(name) if has_cjk(name) else name.lower()
    return f"{key} {name}"


def search_text(texts: list[str], phones: list[str], named: list[str]) -> str:
    """One lower-case string that every search term is matched against: the
    texts and phones as written, the phones' digits, and the pinyin and
    initials of the Chinese among `named` (the card's name, its company)."""
    parts = [*texts, *phones]
    parts += [_NON_DIGIT.sub("", p) for p in phones if p]
    for name in named:
        if name and _CJK.search(name):
            parts += _pinyin(name)
    # Lower case once for the whole: the same as part by part, since a line
    # break ends a word for every case rule (the Greek final sigma too).
    return "\n".join([kept for part in parts if part and (kept := part.strip())]).lower()


def search_tokens(text: str) -> list[str]:
    return [t for t in text.lower().split() if t]
