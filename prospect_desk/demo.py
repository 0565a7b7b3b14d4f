"""A realistic demo set of about 200 cards, Chinese and English, so the app is
never empty on first look. The same seed always gives the same cards."""

import datetime
import random
from dataclasses import asdict

from prospect_desk.cards import CardData, derived_columns
from prospect_desk.enums import (
    ActivityKind,
    CreditStatus,
    DeclineReason,
    FollowUpKind,
    FollowUpRule,
    Kind,
    ReferralSource,
    Stage,
)
from prospect_desk.follow_up_rules import follow_up_values
from prospect_desk.history import _refresh_last_contact
from prospect_desk.models import Activity, Card, Circle, Deal, FollowUp, Payment, db

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
         "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "志强", "晓燕", "海燕",
         "国庆", "丹", "鹏", "宇", "婷", "俊杰", "浩然", "子涵", "欣怡", "思远", "佳琪", "雨桐"]
EN_FIRST = ["James", "Mary", "Robert", "Linda", "Michael", "Sarah", "David", "Emily", "Daniel",
            "Grace", "Thomas", "Olivia", "Kevin", "Sophie", "Peter", "Helen", "Andrew", "Lucy"]
EN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Walker", "Chen", "Wong", "Lee",
           "Clarke", "Hughes", "Baker", "Turner", "Morgan", "Lam", "Ng"]
CN_CITIES = [("上海市", ["浦东新区", "徐汇区", "静安区", "闵行区"], "021"),
             ("北京市", ["朝阳区", "海淀区", "东城区", "丰台区"], "010"),
             ("广州市", ["天河区", "越秀区", "海珠区"], "020"),
             ("深圳市", ["南山区", "福田区", "宝安区"], "0755"),
             ("杭州市", ["西湖区", "滨江区", "拱墅区"], "0571")]
STREETS = ["人民路", "中山路", "解放路", "建国路", "南京路", "长江路", "和平街", "文化路", "科技园路"]
CN_COMPANY_STEMS = ["华信", "宏达", "远航", "金桥", "恒昌", "新世纪", "东方", "博远", "鼎盛", "启明",
                    "天成", "永利", "嘉禾", "瑞丰", "联创", "明德"]
CN_COMPANY_TRADES = ["贸易有限公司", "科技有限公司", "机电设备有限公司", "印刷厂", "餐饮管理有限公司",
                     "建材有限公司", "物流有限公司", "文化传媒有限公司", "医疗器械有限公司"]
EN_COMPANIES = ["Harbour Logistics Ltd", "Brightline Printing Co", "Northwind Traders",
                "Pacific Office Supply", "Greenfield Foods Ltd", "Summit Engineering",
                "Bluewater Medical", "Lotus Interiors", "Redwood Hotel Group", "Crescent Motors"]
INTERESTS = ["高尔夫", "茶艺", "钓鱼", "摄影", "书法", "登山", "红酒", "足球", "旅行", "烹饪",
             "golf", "tennis", "photography", "wine", "sailing", "reading"]
NOTES = ["喜欢下午联系", "对价格敏感", "决策需要老板同意", "年底预算充足", "有意扩大订单",
         "Prefers e-mail", "Budget decided in March", "Asked for a demo next quarter", ""]
HISTORY_TEXTS = {
    ActivityKind.CALL: ["电话介绍新产品，对方有兴趣", "约下周拜访", "询问报价", "Called about the brochure",
                        "Asked for referrals"],
    ActivityKind.VISIT: ["上门拜访，见到负责人", "带样品拜访", "Visited the office, met the buyer"],
    ActivityKind.LETTER: ["寄送新商品说明书", "寄生日贺卡", "Sent the new catalogue"],
    ActivityKind.EMAIL: ["发送报价单", "Sent the quotation"],
    ActivityKind.NOTE: ["说明现在没有预算，三个月后再联系", "太太也在同一个读书会", "Met at the trade fair"],
}

DEMO_SIZE = 200


def _phone(rng: random.Random, area: str) -> str:
    return f"{area}-{rng.randint(5000, 8999)}{rng.randint(1000, 9999)}"


def _mobile(rng: random.Random) -> str:
    number = f"1{rng.choice('35789')}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
    return rng.choice([number, f"+86 {number[:3]} {number[3:7]} {number[7:]}"])


def _date_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def demo_cards(today: datetime.date, size: int = DEMO_SIZE, seed: int = 2026) -> list[CardData]:
    rng = random.Random(seed)
    circle_ids = [c.id for c in Circle.select(Circle.id).order_by(Circle.position)]
    cards = []
    companies: set[str] = set()
    for index in range(size):
        city, districts, area = rng.choice(CN_CITIES)
        address = f"{city}{rng.choice(districts)}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
        chinese = rng.random() < 0.75
        stage = rng.choices(list(Stage), weights=[45, 20, 25, 10])[0]
        first_contact = _date_between(rng, today - datetime.timedelta(days=1500), today)
        card = CardData(
            address=address,
            stage=stage.value,
            credit_status=rng.choices(list(CreditStatus), weights=[30, 35, 25, 7, 3])[0].value,
            circle_id=rng.choice(circle_ids) if circle_ids and rng.random() < 0.85 else None,
            first_contact=first_contact if rng.random() < 0.9 else None,
            notes=rng.choice(NOTES),
        )
        if index % 5 == 0:
            card.kind = Kind.COMPANY.value
            for _ in range(20):  # a company has one card
                card.name = (rng.choice(CN_COMPANY_STEMS) + rng.choice(CN_COMPANY_TRADES)
                             if chinese else rng.choice(EN_COMPANIES))
                if card.name not in companies:
                    break
            companies.add(card.name)
            card.phone = _phone(rng, area)
            card.fax = _phone(rng, area) if rng.random() < 0.6 else ""
            boss = rng.choice(SURNAMES) + rng.choice(GIVEN)
            card.person_in_charge = f"{boss}（总经理）" if chinese else f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
            card.handler = rng.choice(SURNAMES) + rng.choice(GIVEN)
            card.email = f"info{index}@example.com"
        else:
            card.kind = Kind.INDIVIDUAL.value
            if chinese:
                card.name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                card.employer = rng.choice(CN_COMPANY_STEMS) + rng.choice(CN_COMPANY_TRADES)
            else:
                card.name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
                card.employer = rng.choice(EN_COMPANIES)
            card.mobile = _mobile(rng)
            card.phone = _phone(rng, area) if rng.random() < 0.3 else ""
            card.email = f"user{index}@example.com" if rng.random() < 0.6 else ""
            card.birthday = (_date_between(rng, datetime.date(1955, 1, 1), datetime.date(2000, 12, 31))
                             if rng.random() < 0.7 else None)
            card.interests = "、".join(rng.sample(INTERESTS, rng.randint(0, 2)))
        if stage in (Stage.CUSTOMER, Stage.FORMER) and card.first_contact:
            card.transaction_date = _date_between(rng, card.first_contact, today)
        cards.append(card)
    return cards


