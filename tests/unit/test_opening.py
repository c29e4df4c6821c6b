"""Opening an up-to-date database is cheap: the revision check reads the migration files
and the `alembic_version` table itself, and Alembic is imported only to migrate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from kehubao.db import MIGRATIONS_DIR, head_revision, is_known_revision, open_database
from kehubao.models import EvaluationTemplate, ObjectionScript
from kehubao.services.maintenance import prepare_database


def test_head_and_known_revisions_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from kehubao.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    assert known == {p.name.split("_")[0] for p in (MIGRATIONS_DIR / "versions").glob("0*.py")}
    assert all(is_known_revision(revision) for revision in known)
    assert not is_known_revision("ffff_future")


OPEN_AND_LIST_MODULES = r"""
import sys
from kehubao.db import open_database
db = open_database(sys.argv[1])
print(db.schema_revision())
db.dispose()
print(",".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_opening_an_up_to_date_database_does_not_import_alembic(db, db_path: Path) -> None:
    db.dispose()
    result = subprocess.run([sys.executable, "-c", OPEN_AND_LIST_MODULES, str(db_path)],
                            capture_output=True, text=True, check=True)
    revision, modules = result.stdout.split()
    assert revision == head_revision()
    assert "sqlalchemy" in modules.split(",") and "alembic" not in modules.split(",")


def test_prepare_database_loads_starter_data_once(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "new.db"))
    try:
        assert prepare_database(db) is True
        with db.session(write=False) as s:
            scripts = s.scalar(select(func.count()).select_from(ObjectionScript))
            templates = s.scalar(select(func.count()).select_from(EvaluationTemplate))
        assert scripts >= 25 and templates == 1  # the starter library
        with db.session() as s:  # a user deletes a starter script: it must not come back
            s.delete(s.scalars(select(ObjectionScript)).first())
        assert prepare_database(db) is False
        with db.session(write=False) as s:
            assert s.scalar(select(func.count()).select_from(ObjectionScript)) == scripts - 1
    finally:
        db.dispose()


def test_revision_chain_reads_merges_and_new_files(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kehubao import db as dbmod

    versions = tmp_path / "versions"
    versions.mkdir()
    header = '"""A change\n\nRevision ID: {0}\nRevises: x\n"""\n'
    (versions / "0001_a.py").write_text(header.format("0001") + 'revision = "0001"\ndown_revision = None\n')
    (versions / "0002_b.py").write_text(header.format("0002") + "revision: str = '0002'\n"
                                        'down_revision: str | None = "0001"\n')
    (versions / "0003_c.py").write_text('revision = "0003"\ndown_revision = "0001"\n')
    (versions / "__init__.py").write_text("")
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", tmp_path)
    (versions / "0004_merge.py").write_text(
        'revision: str = "0004"\ndown_revision: tuple[str, ...] = (\n    "0002",\n    "0003",\n)\n')
    assert head_revision() == "0004"
    assert is_known_revision("0003") and not is_known_revision("0005")
    (versions / "0005_d.py").write_text('revision = "0005"\ndown_revision = "0004"\n')
    os.utime(versions, ns=(versions.stat().st_atime_ns, versions.stat().st_mtime_ns + 10**9))
    assert head_revision() == "0005"  # a file added later is seen
