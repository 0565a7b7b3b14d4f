"""Recognising a spreadsheet's header row and the values of enum columns.

Headers and values are matched after `normalise`: surrounding space, case,
full-width characters, inner spaces and punctuation, and the traditional
characters of the spellings listed here, do not matter.
"""

import hashlib
import re
import unicodedata
from enum import Enum, StrEnum

from prospect_desk.builtin_labels import (
    CREDIT_STATUS_LABELS,
    KIND_LABELS,
    REFERRAL_SOURCE_LABELS,
    STAGE_LABELS,
    Language,
    pick,
)
from prospect_desk.enums import CreditStatus, Kind, ReferralSource, Stage


class ImportField(StrEnum):
    """What a spreadsheet column can hold. Most are card fields; `company` is
    the company card's name or an individual's employer, `circle` and
    `referrer` are names, `next_revisit` a date that becomes a follow-up."""

    KIND = "kind"
    NAME = "name"
    COMPANY = "company"
    EMPLOYER = "employer"
    ADDRESS = "address"
    PHONE = "phone"
    MOBILE = "mobile"
    FAX = "fax"
    EMAIL = "email"
    PERSON_IN_CHARGE = "person_in_charge"
    HANDLER = "handler"
    INTERESTS = "interests"
    NOTES = "notes"
    FIRST_CONTACT = "first_contact"
    TRANSACTION_DATE = "transaction_date"
    BIRTHDAY = "birthday"
    STAGE = "stage"
    CREDIT_STATUS = "credit_status"
    CIRCLE = "circle"
    REFERRAL_SOURCE = "referral_source"
    REFERRER = "referrer"
    NEXT_REVISIT = "next_revisit"


DATE_FIELDS = frozenset({ImportField.FIRST_CONTACT, ImportField.TRANSACTION_DATE,
                         ImportField.BIRTHDAY, ImportField.NEXT_REVISIT})

Mapping = dict[int, ImportField | None]
"""Column index -> the field it fills, or None to leave it out."""

# The header each field is exported under: (English, Chinese).
FIELD_HEADERS: dict[ImportField, tuple[str, str]] = {
    ImportField.KIND: ("Kind", "类型"),
    ImportField.NAME: ("Name", "姓名"),
    ImportField.COMPANY: ("Company", "公司名称"),
    ImportField.EMPLOYER: ("Employer", "服务公司"),
    ImportField.ADDRESS: ("Address", "地址"),
    ImportField.PHONE: ("Phone", "电话号码"),
    ImportField.MOBILE: ("Mobile", "手机"),
    ImportField.FAX: ("Fax", "传真号码"),
    ImportField.EMAIL: ("E-mail", "电子邮件"),
    ImportField.PERSON_IN_CHARGE: ("Person in charge", "负责人"),
    ImportField.HANDLER: ("Handler", "承办人"),
    ImportField.INTERESTS: ("Interests", "兴趣"),
    ImportField.NOTES: ("Notes", "备注"),
    ImportField.FIRST_CONTACT: ("First contact", "第一次接触日期"),
    ImportField.TRANSACTION_DATE: ("Transaction date", "交易日期"),
    ImportField.BIRTHDAY: ("Birthday", "生日"),
    ImportField.STAGE: ("Stage", "阶段"),
    ImportField.CREDIT_STATUS: ("Credit status", "信用状况"),
    ImportField.CIRCLE: ("Circle", "来源圈子"),
    ImportField.REFERRAL_SOURCE: ("Referral source", "推荐来源"),
    ImportField.REFERRER: ("Referred by", "推荐人"),
    ImportField.NEXT_REVISIT: ("Next revisit", "下次回访日期"),
}

