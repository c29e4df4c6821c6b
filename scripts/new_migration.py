"""Developer tool: autogenerate a new Alembic revision from the models.

    python scripts/new_migration.py "add follow-up colour"

Builds a scratch database at the current head, compares it with the models, and writes
the new revision into src/kehubao/migrations/versions/. Review it before committing;
never edit a revision that has been released.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command

from kehubao.db import alembic_config, open_database


def main() -> None:
    message = " ".join(sys.argv[1:]) or "schema change"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scratch.db"
        db = open_database(str(path))  # migrates to the current head
        db.dispose()
        cfg = alembic_config()
        cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path.as_posix()}")
        command.revision(cfg, message=message, autogenerate=True)


if __name__ == "__main__":
    main()
