"""Every follow-up kind has its own icon (a glyph on a disc of its colour), so
kinds of close colours tell apart in the month cells, the week and the lists."""

from PySide6.QtGui import QColor

from prospect_desk.enums import FollowUpKind
from ui.follow_up_text import KIND_COLOURS, kind_icon, kind_icons_dir


def test_every_kind_has_an_icon_file():
    files = {path.stem for path in kind_icons_dir().glob("*.svg")}
    assert {kind.value for kind in FollowUpKind} <= files
    assert set(KIND_COLOURS) == {kind.value for kind in FollowUpKind}


def test_every_kind_icon_renders_its_colour_with_a_white_glyph(qapp):
    for kind in FollowUpKind:
        icon = kind_icon(kind.value)
        assert not icon.isNull(), kind
        image = icon.pixmap(16, 16).toImage()
        assert not image.isNull(), kind
        colours = {image.pixelColor(x, y).name() for x in range(16) for y in range(16)
                   if image.pixelColor(x, y).alpha() == 255}
        assert QColor(KIND_COLOURS[kind.value]).name() in colours, kind
        assert "#ffffff" in colours, kind


def test_a_kind_without_an_icon_still_gets_a_dot(qapp):
    image = kind_icon("no_such_kind").pixmap(14, 14).toImage()
    assert image.pixelColor(7, 7).name() == QColor(KIND_COLOURS["manual"]).name()
