"""Fixtures of the import/export tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kehubao.db import Database
from kehubao.services.contacts import create_contact
from kehubao.services.customers import create_customer

from .helpers import SEED, import_rows


@pytest.fixture
def make_db(tmp_path: Path, fresh_db: Callable[[Path], Database]) -> Callable[[str], Database]:
    """Extra fresh databases (for round trips), set up like a new installation."""
    return lambda name: fresh_db(tmp_path / name)



@pytest.fixture
def seeded(db, tmp_path) -> Database:
    """A database that already holds 星辰科技 (with 张伟) and 明月贸易 (code KH-001)."""
    import_rows(db, tmp_path, SEED, name="第一批.csv")
    return db


@pytest.fixture
def tricky_db(db) -> Database:
    """Customers whose values a spreadsheet would run as formulas, and ordinary ones."""
    with db.session() as s:
        evil = create_customer(s, {"name": '=HYPERLINK("http://evil.example","点我")',
                                   "notes": "+86 客户说下周回电", "status": "stable",
                                   "city": "北京"}, tags=["VIP"])
        create_contact(s, evil.id, {"name": "张伟", "mobile": "13812345678",
                                    "birthday": date(1978, 3, 5), "title": "-总经理",
                                    "notes": "@王总 跟进"})
        create_contact(s, evil.id, {"name": "李娜", "phone": "010-62345678",
                                    "email": "lina@xingchen.cn", "birthday": date(1604, 2, 29)})
        mingyue = create_customer(s, {"name": "上海明月贸易有限公司", "notes": "-尽快报价\n第二行",
                                      "phone": "021-62345678", "code": "KH-001",
                                      "status": "potential", "industry": "电子"})
        create_contact(s, mingyue.id, {"name": "王芳", "mobile": "13900001111"})
        create_customer(s, {"name": "欧阳娜娜", "kind": "person", "status": "stable"})
        create_customer(s, {"name": "广州南方电子厂", "status": "deal", "email": "info@nanfang.cn",
                            "industry": "电子"})
    return db
