"""Personal information (个人信息保护法, PIPL): everything stored about one person, and
erasing a person or a customer for good.

A person's data is not only their row. It is in the history logged with them
(interactions, follow-ups, birthday reminders), in the notes of their company that name
them (an import that merged their row writes "联系人张伟·手机：…"), in the undo journal
(the before and after values of every edit, an import's list of the rows it created,
the labels of the Undo menu), in the search index, and in the database file's free
space and write-ahead log. Export gathers all of it; erasure removes all of it:

- the rows are deleted for good — not moved to the recycle bin, not undoable;
- the free text of the rows that stay (the company's notes, colleagues' visits) has the
  person's name and numbers replaced by ``REDACTED``, and so do the journal's values of
  those rows, the same way, so undoing an older edit still finds what it wrote;
- the journal's records of the erased rows go, ids leave an import's list, operations
  left with nothing to undo go, and the Undo menu's labels lose the name;
- their search documents are taken out, and the full-text index rewritten (FTS5
  'optimize') so no old segment keeps their tokens;
- on SQLite the erasing connection zeroes what it deletes (``PRAGMA secure_delete``);
  after the commit the file is rebuilt from its live rows (VACUUM: older copies left in
  free space by earlier edits go) and the write-ahead log, which holds old page images,
  is folded in and emptied (``wal_checkpoint(TRUNCATE)``) — see `clean_file`.

What is not reached: backups made earlier (the ``backups`` folder beside the database,
files the user saved elsewhere) and other customers' free text that happens to name the
person. Every message about an erasure says the first (`BACKUP_NOTICE`).
"""

from .erase import (
    Erasure,
    ErasurePreview,
    clean_file,
    describe_rows,
    erase_contact,
    erase_customer,
    erasure_preview,
)
from .export import export_contact, export_format, export_summary, write_export
from .records import BACKUP_NOTICE, FORMAT, REDACTED, TABLE_LABELS, VERSION

__all__ = ["BACKUP_NOTICE", "FORMAT", "REDACTED", "TABLE_LABELS", "VERSION", "Erasure",
           "ErasurePreview", "clean_file", "describe_rows", "erase_contact", "erase_customer",
           "erasure_preview", "export_contact", "export_format", "export_summary",
           "write_export"]
