"""Keys stored with each card so search and sort run in SQL: pinyin, initials, digits."""

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u9fff]")
_NON_DIGIT = re.compile(r"\D")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=65536)
def pinyin_full(text: str) -> str:
    """张伟 -> zhangwei (other characters kept, lower case, no spaces)."""
    from pypinyin import lazy_pinyin  # loaded on first use: it takes ~0.2 s

    return "".join(lazy_pinyin(text)).replace(" ", "").lower()


@lru_cache(maxsize=65536)
def pinyin_initials(text: str) -> str:
    """张伟 -> zw."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).replace(" ", "").lower()


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
    parts = [*texts, *phones, *(digits(p) for p in phones)]
    for name in named:
        if has_cjk(name):
            parts += [pinyin_full(name), pinyin_initials(name)]
    return "\n".join(p.strip().lower() for p in parts if p and p.strip())


def search_tokens(text: str) -> list[str]:
    return [t for t in text.lower().split() if t]
