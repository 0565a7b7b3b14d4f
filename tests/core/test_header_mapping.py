import pytest

from prospect_desk.enums import CreditStatus, Kind, ReferralSource, Stage
from prospect_desk.header_mapping import (
    FIELD_HEADERS,
    ImportField,
    auto_map,
    export_header,
    header_signature,
    normalise,
    parse_credit_status,
    parse_kind,
    parse_referral_source,
    parse_stage,
)

F = ImportField


@pytest.mark.parametrize("header, field", [
    ("姓名", F.NAME), ("名字", F.NAME), ("Name", F.NAME),
    ("公司名称", F.COMPANY), ("公司", F.COMPANY), ("Company", F.COMPANY),
    ("电话", F.PHONE), ("电话号码", F.PHONE), ("Phone", F.PHONE),
    ("手机", F.MOBILE), ("Mobile", F.MOBILE), ("传真", F.FAX), ("Fax", F.FAX),
    ("地址", F.ADDRESS), ("住址", F.ADDRESS), ("Address", F.ADDRESS),
    ("负责人", F.PERSON_IN_CHARGE), ("Person in charge", F.PERSON_IN_CHARGE),
    ("承办人", F.HANDLER), ("Handler", F.HANDLER),
    ("服务公司", F.EMPLOYER), ("Employer", F.EMPLOYER),
    ("生日", F.BIRTHDAY), ("Birthday", F.BIRTHDAY),
    ("第一次接触日期", F.FIRST_CONTACT), ("First contact", F.FIRST_CONTACT),
    ("兴趣", F.INTERESTS), ("Interests", F.INTERESTS),
    ("交易日期", F.TRANSACTION_DATE), ("Transaction date", F.TRANSACTION_DATE),
    ("信用状况", F.CREDIT_STATUS), ("信用状态", F.CREDIT_STATUS),
    ("Credit status", F.CREDIT_STATUS),
    ("来源圈子", F.CIRCLE), ("Circle", F.CIRCLE),
    ("推荐人", F.REFERRER), ("Referred by", F.REFERRER),
    ("推荐来源", F.REFERRAL_SOURCE), ("Referral source", F.REFERRAL_SOURCE),
    ("下次回访日期", F.NEXT_REVISIT), ("Next revisit", F.NEXT_REVISIT),
    ("类型", F.KIND), ("Kind", F.KIND), ("阶段", F.STAGE), ("Stage", F.STAGE),
    ("备注", F.NOTES), ("Notes", F.NOTES), ("电子邮件", F.EMAIL), ("E-mail", F.EMAIL),
])
def test_simplified_chinese_and_english_headers_name_their_field(header, field):
    assert auto_map([header]) == {0: field}


@pytest.mark.parametrize("header, field", [
    ("電話號碼", F.PHONE), ("手機", F.MOBILE), ("傳真", F.FAX), ("負責人", F.PERSON_IN_CHARGE),
    ("承辦人", F.HANDLER), ("服務公司", F.EMPLOYER), ("第一次接觸日期", F.FIRST_CONTACT),
    ("興趣", F.INTERESTS), ("信用狀況", F.CREDIT_STATUS), ("信用狀態", F.CREDIT_STATUS),
    ("來源圈子", F.CIRCLE), ("推薦人", F.REFERRER), ("推薦來源", F.REFERRAL_SOURCE),
    ("下次回訪日期", F.NEXT_REVISIT), ("類型", F.KIND), ("階段", F.STAGE), ("備註", F.NOTES),
    ("電子郵件", F.EMAIL),
])
def test_traditional_headers_are_read_as_their_simplified_spelling(header, field):
    assert auto_map([header]) == {0: field}


@pytest.mark.parametrize("header", ["  Phone ", "PHONE", "ｐｈｏｎｅ", "Ｐｈｏｎｅ：", "phone*"])
def test_space_case_full_width_and_punctuation_do_not_matter(header):
    assert auto_map([header]) == {0: F.PHONE}


