"""Translation of the labels the UI shows but does not write itself.

Widgets translate their own text with ``self.tr()``. Enum choices, import field names and
the few fixed captions kept in module constants are defined once, in Chinese, and all go
through one translation context, ``labels``: ``QT_TRANSLATE_NOOP(LABELS, ...)`` marks the
UI's constants for lupdate, and ``scripts/translations.py`` adds the labels of the layers
below (which must not import Qt) to the same context. That keeps one Chinese word one
entry for the translator, whichever screen shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QTranslator

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
}
_SETTING = "ui/language"


def chosen_language() -> str:
    """The language set in the Tools menu, else Chinese: the product is made for Chinese
    firms, whose laptops often run an English Windows all the same."""
    language = QSettings().value(_SETTING, "")
    return str(language) if language in dict(LANGUAGES) else "zh"


def choose_language(language: str) -> None:
    """Remember the language for the next start (widgets are built in one language)."""
    QSettings().setValue(_SETTING, language)


def install_translator(app: QCoreApplication, language: str | None = None) -> bool:
    """Load the compiled translation of a non-Chinese language; Chinese is the source
    text and needs none. False when the .qm file is missing (the UI stays Chinese)."""
    language = language or chosen_language()
    if language == "zh":
        return False
    translator = QTranslator(app)
    if not translator.load(str(resource_path("translations", f"kehubao_{language}.qm"))):
        return False
    return app.installTranslator(translator)


QT_TRANSLATE_NOOP("labels", "客户宝")  # APP_DISPLAY_NAME, for lupdate


def app_name() -> str:
    """The product's name in the user's language: window and message box titles."""
    return label(APP_DISPLAY_NAME)


def label(text: str | None) -> str:
    """``text`` (a Chinese label) in the user's language; empty stays empty."""
    return QCoreApplication.translate(LABELS, text) if text else ""


def enum_label(enum: type[LabelledEnum], code: str | None) -> str:
    """The translated label of a stored code (unknown codes show as they are)."""
    return label(enum.label_of(code))


def enum_choices(enum: type[LabelledEnum]) -> list[tuple[str, str]]:
    """(code, translated label) pairs in declaration order, for combo boxes and buttons."""
    return [(code, label(text)) for code, text in enum.choices()]
