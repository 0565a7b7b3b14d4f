"""What the user sees when something fails that nobody foresaw: a plain message,
the technical details (folded away, and easy to copy for a bug report), and the
app goes on running. Every error shown here is written to the log first."""

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospect_desk import error_log

MAX_OPEN_DIALOGS = 3
"""More errors than this at once (one per repaint, say) are only logged."""

_open_dialogs: list["ErrorDialog"] = []


class ErrorDialog(QDialog):
    """Non-blocking: it is shown, and the event loop carries on."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Prospect Desk: an error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details = details

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(
            self.tr("Something went wrong: %1\n\nWhat was already saved is safe, and you "
                    "can go on working. If it happens again, please send the details "
                    "below to support.").replace("%1", summary))
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumWidth(380)

        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Details"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._show_details)
        self.details_box = QPlainTextEdit(details)
        self.details_box.setObjectName("errorDetails")
        self.details_box.setReadOnly(True)
        self.details_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_box.setMinimumHeight(200)
        self.details_box.hide()

        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details_box, 1)
        layout.addWidget(buttons)

    def _show_details(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details_box.setVisible(shown)
        self.adjustSize()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def _summary(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _present(parent: QWidget | None, summary: str, details: str) -> ErrorDialog | None:
    alive = []
    for dialog in _open_dialogs:
        try:
            if dialog.isVisible():
                alive.append(dialog)
        except RuntimeError:  # already deleted on close
            pass
    _open_dialogs[:] = alive
    if len(_open_dialogs) >= MAX_OPEN_DIALOGS:
        return None
    if parent is None:
        parent = QApplication.activeWindow()
    dialog = ErrorDialog(summary, details, parent)
    _open_dialogs.append(dialog)
    dialog.show()
    return dialog


def show_error(parent: QWidget | None, exc: BaseException,
               details: str | None = None) -> ErrorDialog | None:
    """Log `exc` and show it. `details` is the traceback text when it was taken
    elsewhere (a worker's `failed` signal); by default it is made from `exc`.
    Fits ui.worker.start_job's on_failure as `lambda e, d: show_error(w, e, d)`."""
    if details is None:
        details = error_log.log_exception(type(exc), exc, exc.__traceback__)
    else:
        error_log.logger.error("Error in a background job: %s\n%s", _summary(exc), details)
    return _present(parent, _summary(exc), details)


def current_dialogs() -> list[ErrorDialog]:
    """The error dialogs now open (for tests and for not piling them up)."""
    return [d for d in _open_dialogs if _alive(d)]


def _alive(dialog: ErrorDialog) -> bool:
    try:
        return dialog.isVisible()
    except RuntimeError:
        return False


class _ExceptionBridge(QObject):
    """Carries an uncaught exception to the main thread, where widgets may be made."""

    raised = Signal(str, str)

    def __init__(self):
        super().__init__()
        self.raised.connect(self.present)

    @Slot(str, str)
    def present(self, summary: str, details: str) -> None:
        _present(None, summary, details)


_bridge: _ExceptionBridge | None = None


def excepthook(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """sys.excepthook: log the error and show it; the app keeps running."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        details = error_log.log_exception(exc_type, exc, tb)
        if _bridge is not None:
            _bridge.raised.emit(_summary(exc), details)
    except Exception:  # noqa: BLE001 - the hook itself must never fail
        logging.getLogger(__name__).exception("The error could not be shown")
        traceback.print_exception(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_exception_hooks() -> None:
    """Send uncaught exceptions (in slots, in the main thread, in other threads)
    to the log and an error dialog. Call from the main thread, after the
    application object exists."""
    global _bridge
    if _bridge is None:
        _bridge = _ExceptionBridge()
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook
