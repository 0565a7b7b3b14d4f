import pytest
from pypinyin import Style, lazy_pinyin

from prospect_desk import search_keys
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


def _pypinyin_on_the_whole(text):
    full = "".join(lazy_pinyin(text)).replace(" ", "").lower()
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).replace(" ", "").lower()
    return full, initials


def test_every_chinese_character_pypinyin_knows_reads_as_pypinyin_reads_it_alone():
    from pypinyin.constants import PINYIN_DICT

    characters = [chr(code) for code in PINYIN_DICT if 0x4E00 <= code <= 0x9FFF]
    assert len(characters) > 20000
    for character in characters:
        assert (pinyin_full(character), pinyin_initials(character)) == \
            _pypinyin_on_the_whole(character), character


def test_every_dictionary_word_reads_as_pypinyin_reads_it_alone_and_inside_a_company_name():
    import random

    from pypinyin.constants import PHRASES_DICT

    words = list(PHRASES_DICT)
    assert len(words) > 40000
    inside = random.Random(3).sample(words, 10000)  # all of them would take some 10 s more
    texts = [*words, *(f"张{word}公司" for word in inside), *(f"Li {word}2号" for word in inside)]
    for text in texts:
        assert (pinyin_full(text), pinyin_initials(text)) == _pypinyin_on_the_whole(text), text


def test_a_name_holding_no_word_that_reads_a_character_otherwise_is_read_from_the_table(
        monkeypatch):
    def cut_into_words(text):
        raise AssertionError(f"{text} was cut into words")

    monkeypatch.setattr(search_keys, "_read_by_words", cut_into_words)
    search_keys.pinyin_pair.cache_clear()
    assert (pinyin_full("欧阳 Fang 伟明"), pinyin_initials("欧阳 Fang 伟明")) == \
        ("ouyangfangweiming", "oyfangwm")
    # 曾 is zēng in 何曾 but no word of 曾伟 reads it otherwise than céng
    assert (pinyin_full("曾伟"), pinyin_initials("曾伟")) == ("cengwei", "cw")
    for text in ("何曾", "张重庆"):  # 重 is chóng in 重庆, zhòng alone
        with pytest.raises(AssertionError, match=text):
            pinyin_full(text)
    search_keys.pinyin_pair.cache_clear()


def test_a_word_that_reads_a_character_otherwise_is_found_wherever_that_character_stands_in_it():
    import re

    known = {ord(character): "" for character in "甲乙丙丁戊"}
    tables = search_keys.PinyinTables(known, known, frozenset({"甲乙丙", "丁戊"}), 3,
                                      re.compile("[丙丁]"))
    for text in ("甲乙丙", "张甲乙丙", "甲乙丙丁", "丁戊", "A丁戊B"):
        assert search_keys._read_by_words_only(text, tables), text
    for text in ("甲乙", "乙丙", "丙丁", "戊丁", "甲 乙丙", "丁"):
        assert not search_keys._read_by_words_only(text, tables), text


def test_characters_outside_the_common_block_are_kept_as_written():
    # pypinyin reads 〇 and the extension A characters (〇 -> ling); the keys
    # have always kept them as they are, and still do.
    assert pinyin_full("〇张") == "〇zhang"
    assert pinyin_initials("㐀 重庆") == "㐀cq"


def test_a_character_of_the_block_pypinyin_does_not_know_is_kept_as_pypinyin_keeps_it():
    from pypinyin.constants import PINYIN_DICT

    unknown = [chr(code) for code in range(0x4E00, 0xA000) if code not in PINYIN_DICT]
    assert unknown
    for character in unknown:
        text = f"张{character}伟 Li"
        assert (pinyin_full(text), pinyin_initials(text)) == _pypinyin_on_the_whole(text), text


def test_names_mixing_polyphonic_characters_latin_digits_and_punctuation_read_like_pypinyin():
    import random

    rng = random.Random(7)
    surnames = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁"
                "蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
                "尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解朴仇区查盖欧阳司马诸葛")
    polyphonic = "重行长乐单曾解朴仇区查盖了着和朝还调传都参差藏称度会率省便什"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉斌宇浩凯健俊帆鹏"
    other = "abcXYZ 123-Zoë·、（）.,&ΑΣΣ "
    characters = surnames + polyphonic + given + other
    for _ in range(5000):
        text = rng.choice(surnames) + "".join(
            rng.choice(characters) for _ in range(rng.randint(0, 9)))
        assert (pinyin_full(text), pinyin_initials(text)) == _pypinyin_on_the_whole(text), text


def test_digits_are_those_of_any_script_as_the_pattern_keeps_them():
    import random
    import re

    from prospect_desk.search_keys import digits

    pattern = re.compile(r"\D")
    rng = random.Random(2)
    characters = "0123456789 +-()#x\t\n１２３٣abc张"
    for _ in range(3000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 20)))
        assert digits(text) == pattern.sub("", text), text
    assert all(digits(chr(c)) == pattern.sub("", chr(c)) for c in range(128))


def test_texts_read_together_read_as_each_alone():
    import random

    from prospect_desk.search_keys import pinyin_pair, pinyin_pairs

    rng = random.Random(11)
    characters = "张王重庆行长乐曾单伟芳 abcXYZ·ΑΣΣσ ΌΣΟΣ-12\n"
    known: dict = {}
    for _ in range(300):
        texts = ["".join(rng.choice(characters) for _ in range(rng.randint(0, 8)))
                 for _ in range(rng.randint(0, 40))]
        assert pinyin_pairs(texts, known) == [pinyin_pair(t) for t in texts], texts
        assert pinyin_pairs(texts, {}) == [pinyin_pair(t) for t in texts], texts
    # A text holding the character they are read apart by is read alone.
    texts = ["张\x1f伟", "李", ""]
    assert pinyin_pairs(texts, {}) == [pinyin_pair(t) for t in texts]


def test_the_digits_of_texts_taken_together_are_each_texts_own():
    import random

    from prospect_desk.search_keys import digits, digits_of_each

    rng = random.Random(5)
    for characters in ("0123456789 +-()#x\t", "0123456789 +-()１２３٣张"):
        for _ in range(300):
            texts = ["".join(rng.choice(characters) for _ in range(rng.randint(0, 12)))
                     for _ in range(rng.randint(0, 30))]
            assert digits_of_each(texts) == [digits(t) for t in texts], texts
    assert digits_of_each(["1\x1f2", "3"]) == ["12", "3"]
