"""Keys stored with each card so search and sort run in SQL: pinyin, initials, digits."""

import re
from functools import lru_cache

from prospect_desk import pinyin_tables
from prospect_desk.pinyin_tables import PinyinTables

CJK = re.compile(r"[\u3400-\u9fff]")
_NON_DIGIT = re.compile(r"\D")


def has_cjk(text: str) -> bool:
    return bool(CJK.search(text))


_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_HAN_OR_NOT = re.compile(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+")


_tables: PinyinTables | None = None  # loaded on first use


def pinyin_full(text: str) -> str:
    """张伟 -> zhangwei (other characters kept, lower case, no spaces)."""
    return pinyin_pair(text)[0]


def pinyin_initials(text: str) -> str:
    """张伟 -> zw."""
    return pinyin_pair(text)[1]


@lru_cache(maxsize=65536)
def pinyin_pair(text: str) -> tuple[str, str]:
    """Full pinyin and initials, the same as pypinyin's lazy_pinyin on the
    whole string (spaces dropped, lower case).

    pypinyin cuts a run of Chinese characters into dictionary words and reads
    each word as the dictionary does. Unless the text holds a word that reads
    a character otherwise than the character alone is read, however the text
    is cut each character reads as it does alone: the text is then read a
    character at a time from a table (about 2 µs a new name, against 5–11 µs
    to cut it and read it by words, which the rest still are)."""
    tables = _tables or load_tables()
    if tables.not_alone.search(text) and _read_by_words_only(text, tables):
        return _read_by_words(text)
    return (text.translate(tables.full).replace(" ", "").lower(),
            text.translate(tables.initials).replace(" ", "").lower())


_APART = "\x1f"
"""Between the texts read together: a control character, which a checked
spreadsheet cell never holds (spreadsheet_read refuses them). Should a text
hold it all the same, the texts are read one by one."""


def pinyin_pairs(texts: list[str], known: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """`pinyin_pair` of each text. The texts not in `known` are read together
    (each table applied once to all of them; only a text holding a character
    that may read otherwise in a word is read on its own) and added to it."""
    pairs = [known.get(text) for text in texts]
    if None not in pairs:
        return pairs
    unknown = list(dict.fromkeys(text for text, pair in zip(texts, pairs, strict=True)
                                 if pair is None))
    known.update(zip(unknown, _read_together(unknown), strict=True))
    return [known[text] for text in texts]


def _read_together(texts: list[str]) -> list[tuple[str, str]]:
    tables = _tables or load_tables()
    together = _APART.join(texts)
    if together.count(_APART) != len(texts) - 1:  # a text holds it (or there is none)
        return [pinyin_pair(text) for text in texts]
    # Case and spaces as for each text alone: the separator is neither a
    # letter nor skipped by any case rule, so no text's case looks beyond it.
    pairs = list(zip(together.translate(tables.full).replace(" ", "").lower().split(_APART),
                     together.translate(tables.initials).replace(" ", "").lower().split(_APART),
                     strict=True))
    if tables.not_alone.search(together):
        search = tables.not_alone.search
        for index, text in enumerate(texts):
            if search(text):
                pairs[index] = pinyin_pair(text)
    return pairs


def _read_by_words_only(text: str, tables: PinyinTables) -> bool:
    """Whether the text holds a character pypinyin does not know (it keeps
    them as written) or a word that reads a character otherwise than alone."""
    # Such a word holds a character it reads otherwise: look at each stretch
    # of the text around each of those characters no longer than the longest.
    words, longest = tables.read_otherwise, tables.longest
    for match in tables.not_alone.finditer(text):
        at = match.start()
        if ord(text[at]) not in tables.full:
            return True
        for start in range(max(0, at - longest + 1), at + 1):
            for end in range(at + 1, min(len(text), start + longest) + 1):
                if text[start:end] in words:
                    return True
    return False


def load_tables() -> PinyinTables:
    """Load the tables (pinyin_tables) on first use, or ahead of time by
    calling this. Two threads may both load them; the second result simply
    replaces the equal first."""
    global _tables
    if _tables is None:
        _tables = pinyin_tables.load()
    return _tables


def load_word_reading() -> None:
    """Import pypinyin's word cutting (0.2 s) ahead of its first use."""
    from pypinyin.seg import mmseg  # noqa: F401


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


_ASCII_NON_DIGITS = bytes(c for c in range(128) if not chr(c).isdigit())


def digits(text: str) -> str:
    """The digits of `text` (any script's); an ASCII text, as a phone mostly
    is, as bytes with the others deleted: a third of the pattern's time."""
    if text.isascii():
        return text.encode().translate(None, _ASCII_NON_DIGITS).decode()
    return _NON_DIGIT.sub("", text)


_ASCII_NON_DIGITS_KEPT_APART = _ASCII_NON_DIGITS.replace(_APART.encode(), b"")


def digits_of_each(texts: list[str]) -> list[str]:
    """`digits` of each text, all of them in one pass when they are ASCII."""
    together = _APART.join(texts)
    if not together.isascii() or together.count(_APART) != len(texts) - 1:
        return [digits(text) for text in texts]
    return together.encode().translate(None, _ASCII_NON_DIGITS_KEPT_APART).decode().split(
        _APART)


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
    parts += [digits(p) for p in phones if p]
    for name in named:
        if name and CJK.search(name):
            parts += pinyin_pair(name)
    return joined(parts)


def joined(parts: list[str]) -> str:
    """The search text of these parts: each stripped, empty ones left out,
    one a line, in lower case."""
    # Lower case once for the whole: the same as part by part, since a line
    # break ends a word for every case rule (the Greek final sigma too).
    # Empty parts left out, the others stripped, each in one pass in C.
    return "\n".join(filter(None, map(str.strip, filter(None, parts)))).lower()


def search_tokens(text: str) -> list[str]:
    return [t for t in text.lower().split() if t]