# Other spellings met in salespeople's sheets (simplified; traditional is folded).
_HEADER_VARIANTS: dict[ImportField, list[str]] = {
    ImportField.KIND: ["type", "card type", "kind of card", "类别", "卡片类型", "客户类型"],
    ImportField.NAME: ["名字", "名称", "客户姓名", "联系人", "full name", "contact name",
                       "contact", "customer name", "prospect"],
    ImportField.COMPANY: ["公司", "公司行号", "单位", "单位名称", "企业名称", "客户公司",
                          "company name", "organisation", "organization", "firm"],
    ImportField.EMPLOYER: ["服务单位", "工作单位", "任职公司", "works for", "employer company"],
    ImportField.ADDRESS: ["住址", "联系地址", "公司地址", "家庭住址", "home address",
                          "street address", "addr"],
    ImportField.PHONE: ["电话", "联系电话", "固定电话", "座机", "telephone", "tel",
                        "phone number", "telephone number", "tel no", "phone no"],
    ImportField.MOBILE: ["手机号", "手机号码", "移动电话", "行动电话", "mobile phone",
                         "mobile number", "cell", "cell phone", "cellphone"],
    ImportField.FAX: ["传真", "fax number", "fax no", "facsimile"],
    ImportField.EMAIL: ["email", "邮箱", "电子邮箱", "邮件", "电邮", "mail", "email address"],
    ImportField.PERSON_IN_CHARGE: ["负责人姓名", "主管", "person in charge", "manager",
                                   "responsible person"],
    ImportField.HANDLER: ["承办", "经办人", "联络人", "handler", "day to day contact"],
    ImportField.INTERESTS: ["兴趣爱好", "爱好", "hobbies", "hobby", "interest"],
    ImportField.NOTES: ["备考", "附注", "说明", "note", "remarks", "remark", "comments",
                        "comment", "memo"],
    ImportField.FIRST_CONTACT: ["第一次接触", "首次接触日期", "首次接触", "初次接触日期",
                                "first contact date", "first contacted", "date of first contact"],
    ImportField.TRANSACTION_DATE: ["交易日", "成交日期", "transaction", "deal date",
                                   "date of transaction"],
    ImportField.BIRTHDAY: ["生日日期", "出生日期", "date of birth", "dob", "birth date"],
    ImportField.STAGE: ["客户阶段", "潜在客户类别", "状态", "status", "prospect stage"],
    ImportField.CREDIT_STATUS: ["信用状态", "信用", "信用情况", "credit", "credit rating"],
    ImportField.CIRCLE: ["圈子", "来源", "客户来源", "source circle", "source", "circle name"],
    ImportField.REFERRAL_SOURCE: ["推荐来源类别", "介绍来源", "referral", "referral type"],
    ImportField.REFERRER: ["介绍人", "推荐者", "referrer", "referred by", "recommended by"],
    ImportField.NEXT_REVISIT: ["下次回访", "回访日期", "下次拜访日期", "next revisit date",
                               "revisit", "revisit date", "next visit", "next follow up"],
}

# Traditional -> simplified, for the characters of the spellings recognised here.
_T2S = str.maketrans(
    "電話碼稱負責辦務興觸狀態來薦訪類階備註郵傳機聯絡係關個戶顧號經營業員單資訊點區價額與圍現"
    "絕購買舊說從書處條應給競爭對錄後歷屬際護進週學時會動環團體歡長級詢參間門場見內兒孫親愛"
    "議證確預約習慣線頁頭標題選擇細節別編輯變達讀寫開閉視聽覽維紀鄰題種種訂購顯實據記潛況圖網齡賣貨廠鄉紹職項緊優勢觀測",
    "电话码称负责办务兴触状态来荐访类阶备注邮传机联络系关个户顾号经营业员单资讯点区价额与围现"
    "绝购买旧说从书处条应给竞争对录后历属际护进周学时会动环团体欢长级询参间门场见内儿孙亲爱"
    "议证确预约习惯线页头标题选择细节别编辑变达读写开闭视听览维纪邻题种种订购显实据记潜况图网龄卖货厂乡绍职项紧优势观测",
)
_IGNORED = re.compile(r"[\s_\-.:：/\\*()（）\[\]【】'\"`’‘“”,，、。!！?？#＃]+")


