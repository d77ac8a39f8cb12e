"""The callbacks panel: mine, anyone's, and a colleague's left untaken past the grace period."""

from datetime import timedelta

from dialdesk.services.callbacks import my_callbacks
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK


def test_mine_anyones_and_a_colleagues_after_the_grace_period(floor: Floor) -> None:
    _, _, mine = floor.company("Мой")
    _, _, shared = floor.company("Общий")
    _, _, theirs = floor.company("Чужой")
    floor.callback(mine, MONDAY_10_MSK + timedelta(hours=1), floor.me, floor.me)
    floor.callback(shared, MONDAY_10_MSK + timedelta(hours=2), None, floor.other)
    floor.callback(theirs, MONDAY_10_MSK - timedelta(minutes=10), floor.other, floor.other)
    listed = my_callbacks(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert [(c.company, c.mine) for c in listed] == [("Мой", True), ("Общий", False)]
    later = MONDAY_10_MSK + timedelta(minutes=25)  # the 30-minute grace has run out
    listed = my_callbacks(floor.my_engine, floor.me, now=later)
    assert [(c.company, c.mine) for c in listed] == [
        ("Чужой", False),
        ("Мой", True),
        ("Общий", False),
    ]
    assert listed[0].when(later) == "overdue"
