"""Pinyin keys for names never seen before: the character table against the
word-by-word reading every name took before.

    python bench/bench_pinyin.py [--names 100000] [--rounds 3]

Reads each of N distinct three-character names (a surname and two given
characters out of a few hundred common ones; then any three of the 3,755
most used characters) through pinyin_full and
pinyin_initials, as one Excel import does for every card, and prints the
microseconds a name for both ways, the share of names the table answers, and
the one-time cost of importing pypinyin and of building the table."""

import argparse
import random
import statistics
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prospect_desk import search_keys  # noqa: E402

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
            "于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷"
            "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄"
            "聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉斌宇浩凯健俊帆鹏"
         "志新丹玲海燕飞林峰波宁晨欣雪梅琳婷颖佳怡嘉慧晶晓立鑫婉思雨子轩涵博文昊天宏亮永"
         "成春秋冬荣祥福寿德才贤良清正一二三中东南西北金银铜山水云龙凤麟瑞祺彬彤萱琪瑶璐"
         "晴阳光辰星月雯倩茜蕾蓉莉菲薇瑾瑜珊珍珠琴琦淑惠贞洁露霖泽洪涛润源溪潇沛浩然智勤"
         "诚信仁义礼孝忠恒毅坚胜利凯旋威武雄豪杰俊逸远航腾跃振兴家乐安康泰和睿哲思源长重")


# The 3,755 characters of GB 2312 level 1, the most used ones.
LEVEL_1 = "".join(bytes([row, cell]).decode("gb2312") for row in range(0xB0, 0xD8)
                  for cell in range(0xA1, 0xFF) if (row, cell) < (0xD7, 0xFA))


def names(count: int, seed: int, surnames: str, given: str) -> list[str]:
    rng = random.Random(seed)
    seen: set[str] = set()
    while len(seen) < count:
        seen.add(rng.choice(surnames) + rng.choice(given) + rng.choice(given))
    return sorted(seen, key=lambda _: rng.random())


def per_name_us(read, batch: list[str]) -> float:
    start = time.perf_counter()
    for name in batch:
        read(name)
    return (time.perf_counter() - start) / len(batch) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    import pypinyin.seg.mmseg  # noqa: F401
    imported = time.perf_counter() - start
    start = time.perf_counter()
    tables = search_keys.load_tables()
    built = time.perf_counter() - start
    print(f"import pypinyin {imported * 1000:.0f} ms; build the tables {built * 1000:.0f} ms "
          f"({len(tables.full)} characters, {len(tables.read_otherwise)} words that read one "
          f"of their characters otherwise)")

    # Before: every unseen name was cut into words, each word read (and cached).
    old_pinyin = lru_cache(maxsize=65536)(search_keys._read_by_words)

    def old(name: str) -> None:
        old_pinyin(name)[0]
        old_pinyin(name)[1]

    def new(name: str) -> None:
        search_keys.pinyin_full(name)
        search_keys.pinyin_initials(name)

    for label, surnames, given in (("common surnames and given characters", SURNAMES, GIVEN),
                                   ("any GB 2312 level 1 characters", LEVEL_1, LEVEL_1)):
        olds, news = [], []
        for round_number in range(args.rounds):
            batch = names(args.names, round_number, surnames, given)
            old_pinyin.cache_clear()
            search_keys._read.cache_clear()
            search_keys.pinyin_pair.cache_clear()
            olds.append(per_name_us(old, batch))
            search_keys._read.cache_clear()
            news.append(per_name_us(new, batch))
            assert all(search_keys.pinyin_pair(n) == old_pinyin(n) for n in batch[:65536]), "differ"
        by_words = sum(bool(tables.not_alone.search(name))
                       and search_keys._read_by_words_only(name, tables) for name in batch)
        print(f"{args.names} unseen names of {label}, median of {args.rounds} rounds: "
              f"word by word {statistics.median(olds):.2f} µs a name, "
              f"table {statistics.median(news):.2f} µs a name "
              f"({statistics.median(olds) / statistics.median(news):.1f}x); "
              f"{1 - by_words / len(batch):.2%} of names read from the table")
        print("  rounds, word by word:", ", ".join(f"{v:.2f}" for v in olds),
              "| table:", ", ".join(f"{v:.2f}" for v in news))


if __name__ == "__main__":
    main()
