import pytest
from pypinyin import Style, lazy_pinyin

from prospect_desk.search_keys import pinyin_full, pinyin_initials, search_text, sort_name


@pytest.mark.parametrize("text", ["张伟", "重庆银行", "行长", "曾经", "单于", "银行行长好",
                                  "上海贸易有限公司", "长城", "乐乐", "Zoë 张", "ABC重庆"])
def test_pinyin_read_word_by_word_agrees_with_pypinyin_on_the_whole_string(text):
    whole = "".join(lazy_pinyin(text)).replace(" ", "").lower()
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).replace(" ", "").lower()
    assert (pinyin_full(text), pinyin_initials(text)) == (whole, initials)


def test_chinese_names_sort_by_pinyin_and_latin_names_by_themselves():
    assert sort_name(" 张伟 ") == "zhangwei 张伟"
    assert sort_name("Alice") == "alice Alice"


def test_search_text_holds_phones_as_written_and_as_digits_and_the_names_pinyin():
    text = search_text(["张伟", "上海"], ["+86 138-0013"], ["张伟"]).split("\n")
    assert text == ["张伟", "上海", "+86 138-0013", "861380013", "zhangwei", "zw"]


def test_mixed_text_reads_like_pypinyin_on_the_whole_string():
    import random

    rng = random.Random(1)
    characters = "张王李伟芳重庆银行长乐单于曾经abcXYZ 123-Zoë·、（）"
    for _ in range(2000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(1, 8)))
        whole = "".join(lazy_pinyin(text)).replace(" ", "").lower()
        initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).replace(" ", "").lower()
        assert (pinyin_full(text), pinyin_initials(text)) == (whole, initials), text
