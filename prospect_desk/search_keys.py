"""Keys stored with each card so search and sort run in SQL: pinyin, initials, digits."""

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u9fff]")
_NON_DIGIT = re.compile(r"\D")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")
_HAN_OR_NOT = re.compile(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+")


def pinyin_full(text: str) -> str:
    """张伟 -> zhangwei (other characters kept, lower case, no spaces)."""
    return _pinyin(text)[0]


def pinyin_initials(text: str) -> str:
    """张伟 -> zw."""
    return _pinyin(text)[1]


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials, each string worked out once.

    pypinyin costs some 7 µs a character a style and cuts a run of Chinese
    characters into dictionary words before reading them; doing that cut here
    lets each word be read once for all the names it appears in (a test holds
    the result to pypinyin's own for whole strings)."""
    from pypinyin.seg import mmseg  # loaded on first use: pypinyin takes ~0.2 s

    pieces = []
    for run in _HAN_OR_NOT.findall(text):
        if _ALL_HAN.fullmatch(run):
            pieces += [_read(word) for word in mmseg.seg.cut(run)]
        else:  # pypinyin keeps other characters as they are
            plain = run.replace(" ", "").lower()
            pieces.append((plain, plain))
    return "".join(p[0] for p in pieces), "".join(p[1] for p in pieces)


@lru_cache(maxsize=65536)
def _read(text: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(text)).replace(" ", "").lower()
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).replace(" ", "").lower()
    return full, initials


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
