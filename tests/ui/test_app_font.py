"""Windows' look: widgets in Microsoft YaHei UI (else Microsoft YaHei) when the system has
it, the system's font otherwise; fractional high-DPI scales (125 %, 150 %) left as they
are, not rounded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication

from kehubao.ui import application
from kehubao.ui.application import chinese_ui_family


@pytest.mark.parametrize(("installed", "chosen"), [
    ({"Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "Arial"}, "Microsoft YaHei UI"),
    ({"Microsoft YaHei", "SimSun", "Noto Sans CJK SC"}, "Microsoft YaHei"),
    ({"PingFang SC", "Helvetica"}, "PingFang SC"),
    ({"Arial", "Segoe UI", "SimSun"}, None),  # the system default stays
    (set(), None),
])
def test_the_ui_font_prefers_yahei(installed: set[str], chosen: str | None) -> None:
    assert chinese_ui_family(installed.__contains__) == chosen


def test_the_application_font_starts_with_yahei_when_present(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = qapp.font()
    monkeypatch.setattr(QFontDatabase, "hasFamily",
                        staticmethod(lambda family: family in {"Microsoft YaHei", "SimSun"}))
    try:
        application._use_chinese_font(qapp)
        assert qapp.font().families()[0] == "Microsoft YaHei"
        assert qapp.font().pointSizeF() == before.pointSizeF()  # the system's size
        qapp.setFont(before)
        monkeypatch.setattr(QFontDatabase, "hasFamily", staticmethod(lambda _family: False))
        application._use_chinese_font(qapp)
        assert qapp.font() == before  # nothing to prefer: left alone
    finally:
        qapp.setFont(before)


def test_fractional_scales_are_not_rounded(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt 6 scales for high DPI by itself; the app sets no attribute that rounds 150 %
    to 200 % (blurry, oversized) or to 100 % (tiny)."""
    assert (QGuiApplication.highDpiScaleFactorRoundingPolicy()
            == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
