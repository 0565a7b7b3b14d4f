"""Loading the application's and Qt's own translations for a language."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    root = Path(__file__).resolve().parent.parent
    return root / "resources" / "translations"


def install_language(language: str) -> None:
    """Replace the installed translators with those of `language` ('en' or 'zh_CN')."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    own = QTranslator(app)
    if own.load(f"prospect_desk_{language}", str(translations_dir())):
        app.installTranslator(own)
        _installed.append(own)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