def load_demo(today: datetime.date | None = None, size: int = DEMO_SIZE) -> int:
    """Add the demo cards, with referrers and some history, in one transaction."""
    today = today or datetime.date.today()
    rng = random.Random(7)
    cards = demo_cards(today, size)
    with db.atomic():
        ids = []
        for card in cards:
            values = asdict(card)
            values["circle"] = values.pop("circle_id")
            values["referrer"] = values.pop("referrer_id")
            values.update(derived_columns(card))
            ids.append(Card.insert(**values).execute())
        for position, card_id in enumerate(ids[10:], start=10):
            if rng.random() < 0.2:
                source = rng.choice(list(ReferralSource)).value
                (Card.update(referrer=rng.choice(ids[:position]), referral_source=source)
                 .where(Card.id == card_id).execute())
        activities = []
        for card_id in ids:
            for _ in range(rng.randint(0, 4)):
                kind = rng.choice(list(HISTORY_TEXTS))
                activities.append({
                    "card": card_id, "kind": kind.value,
                    "date": _date_between(rng, today - datetime.timedelta(days=400), today),
                    "text": rng.choice(HISTORY_TEXTS[kind]),
                })
        Activity.insert_many(activities).execute()
        for card_id in ids:
            _refresh_last_contact(card_id)
        FollowUp.insert_many(_demo_follow_ups(rng, ids, cards, today)).execute()
        _add_demo_sales(rng, ids, cards, today)
    return len(ids)


PRODUCTS = ["办公设备", "打印机耗材", "Office chairs", "Projector", "净水器", "Server rack"]


def _add_demo_sales(rng: random.Random, ids: list[int], cards: list[CardData],
                    today: datetime.date) -> None:
    """Won deals for customers (some still owed, a few overdue) and older ones for
    former customers, so the reports have a history to work on."""
    for card_id, card in zip(ids, cards, strict=True):
        if card.stage not in (Stage.CUSTOMER, Stage.FORMER):
            continue
        newest = 20 if card.stage == Stage.CUSTOMER else 400
        for number in range(rng.randint(1, 5)):
            oldest = 200 if number == 0 and card.stage == Stage.CUSTOMER else 1100
            day = today - datetime.timedelta(days=rng.randint(newest, oldest))
            amount = rng.choice([800, 1500, 3200, 6800, 12000, 25000, 60000]) * 100
            owed = card.stage == Stage.CUSTOMER and day > today - datetime.timedelta(days=150)
            deal_id = Deal.insert(card=card_id, date=day, product=rng.choice(PRODUCTS),
                                  amount_cents=amount, outcome="won",
                                  due_date=day + datetime.timedelta(days=30) if owed else None
                                  ).execute()
            paid = amount if not owed else rng.choice([0, amount // 2, amount])
            if paid:
                Payment.insert(deal=deal_id, date=day + datetime.timedelta(days=25),
                               amount_cents=paid).execute()


def _demo_follow_ups(rng: random.Random, ids: list[int], cards: list[CardData],
                     today: datetime.date) -> list[dict]:
    """Revisits of those who said "not now" (a few overdue) and after-sale steps
    for customers, so the Today view has work in it from the start."""
    rows = []
    for card_id, card in zip(ids, cards, strict=True):
        due = today + datetime.timedelta(days=rng.randint(-6, 20))
        if card.stage == Stage.DECLINED:
            reason = rng.choice([DeclineReason.PRICE, DeclineReason.TIMING,
                                 DeclineReason.BUDGET, DeclineReason.HAS_SUPPLIER])
            Card.update(decline_reason=reason.value).where(Card.id == card_id).execute()
            rows.append(follow_up_values(card_id, FollowUpKind.REVISIT, due,
                                         FollowUpRule.DECLINE_REVISIT, {"reason": reason.value}))
        elif card.stage == Stage.CUSTOMER and rng.random() < 0.4:
            kind, rule = rng.choice([
                (FollowUpKind.THANK_YOU, FollowUpRule.WON_THANK_YOU),
                (FollowUpKind.DELIVERY_CHECK, FollowUpRule.WON_DELIVERY_CHECK),
                (FollowUpKind.REPEAT_PURCHASE, FollowUpRule.WON_REPEAT_PURCHASE)])
            rows.append(follow_up_values(card_id, kind, due, rule))
    return rows
