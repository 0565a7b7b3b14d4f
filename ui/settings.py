"""Every user-interface setting, declared once, stored with QSettings."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QSettings

ORGANIZATION = "ProspectDesk"
APPLICATION = "Prospect Desk"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any


LANGUAGE = SettingSpec("ui/language", str, "")
"""'' follows the system locale; otherwise 'en' or 'zh_CN'."""
WINDOW_GEOMETRY = SettingSpec("main_window/geometry", QByteArray, QByteArray())
WINDOW_STATE = SettingSpec("main_window/state", QByteArray, QByteArray())
MAIN_SPLITTER = SettingSpec("main_window/splitter", QByteArray, QByteArray())
DETAIL_SPLITTER = SettingSpec("main_window/detail_splitter", QByteArray, QByteArray())
LIST_HEADER = SettingSpec("card_list/header", QByteArray, QByteArray())
SORT_COLUMN = SettingSpec("card_list/sort_column", int, 0)
SORT_DESCENDING = SettingSpec("card_list/sort_descending", bool, False)
IMPORT_MAPPINGS = SettingSpec("import/mappings", str, "{}")
"""JSON: header_signature -> {column index: field value or ''}, the user's last
mapping of each header row met in an import."""

ALL_SETTINGS = [LANGUAGE, WINDOW_GEOMETRY, WINDOW_STATE, MAIN_SPLITTER, DETAIL_SPLITTER,
                LIST_HEADER, SORT_COLUMN, SORT_DESCENDING, IMPORT_MAPPINGS]

SUPPORTED_LANGUAGES = ("en", "zh_CN")


def qsettings() -> QSettings:
    """The application's settings (organization and name come from the app object,
    so tests can point the default format at a folder of their own)."""
    return QSettings()


def read(spec: SettingSpec) -> Any:
    value = qsettings().value(spec.key, spec.default)
    if spec.type is bool and isinstance(value, str):
        return value.lower() == "true"
    if spec.type is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return spec.default
    return value if value is not None else spec.default


def write(spec: SettingSpec, value: Any) -> None:
    qsettings().setValue(spec.key, value)


def effective_language() -> str:
    """The language the UI speaks: the chosen one, else the system's."""
    chosen = read(LANGUAGE)
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"
