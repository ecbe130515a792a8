"""The interface language: Qt translators for the widgets, core.i18n for domain messages.

Source strings in the code are English; the Vietnamese translation lives in
``resources/i18n/hbt_desktop_vi.ts`` (made with ``pyside6-lupdate``) and is compiled to
``hbt_desktop_vi.qm``, which is committed so that a fresh clone shows Vietnamese without
any build step. Qt's own strings (the buttons of standard dialogs) come from Qt's
``qtbase_vi.qm`` when the installed Qt ships it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hbt_desktop.core import i18n
from hbt_desktop.core.resources import resource_path

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
QM_NAME = "hbt_desktop_{lang}.qm"

_installed: list[QTranslator] = []


def qm_path(language: str) -> str:
    return str(resource_path("i18n", QM_NAME.format(lang=language)))


def install_language(language: str) -> str:
    """Switch the whole program to ``language`` ("vi" or "en"); returns the language used.

    Translators are kept alive here: Qt does not own them, and a collected translator
    silently turns the interface back to English.
    """
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    locale = QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    QLocale.setDefault(locale)
    if language == "en" or app is None:
        return language
    ours = QTranslator()
    if ours.load(qm_path(language)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator()
    if qt_own.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return language


def current_language() -> str:
    return i18n.get_language()