def normalise(text: str) -> str:
    """The form headers and labels are compared in: NFKC (full-width ->
    half-width), traditional -> simplified, case-folded, without spaces and
    punctuation."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_T2S).casefold()
    return _IGNORED.sub("", text)


def _build_header_index() -> dict[str, ImportField]:
    index: dict[str, ImportField] = {}
    for field, labels in FIELD_HEADERS.items():
        for label in labels:
            index[normalise(label)] = field
    for field, variants in _HEADER_VARIANTS.items():
        for variant in variants:
            index.setdefault(normalise(variant), field)
    return index


_HEADER_INDEX = _build_header_index()


def field_for_header(header: str) -> ImportField | None:
    return _HEADER_INDEX.get(normalise(header)) if header else None


def auto_map(headers: list[str]) -> Mapping:
    """Each column to the field its header names; a field goes to its first
    column only, and unknown or repeated headers map to None."""
    mapping: Mapping = {}
    taken: set[ImportField] = set()
    for index, header in enumerate(headers):
        field = field_for_header(header)
        if field is not None and field in taken:
            field = None
        if field is not None:
            taken.add(field)
        mapping[index] = field
    return mapping


def header_signature(headers: list[str]) -> str:
    """A stable key of a header row, for remembering the user's mapping of it:
    the same headers (as `normalise` sees them) in the same order give the
    same signature."""
    joined = "\t".join(normalise(h) for h in headers)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def export_header(field: ImportField, language: str) -> str:
    return pick(FIELD_HEADERS[field], language)


# Enum values ---------------------------------------------------------------

_VALUE_VARIANTS: dict[Enum, list[str]] = {
    Kind.COMPANY: ["company", "公司行号", "企业", "单位", "firm", "business", "organisation",
                   "organization", "corporate"],
    Kind.INDIVIDUAL: ["individual", "person", "personal", "个人客户", "私人", "个体"],
    Stage.NEW: ["new", "新客户", "新的潜在客户", "新潜在顾客", "新潜在客户", "new prospect",
                "prospect", "潜在客户"],
    Stage.DECLINED: ["declined", "暂不购买", "不愿购买", "not now", "refused", "said no",
                     "拒绝购买"],
    Stage.CUSTOMER: ["customer", "现有客户", "现在客户", "客户", "current customer",
                     "current", "active customer"],
    Stage.FORMER: ["former", "以往有交易的客户", "老客户", "以前的客户", "前客户",
                   "former customer", "lapsed", "past customer", "lapsed customer"],
    CreditStatus.UNKNOWN: ["unknown", "不明", "不详"],
    CreditStatus.GOOD: ["good", "好", "优良"],
    CreditStatus.NORMAL: ["normal", "普通", "中等", "average", "fair"],
    CreditStatus.WATCH: ["watch", "注意", "需要注意", "待观察", "caution"],
    CreditStatus.BAD: ["bad", "差", "poor"],
    ReferralSource.CUSTOMER: ["customer", "顾客", "客户推荐"],
    ReferralSource.FRIEND: ["friend", "friends", "朋友推荐"],
    ReferralSource.COMPETITOR_CUSTOMER: ["competitor customer", "competitor's customer",
                                         "competitors customer", "竞争对手客户",
                                         "competitor_customer"],
    ReferralSource.SUPPLIER: ["supplier", "suppliers", "供货商", "厂商"],
    ReferralSource.FAMILY: ["family", "family member", "家庭成员", "家属", "亲戚"],
}


def _value_index(table: dict) -> dict[str, Enum]:
    index: dict[str, Enum] = {}
    for member, labels in table.items():
        index[normalise(member.value)] = member
        for language in Language:
            index[normalise(pick(labels, language))] = member
    for member in table:
        for variant in _VALUE_VARIANTS.get(member, []):
            index.setdefault(normalise(variant), member)
    return index


_KIND_INDEX = _value_index(KIND_LABELS)
_STAGE_INDEX = _value_index(STAGE_LABELS)
_CREDIT_INDEX = _value_index(CREDIT_STATUS_LABELS)
_REFERRAL_INDEX = _value_index(REFERRAL_SOURCE_LABELS)


def parse_kind(text: str) -> Kind | None:
    """The kind a cell names, in either language; None if it names none."""
    return _KIND_INDEX.get(normalise(text))


def parse_stage(text: str) -> Stage | None:
    return _STAGE_INDEX.get(normalise(text))


def parse_credit_status(text: str) -> CreditStatus | None:
    return _CREDIT_INDEX.get(normalise(text))


def parse_referral_source(text: str) -> ReferralSource | None:
    return _REFERRAL_INDEX.get(normalise(text))
