"""Translation of the labels the UI shows but does not write itself.

Widgets translate their own text with ``self.tr()``. Enum choices, import field names and
the few fixed captions kept in module constants are defined once, in Chinese, and all go
through one translation context, ``labels``: ``QT_TRANSLATE_NOOP(LABELS, ...)`` marks the
UI's constants for lupdate, and ``scripts/translations.py`` adds the labels of the layers
below (which must not import Qt) to the same context. That keeps one Chinese word one
entry for the translator, whichever screen shows it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QSettings,
    QTranslator,
)

from .. import texts
from ..config import APP_DISPLAY_NAME, resource_path
from ..models.enums import LabelledEnum

LABELS = "labels"
# The languages the UI offers, each named in itself.
LANGUAGES = [("zh", "中文"), ("en", "English")]
# Written in both languages at once, so whoever is lost in the wrong one finds the way back.
BILINGUAL = {
    "language_menu": "界面语言 / Language",
    "language_changed": "重新启动客户宝后使用新的界面语言。\n"
                        "The new language is used when Kehubao starts again.",
    "reopen_now": "现在重新打开窗口，换成新的界面语言吗？未保存的内容会先询问。\n"
                  "Reopen the window in the new language now? You will be asked about "
                  "anything unsaved first.",
}
_SETTING = "ui/language"


def _translate_text(template: str) -> str:
    return QCoreApplication.translate(LABELS, template)


# Sentences from below the UI (``texts.Text``, ``UserError``) come in the user's language.
texts.install(_translate_text)


def chosen_language() -> str:
    """The language set in the Tools menu, else Chinese: the product is made for Chinese
    firms, whose laptops often run an English Windows all the same."""
    language = QSettings().value(_SETTING, "")
    return str(language) if language in dict(LANGUAGES) else "zh"


def choose_language(language: str) -> None:
    """Remember the language for the next start (widgets are built in one language)."""
    QSettings().setValue(_SETTING, language)


def install_translator(app: QCoreApplication, language: str | None = None) -> bool:
    """Install the translations of ``language`` (default: the one chosen in the Tools
    menu), replacing any this function installed before.

    Two sources: the app's own .qm for a language other than Chinese (Chinese is the
    source text), and Qt's own ``qtbase`` translation for the buttons and dialogs Qt
    draws itself (OK/Cancel, Yes/No, Save/Discard, the file dialog), which are English
    source text and so need one in Chinese. False when a file is missing; the UI then
    shows that part in its source language."""
    language = language or chosen_language()
    texts.install(_translate_text, language)
    _know_every_language()
    remove_translators(app)
    if language == "zh":
        return _install(app, "qtbase_zh_CN", qt_translations_dirs())
    return _install(app, f"kehubao_{language}", [resource_path("translations")])


_TRANSLATOR_NAME = "kehubao-translator"
_SHOWN_IN: dict[str, QTranslator] = {}  # every shipped translation, installed or not


def _know_every_language() -> None:
    """Tell ``texts`` every translation the app ships, whichever is in use, so that what
    the program wrote in one language is recognised after a switch to another (the
    automatic reminders' titles). Loaded once; a missing .qm is simply not known."""
    for code, _name in LANGUAGES:
        if code == "zh" or code in _SHOWN_IN:
            continue
        translator = QTranslator()
        if translator.load(f"kehubao_{code}", str(resource_path("translations"))):
            _SHOWN_IN[code] = translator
            texts.know(code, lambda template, t=translator: t.translate(LABELS, template) or template)


def remove_translators(app: QCoreApplication) -> None:
    """Take out the translators `install_translator` installed (source texts again)."""
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own .qm files are: Qt's translations folder, or in a PyInstaller bundle
    the folder the PySide6 hook copies them to."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if bundle := getattr(sys, "_MEIPASS", None):
        folders += [Path(bundle, "PySide6", "Qt", "translations"),
                    Path(bundle, "PySide6", "translations"), Path(bundle, "translations")]
    return folders


def _install(app: QCoreApplication, name: str, folders: list[Path]) -> bool:
    for folder in folders:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            translator.setObjectName(_TRANSLATOR_NAME)
            return app.installTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()
    return False


QT_TRANSLATE_NOOP("labels", "客户宝")  # APP_DISPLAY_NAME, for lupdate


def app_name() -> str:
    """The product's name in the user's language: window and message box titles."""
    return label(APP_DISPLAY_NAME)


def label(text: str | None) -> str:
    """``text`` (a Chinese label) in the user's language; empty stays empty."""
    return QCoreApplication.translate(LABELS, text) if text else ""


_QUARTER = QT_TRANSLATE_NOOP("labels", "%1年第%2季度")  # an evaluation period


def period_label(text: str | None) -> str:
    """An evaluation period ("2026年第4季度", as stored) in the user's language."""
    from ..services.evaluation.scoring import quarter_parts

    parts = quarter_parts(text or "")
    if parts is None:
        return text or ""
    return label(_QUARTER).replace("%1", str(parts[0])).replace("%2", str(parts[1]))


def enum_label(enum: type[LabelledEnum], code: str | None) -> str:
    """The translated label of a stored code (unknown codes show as they are)."""
    return label(enum.label_of(code))


def enum_choices(enum: type[LabelledEnum]) -> list[tuple[str, str]]:
    """(code, translated label) pairs in declaration order, for combo boxes and buttons."""
    return [(code, label(text)) for code, text in enum.choices()]
