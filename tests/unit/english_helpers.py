"""The English translation installed as the UI installs it, for tests of the documents made
below the UI (exports, calendars): import the fixtures ``english`` and ``chinese``.

As tests/unit/reports/test_english_reports.py does: the .ts compiled with
scripts/translations.py into a scratch .qm, a QTranslator installed, and ``texts.Text``
translated through it; all undone afterwards."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehubao import texts

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kehubao_en.ts"
# Ideographs, CJK punctuation (，。、：（）〔〕) and full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\U00020000-\U0002fa1f]")


@pytest.fixture(scope="session")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("translations",
                                                  ROOT / "scripts" / "translations.py")
    script = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(script)  # type: ignore[union-attr]
    qm = tmp_path_factory.mktemp("translation") / "kehubao_en.qm"
    script.release(TS_FILE, qm)
    return qm


@pytest.fixture
def english(english_qm: Path, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Texts made in English, as in a window whose language is English."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(english_qm))
    QCoreApplication.installTranslator(translator)
    before = texts._translate, texts.language()
    texts.install(lambda template: QCoreApplication.translate("labels", template), "en")
    yield
    texts.install(*before)
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def chinese() -> Iterator[None]:
    """No translator, as in the CLI (another test may have imported ui/i18n)."""
    before = texts._translate, texts.language()
    texts.install(None)
    yield
    texts.install(*before)


def chinese_in(text: str) -> str:
    """The Chinese characters and punctuation in ``text``, each once, in order."""
    return "".join(dict.fromkeys(CJK.findall(text)))
