"""Default labels of the built-in vocabularies, in English and Chinese.

The UI translates through Qt; files that leave the program (exported
spreadsheets, CLI output) and the import that reads them back use these
tables, so one spelling is written and the same spelling is recognised.
"""

from enum import StrEnum

from prospect_desk.enums import BuiltinCircle, CreditStatus, Kind, ReferralSource, Stage


class Language(StrEnum):
    EN = "en"
    ZH_CN = "zh_CN"


BUILTIN_CIRCLE_LABELS: dict[BuiltinCircle, tuple[str, str]] = {
    BuiltinCircle.WORK: ("Work friends", "工作上的朋友"),
    BuiltinCircle.SCHOOL: ("School friends", "学校时的朋友"),
    BuiltinCircle.HOBBY: ("Shared-hobby friends", "兴趣相同的朋友"),
    BuiltinCircle.SOCIAL: ("Social-activity friends", "社会活动关系的朋友"),
    BuiltinCircle.RESIDENCE: ("Residence-related", "和居住环境有关的朋友"),
    BuiltinCircle.COMMUTE: ("Commute and transport", "与交通有关的朋友"),
    BuiltinCircle.DAILY: ("Daily encounters", "日常接触到的人"),
    BuiltinCircle.NEIGHBOURHOOD: ("Neighbourhood community", "住宅社区内的朋友"),
    BuiltinCircle.CHILDREN: ("Children-related", "和小孩子有关的朋友"),
    BuiltinCircle.SPOUSE: ("Spouse-related", "和太太有关的朋友"),
    BuiltinCircle.CLUB: ("Same club or association", "和自己相同社团的人"),
    BuiltinCircle.RELIGION: ("Same religion", "和自己宗教有关的人"),
}
"""Built-in circle key -> (English label, Chinese label)."""

KIND_LABELS: dict[Kind, tuple[str, str]] = {
    Kind.COMPANY: ("Company", "公司"),
    Kind.INDIVIDUAL: ("Individual", "个人"),
}

STAGE_LABELS: dict[Stage, tuple[str, str]] = {
    Stage.NEW: ("New prospect", "新的潜在顾客"),
    Stage.DECLINED: ("Declined", "拒绝"),
    Stage.CUSTOMER: ("Current customer", "现在的客户"),
    Stage.FORMER: ("Former customer", "以往客户"),
}

CREDIT_STATUS_LABELS: dict[CreditStatus, tuple[str, str]] = {
    CreditStatus.UNKNOWN: ("Unknown", "未知"),
    CreditStatus.GOOD: ("Good", "良好"),
    CreditStatus.NORMAL: ("Normal", "一般"),
    CreditStatus.WATCH: ("Watch", "需注意"),
    CreditStatus.BAD: ("Bad", "不良"),
}

REFERRAL_SOURCE_LABELS: dict[ReferralSource, tuple[str, str]] = {
    ReferralSource.CUSTOMER: ("Customer", "客户"),
    ReferralSource.FRIEND: ("Friend", "朋友"),
    ReferralSource.COMPETITOR_CUSTOMER: ("Competitor's customer", "竞争对手的客户"),
    ReferralSource.SUPPLIER: ("Supplier", "供应商"),
    ReferralSource.FAMILY: ("Family", "家人"),
}


def pick(labels: tuple[str, str], language: str) -> str:
    """The label of a (English, Chinese) pair in `language`."""
    return labels[1] if Language(language) is Language.ZH_CN else labels[0]


def builtin_circle_label(key: str, language: str) -> str:
    return pick(BUILTIN_CIRCLE_LABELS[BuiltinCircle(key)], language)


def circle_label(builtin_key: str | None, name: str | None, language: str) -> str:
    """What a circle is called: the user's name if set, else its default label."""
    if name:
        return name
    if builtin_key:
        return builtin_circle_label(builtin_key, language)
    return ""


def value_label(table: dict, value: str | None, language: str) -> str:
    """The label of an enum value from one of the tables above; '' for None."""
    if not value:
        return ""
    for member, labels in table.items():
        if member.value == value:
            return pick(labels, language)
    return value
