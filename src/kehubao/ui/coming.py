"""Sections whose features are still being built: each says so plainly and lists what
will be there. Each is replaced by its real section (one line in ``ui/sections.py``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .pages import ComingPage
from .sections import Section


class ReportsComing(Section):
    key, icon_name = "reports", "reports"

    def title(self) -> str:
        return self.tr("报表")

    def build_page(self) -> QWidget:
        return ComingPage(self.tr("报表"), [
            self.tr("打印客户评价表、拜访报告、客户档案卡（PDF）"),
            self.tr("按区域、分类批量导出")])
