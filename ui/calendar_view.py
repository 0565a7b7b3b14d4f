"""The month calendar: each day shows how many follow-ups of each kind fall on
it, in the kind's colour; choosing a day lists them, beside the week's agenda
and, apart, what is overdue. Double-clicking a line opens its card."""

import datetime

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.follow_ups import AgendaItem, agenda, month_counts, overdue
from ui.follow_up_actions import AgendaActions
from ui.follow_up_panel import ITEM_ROLE, agenda_tree_item
from ui.follow_up_text import OVERDUE_COLOUR, kind_colour, to_date

MAX_DOTS = 4


class FollowUpCalendar(QCalendarWidget):
    """A month grid whose days carry coloured counts per kind."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.counts: dict[datetime.date, dict[str, int]] = {}
        self.currentPageChanged.connect(lambda year, month: self.reload_counts())

    def reload_counts(self) -> None:
        self.counts = month_counts(self.yearShown(), self.monthShown())
        self.updateCells()

    def day_count(self, day: datetime.date) -> int:
        return sum(self.counts.get(day, {}).values())

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        super().paintCell(painter, rect, qdate)
        per_kind = self.counts.get(to_date(qdate))
        if not per_kind:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(per_kind.values())
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 7))
        font.setBold(True)
        painter.setFont(font)
        badge = QRect(rect.right() - 22, rect.top() + 2, 20, 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#37474f"))
        painter.drawRoundedRect(badge, 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(total))
        x = rect.left() + 4
        y = rect.bottom() - 9
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, _n in sorted(per_kind.items(), key=lambda kv: -kv[1])[:MAX_DOTS]:
            painter.setBrush(kind_colour(kind))
            painter.drawEllipse(QRect(x, y, 7, 7))
            x += 9
        painter.restore()


def _tree(name: str, columns: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(columns)
    header = tree.header()
    for column in range(len(columns) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return tree


class CalendarView(AgendaActions, QWidget):
    openCard = Signal(int)
    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = datetime.date.today()
        self.calendar = FollowUpCalendar()
        self.calendar.setMinimumSize(520, 380)
        self.calendar.selectionChanged.connect(self.show_selected_day)
        self.previous_button = QPushButton(self.tr("◀ Previous month"))
        self.previous_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button = QPushButton(self.tr("Next month ▶"))
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self.go_to_today)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.today_button)
        nav.addWidget(self.next_button)
        nav.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(nav)
        left_layout.addWidget(self.calendar, 1)

        headers = [self.tr("Date"), self.tr("Kind"), self.tr("Card"), self.tr("Why")]
        self.day_title = QLabel()
        self.day_title.setStyleSheet("font-weight: 600;")
        self.day_list = _tree("dayList", headers)
        self.week_list = _tree("weekList", headers)
        self.overdue_list = _tree("overdueList", headers)
        self.lists = QTabWidget()
        self.lists.addTab(self.day_list, self.tr("Day"))
        self.lists.addTab(self.week_list, self.tr("Week"))
        self.lists.addTab(self.overdue_list, self.tr("Overdue"))
        for tree in (self.day_list, self.week_list, self.overdue_list):
            tree.itemActivated.connect(self._activated)
            tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.lists.currentChanged.connect(lambda _i: self._update_buttons())
        self.done_button = QPushButton(self.tr("Done…"))
        self.done_button.clicked.connect(self.done)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip)
        self.move_button = QPushButton(self.tr("Move…"))
        self.move_button.clicked.connect(self.move)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.skip_button, self.move_button):
            buttons.addWidget(button)
        buttons.addStretch()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.day_title)
        right_layout.addWidget(self.lists, 1)
        right_layout.addLayout(buttons)
        hint = QLabel(self.tr("Double-click a line to open its card."))
        hint.setStyleSheet("color: palette(mid);")
        right_layout.addWidget(hint)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 680])  # room for the card and why columns
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def reload(self, today: datetime.date | None = None) -> None:
        self.today = today or datetime.date.today()
        self.calendar.reload_counts()
        self.show_selected_day()

    def go_to_today(self) -> None:
        self.calendar.setSelectedDate(QDate(self.today.year, self.today.month, self.today.day))

    def select_day(self, day: datetime.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def selected_day(self) -> datetime.date:
        return to_date(self.calendar.selectedDate())

    def show_selected_day(self) -> None:
        day = self.selected_day()
        monday = day - datetime.timedelta(days=day.weekday())
        sunday = monday + datetime.timedelta(days=6)
        self.day_title.setText(self.tr("Follow-ups on %1").replace("%1", day.isoformat()))
        self._fill(self.day_list, agenda(day, day))
        self._fill(self.week_list, agenda(monday, sunday))
        late = overdue(self.today)
        self._fill(self.overdue_list, late)
        self.lists.setTabText(2, self.tr("Overdue (%1)").replace("%1", str(len(late))))
        self.lists.tabBar().setTabTextColor(
            2, QColor(OVERDUE_COLOUR) if late else self.palette().windowText().color())
        self.lists.setTabText(0, self.tr("Day (%1)").replace(
            "%1", str(self.day_list.topLevelItemCount())))
        self._update_buttons()

    def _fill(self, tree: QTreeWidget, items: list[AgendaItem]) -> None:
        tree.clear()
        for item in items:
            row = agenda_tree_item(item, self.today, ["date", "kind", "card", "reason"])
            if item.status != "open":
                for column in range(4):
                    row.setForeground(column, QColor("#9e9e9e"))
            tree.addTopLevelItem(row)

    def day_items(self) -> list[AgendaItem]:
        return [self.day_list.topLevelItem(i).data(0, ITEM_ROLE)
                for i in range(self.day_list.topLevelItemCount())]

    def current_item(self) -> AgendaItem | None:
        tree = self.lists.currentWidget()
        row = tree.currentItem() if tree is not None else None
        return row.data(0, ITEM_ROLE) if row is not None else None

    def _update_buttons(self) -> None:
        item = self.current_item()
        chosen = item is not None and item.status == "open"
        for button in (self.done_button, self.skip_button, self.move_button):
            button.setEnabled(chosen)





