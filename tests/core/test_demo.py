import datetime

from prospect_desk.card_query import CardFilter, count_cards
from prospect_desk.demo import DEMO_SIZE, load_demo
from prospect_desk.models import Activity, Card, FollowUp
from prospect_desk.search_keys import has_cjk


def test_the_demo_set_has_about_200_varied_cards_in_one_go(database):
    assert load_demo(today=datetime.date(2026, 11, 23)) == DEMO_SIZE
    assert count_cards() == DEMO_SIZE
    names = [c.name for c in Card.select(Card.name)]
    assert any(has_cjk(n) for n in names) and any(not has_cjk(n) for n in names)
    assert count_cards(CardFilter(kinds=frozenset({"company"}))) > 0
    assert Card.select().where(Card.referrer.is_null(False)).count() > 0
    assert Activity.select().count() > 0
    today = datetime.date(2026, 11, 23)
    revisits = FollowUp.select().where(FollowUp.kind == "revisit")
    assert revisits.count() == count_cards(CardFilter(stages=frozenset({"declined"})))
    assert revisits.where(FollowUp.due_date < today).count() > 0  # some already overdue
    for stage in ("new", "declined", "customer", "former"):
        assert count_cards(CardFilter(stages=frozenset({stage}))) > 0
