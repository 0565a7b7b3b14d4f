"""The month calendar: each day shows how many follow-ups of each kind fall on
it, with the kind's icon, and "+N more" when they do not fit; choosing a day
lists them, beside the week as seven columns and, apart, what is overdue.
Double-clicking a line opens its card.

The grid is painted from counts per day and kind (one SQL GROUP BY); the lists
are item models over SQL that read a page at a time (`ui.models.agenda_models`),
and the week is read only when its tab is shown."""

import datetime

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from prospect_desk.agenda_query import day_counts, month_counts, overdue_section, range_section
from prospect_desk.follow_ups import AgendaItem
from ui.follow_up_actions import ITEM_ROLE, AgendaActions
from ui.follow_up_text import OVERDUE_COLOUR, kind_icon, to_date
from ui.models.agenda_models import AgendaListModel, WeekDayDelegate

LIST_COLUMNS = ["date", "kind", "card", "reason"]
BADGE_COLOUR = "#37474f"
TODAY_COLOUR = "#1565c0"  # not red: red says overdue
WEEK_PAGE_SIZE = 30  # a week column shows about fifteen


def kinds_shown(per_kind: dict[str, int], room: int) -> tuple[list[tuple[str, int]], int]:
    """The kinds a day cell shows, most first, in `room` places, and how many
    follow-ups are left for "+N more" (which takes the last place)."""
    kinds = sorted(per_kind.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(kinds) <= room:
        return kinds, 0
    shown = kinds[:max(room - 1, 0)]
    return shown, sum(count for _kind, count in kinds[len(shown):])


class FollowUpCalendar(QCalendarWidget):
    """A month grid whose days carry their total and a coloured count per
    kind, as many kinds as the cell has room for, then "+N more"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.counts: dict[datetime.date, dict[str, int]] = {}
        self.today = datetime.date.today()
        self._cells: dict[tuple, QPixmap] = {}
        self._table = self.findChild(QTableView)  # the grid inside the calendar
        self._table.viewport().installEventFilter(self)
        self.currentPageChanged.connect(lambda year, month: self.reload_counts())

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._table.viewport():
            self._fit_rows()
        return super().eventFilter(watched, event)

    def _fit_rows(self) -> None:
        """The weekday names' row as high as its text; the weeks share the rest,
        so the days have room for their counts."""
        header = self._table.verticalHeader()
        rows = self._table.model().rowCount()
        names = self._table.fontMetrics().height() + 8
        height = self._table.viewport().height()
        if rows > 1 and height > names + rows:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.resizeSection(0, names)
            week, extra = divmod(height - names, rows - 1)
            for row in range(1, rows):
                header.resizeSection(row, week + (1 if row <= extra else 0))

    def reload_counts(self) -> None:
        self.counts = month_counts(self.yearShown(), self.monthShown())
        self.updateCells()

    def day_count(self, day: datetime.date) -> int:
        return sum(self.counts.get(day, {}).values())

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        """Each cell is drawn once into a picture kept for as long as its day,
        counts, size and look stay the same: after a reload or a change only
        the cells whose counts moved are drawn again."""
        day = to_date(qdate)
        per_kind = self.counts.get(day)
        selected = qdate == self.selectedDate()
        key = (day, rect.width(), rect.height(), selected, day == self.today,
               self.monthShown(), tuple(sorted(per_kind.items())) if per_kind else (),
               painter.font().key(), self.palette().cacheKey(), painter.device().devicePixelRatio())
        picture = self._cells.get(key)
        if picture is None:
            if len(self._cells) > 400:
                self._cells.clear()
            ratio = painter.device().devicePixelRatio()
            picture = QPixmap(rect.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            cell = QPainter(picture)
            cell.setFont(painter.font())
            self._draw_cell(cell, QRect(0, 0, rect.width(), rect.height()), qdate, per_kind,
                            selected)
            cell.end()
            self._cells[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)

    def _draw_cell(self, painter: QPainter, rect: QRect, qdate: QDate,
                   per_kind: dict[str, int] | None, selected: bool) -> None:
        """Every day alike: its number top left (today's bold and ringed), and
        when it has follow-ups their total in a badge top right and a count per
        kind below."""
        day = to_date(qdate)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if selected:
            painter.fillRect(rect, palette.highlight())
        if qdate.month() != self.monthShown():
            text_colour = palette.placeholderText().color()
        elif selected:
            text_colour = palette.highlightedText().color()
        else:
            weekday = self.weekdayTextFormat(Qt.DayOfWeek(qdate.dayOfWeek())).foreground()
            text_colour = (weekday.color() if weekday.style() != Qt.BrushStyle.NoBrush
                           else palette.text().color())
        font = QFont(painter.font())
        number = rect.adjusted(4, 2, 0, 0)
        if day == self.today:
            font.setBold(True)
            width = painter.fontMetrics().horizontalAdvance(str(qdate.day())) + 8
            ring = QRect(rect.left() + 1, rect.top() + 1, max(width, 20), 17)
            painter.setPen(palette.highlightedText().color() if selected
                           else QColor(TODAY_COLOUR))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring, 7, 7)
        painter.setPen(text_colour)
        painter.setFont(font)
        painter.drawText(number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         str(qdate.day()))
        if per_kind:
            small = QFont(font)
            small.setPointSizeF(max(font.pointSizeF() * 0.8, 7))
            small.setBold(True)
            painter.setFont(small)
            total = sum(per_kind.values())
            label = str(total) if total < 10000 else f"{total // 1000}k"
            width = max(20, painter.fontMetrics().horizontalAdvance(label) + 8)
            badge = QRect(rect.right() - 1 - width, rect.top() + 2, width, 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(BADGE_COLOUR))
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            count_colour = (palette.highlightedText().color() if selected
                            else palette.text().color())
            self._paint_kinds(painter, rect, per_kind, count_colour)
        painter.restore()

    def _paint_kinds(self, painter: QPainter, rect: QRect, per_kind: dict[str, int],
                     text_colour: QColor) -> None:
        """Kinds, most first, as the kind's icon and a count, in rows under the
        day number. The icons are drawn 14 px high, a size at which their glyphs
        read, when the cell has room for all its kinds so; a short cell draws
        them as high as a line of text, to keep as many kinds as it can."""
        metrics = painter.fontMetrics()
        line, icon = metrics.height(), 14
        top = rect.top() + 18
        room = rect.bottom() - 2 - top + 1
        chip = max(metrics.horizontalAdvance("99999") + icon + 3, (rect.width() - 6) // 2)
        per_row = max((rect.width() - 6) // chip, 1)
        if room // max(line, icon + 1) * per_row >= len(per_kind):
            line = max(line, icon + 1)
        else:
            icon = min(line, icon)
        rows = max(room // line, 0)
        if rows == 0:
            return
        shown, hidden = kinds_shown(per_kind, rows * per_row)
        for n, (kind, count) in enumerate(shown):
            x = rect.left() + 4 + (n % per_row) * chip
            y = top + (n // per_row) * line
            kind_icon(kind).paint(painter, QRect(x, y + (line - icon) // 2, icon, icon))
            painter.setPen(text_colour)
            painter.drawText(QRect(x + icon + 2, y, chip - icon - 3, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(count))
        if hidden:
            n = len(shown)
            x = rect.left() + 4 + (n % per_row) * chip
            y = top + (n // per_row) * line
            painter.setPen(text_colour)
            painter.drawText(QRect(x, y, rect.right() - x - 2, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("+%1 more").replace("%1", str(hidden)))


def _list(name: str) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setModel(AgendaListModel(LIST_COLUMNS, view))
    header = view.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate((92, 110, 110)):
        header.resizeSection(column, width)
    return view


class WeekGrid(QWidget):
    """Seven columns, Monday to Sunday: the day and its count on top, then its
    follow-ups in their kind's colour, read a page at a time. Clicking a day's
    heading chooses that day; double-clicking a follow-up opens its card."""

    daySelected = Signal(object)
    openCard = Signal(int)
    currentChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.first_day = datetime.date.today()
        self.current_list: QListView | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(3)
        grid.setVerticalSpacing(2)
        self.headers: list[QPushButton] = []
        self.columns: list[QListView] = []
        delegate = WeekDayDelegate(self)
        for column in range(7):
            header = QPushButton()
            header.setFlat(True)
            header.setCheckable(True)
            header.clicked.connect(lambda _checked=False, c=column: self._header_clicked(c))
            day_list = QListView()
            day_list.setObjectName(f"weekDay{column}")
            day_list.setModel(AgendaListModel(["card"], day_list, page_size=WEEK_PAGE_SIZE))
            day_list.setItemDelegate(delegate)
            day_list.setUniformItemSizes(True)
            day_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            day_list.setMinimumWidth(60)
            day_list.activated.connect(self._activated)
            day_list.selectionModel().currentChanged.connect(
                lambda current, _previous, v=day_list: self._chosen(v, current))
            grid.addWidget(header, 0, column)
            grid.addWidget(day_list, 1, column)
            grid.setColumnStretch(column, 1)
            self.headers.append(header)
            self.columns.append(day_list)
        grid.setRowStretch(1, 1)

    def show_week(self, day: datetime.date, today: datetime.date,
                  first_weekday: int = 1) -> None:
        """The week holding `day`, starting on `first_weekday` (1 Monday to 7
        Sunday, as the month grid starts its weeks)."""
        self.first_day = day - datetime.timedelta(days=(day.isoweekday() - first_weekday) % 7)
        self.current_list = None
        locale = QLocale()
        last_day = self.first_day + datetime.timedelta(days=6)
        per_day = day_counts(range_section(self.first_day, last_day))
        for column, (header, day_list) in enumerate(zip(self.headers, self.columns, strict=True)):
            date = self.first_day + datetime.timedelta(days=column)
            model: AgendaListModel = day_list.model()
            model.set_section(range_section(date, date), today,
                              {date: per_day[date]} if date in per_day else {})
            name = locale.dayName(date.isoweekday(), QLocale.FormatType.ShortFormat)
            header.setText(f"{name} {date.month}/{date.day}\n({model.total})")
            header.setChecked(date == day)
            font = header.font()
            font.setBold(date == today)
            header.setFont(font)
            header.setStyleSheet(f"color: {TODAY_COLOUR};" if date == today else "")
            header.setToolTip(date.isoformat())

    def day_items(self, column: int) -> list[AgendaItem]:
        return self.columns[column].model().items()

    def current_item(self) -> AgendaItem | None:
        if self.current_list is None:
            return None
        index = self.current_list.currentIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def _header_clicked(self, column: int) -> None:
        self.daySelected.emit(self.first_day + datetime.timedelta(days=column))

    def _chosen(self, day_list: QListView, current: QModelIndex) -> None:
        if current.isValid():
            self.current_list = day_list
            for other in self.columns:
                if other is not day_list:
                    other.selectionModel().clear()
        self.currentChanged.emit()

    def _activated(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if item is not None:
            self.openCard.emit(item.card_id)


class CalendarView(AgendaActions, QWidget):
    openCard = Signal(int)
    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = datetime.date.today()
        self._week_shown: tuple | None = None
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

        self.day_title = QLabel()
        self.day_title.setStyleSheet("font-weight: 600;")
        self.day_list = _list("dayList")
        self.week = WeekGrid()
        self.week.setObjectName("weekGrid")
        self.overdue_list = _list("overdueList")
        self.lists = QTabWidget()
        self.lists.addTab(self.day_list, self.tr("Day"))
        self.lists.addTab(self.week, self.tr("Week"))
        self.lists.addTab(self.overdue_list, self.tr("Overdue"))
        for view in (self.day_list, self.overdue_list):
            view.activated.connect(self._activated)
            view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.week.openCard.connect(self.openCard)
        self.week.currentChanged.connect(self._update_buttons)
        self.week.daySelected.connect(self.select_day)
        self.lists.currentChanged.connect(self._tab_changed)
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
        splitter.setSizes([700, 740])  # room for the card and why columns, and seven days
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def reload(self, today: datetime.date | None = None) -> None:
        """Everything afresh (shown, or something was done): the month's counts,
        the overdue list, and the chosen day. The line chosen stays chosen (or
        the one now in its place), so a list can be worked down with Done."""
        self.today = today or datetime.date.today()
        self.calendar.today = self.today
        chosen = [(view, view.currentIndex().row()) for view in
                  (self.day_list, self.overdue_list, *self.week.columns)
                  if view.currentIndex().isValid()]
        self.calendar.reload_counts()
        self.overdue_list.model().set_section(overdue_section(self.today), self.today)
        late = self.overdue_list.model().total
        self.lists.setTabText(2, self.tr("Overdue (%1)").replace("%1", str(late)))
        self.lists.tabBar().setTabTextColor(
            2, QColor(OVERDUE_COLOUR) if late else self.palette().windowText().color())
        self.show_selected_day()
        for view, row in chosen:
            rows = view.model().rowCount()
            if rows and view.isVisible():
                view.setCurrentIndex(view.model().index(min(row, rows - 1), 0))
        self._update_buttons()

    def go_to_today(self) -> None:
        self.calendar.setSelectedDate(QDate(self.today.year, self.today.month, self.today.day))

    def select_day(self, day: datetime.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def selected_day(self) -> datetime.date:
        return to_date(self.calendar.selectedDate())

    def show_selected_day(self) -> None:
        """The chosen day's list, and the week when its tab is shown: each a
        count and a first page. (Overdue does not depend on the day chosen.)"""
        day = self.selected_day()
        self.day_title.setText(self.tr("Follow-ups on %1").replace("%1", day.isoformat()))
        self.day_list.model().set_section(range_section(day, day), self.today)
        self.lists.setTabText(0, self.tr("Day (%1)").replace(
            "%1", str(self.day_list.model().total)))
        self._week_shown = None
        if self.lists.currentWidget() is self.week:
            self._show_week()
        self._update_buttons()

    def _show_week(self) -> None:
        key = (self.selected_day(), self.today, self.calendar.firstDayOfWeek().value)
        if self._week_shown != key:
            self._week_shown = key
            self.week.show_week(*key)

    def _tab_changed(self, _index: int) -> None:
        if self.lists.currentWidget() is self.week:
            self._show_week()
        self._update_buttons()

    def day_items(self) -> list[AgendaItem]:
        return self.day_list.model().items()

    def current_item(self) -> AgendaItem | None:
        shown = self.lists.currentWidget()
        if shown is self.week:
            return self.week.current_item()
        index = shown.currentIndex() if shown is not None else QModelIndex()
        return index.data(ITEM_ROLE) if index.isValid() else None

    def _update_buttons(self) -> None:
        item = self.current_item()
        chosen = item is not None and item.status == "open"
        for button in (self.done_button, self.skip_button, self.move_button):
            button.setEnabled(chosen)