def test_reordered_columns_keep_their_fields_and_unknown_ones_map_to_nothing():
    headers = ["备注", "Favourite colour", "Phone", "姓名", ""]
    assert auto_map(headers) == {0: F.NOTES, 1: None, 2: F.PHONE, 3: F.NAME, 4: None}


def test_a_field_named_twice_goes_to_its_first_column_only():
    assert auto_map(["电话", "Phone", "手机"]) == {0: F.PHONE, 1: None, 2: F.MOBILE}


def test_every_export_header_is_recognised_in_both_languages():
    for field in FIELD_HEADERS:
        for language in ("en", "zh_CN"):
            assert auto_map([export_header(field, language)]) == {0: field}


def test_the_signature_is_stable_and_tells_header_rows_apart():
    first = header_signature(["姓名", "电话", "备注"])
    assert first == header_signature([" 姓名 ", "電話", "備註"])
    assert first != header_signature(["电话", "姓名", "备注"])
    assert first != header_signature(["姓名", "电话"])
    assert isinstance(first, str) and first


def test_normalise_folds_full_width_case_and_traditional_characters():
    assert normalise("Ｅ-Mail 地址") == "email地址"
    assert normalise("電話") == "电话"


@pytest.mark.parametrize("text, kind", [
    ("公司", Kind.COMPANY), ("company", Kind.COMPANY), ("Company", Kind.COMPANY),
    ("个人", Kind.INDIVIDUAL), ("個人", Kind.INDIVIDUAL), ("individual", Kind.INDIVIDUAL),
])
def test_kinds_are_recognised_in_both_languages(text, kind):
    assert parse_kind(text) is kind


@pytest.mark.parametrize("text, stage", [
    ("新的潜在顾客", Stage.NEW), ("新客户", Stage.NEW), ("new prospect", Stage.NEW),
    ("New", Stage.NEW), ("拒绝", Stage.DECLINED), ("暂不购买", Stage.DECLINED),
    ("declined", Stage.DECLINED), ("Not now", Stage.DECLINED),
    ("现在的客户", Stage.CUSTOMER), ("Current customer", Stage.CUSTOMER),
    ("以往客户", Stage.FORMER), ("former customer", Stage.FORMER),
    ("新的潛在顧客", Stage.NEW),
])
def test_stages_are_recognised_in_both_languages(text, stage):
    assert parse_stage(text) is stage


@pytest.mark.parametrize("text, status", [
    ("良好", CreditStatus.GOOD), ("一般", CreditStatus.NORMAL), ("需注意", CreditStatus.WATCH),
    ("不良", CreditStatus.BAD), ("未知", CreditStatus.UNKNOWN), ("good", CreditStatus.GOOD),
    ("Normal", CreditStatus.NORMAL), ("watch", CreditStatus.WATCH), ("BAD", CreditStatus.BAD),
    ("unknown", CreditStatus.UNKNOWN),
])
def test_credit_statuses_are_recognised_in_both_languages(text, status):
    assert parse_credit_status(text) is status


@pytest.mark.parametrize("text, source", [
    ("客户", ReferralSource.CUSTOMER), ("朋友", ReferralSource.FRIEND),
    ("竞争对手的客户", ReferralSource.COMPETITOR_CUSTOMER), ("供应商", ReferralSource.SUPPLIER),
    ("家人", ReferralSource.FAMILY), ("customer", ReferralSource.CUSTOMER),
    ("Friend", ReferralSource.FRIEND),
    ("Competitor's customer", ReferralSource.COMPETITOR_CUSTOMER),
    ("supplier", ReferralSource.SUPPLIER), ("family", ReferralSource.FAMILY),
])
def test_referral_sources_are_recognised_in_both_languages(text, source):
    assert parse_referral_source(text) is source


def test_a_value_that_names_nothing_is_not_guessed():
    assert parse_stage("maybe later") is None
    assert parse_kind("robot") is None
