"""From a file to rows of field values: the first half of an import.

A spreadsheet gives cells under headers; a vCard gives typed properties. Both become
`SourceRow`s — raw strings per `ImportField`, with the row's line in the file — so the
rest of the import does not care where the data came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from ..bulk import fewer_collections
from ..errors import UserError
from ..models import Setting
from ..texts import Text
from .fields import ImportField
from .formulas import unneutralise
from .headers import guess_header, header_signature
from .tabular import detect_format, read_table
from .vcard import SKIPPED, VCardContact, read_vcards

F = ImportField
FORMATS = ("auto", "csv", "xlsx", "xls", "vcf")
MAPPING_SETTING = "import_mapping:"


@dataclass
class SourceRow:
    line: int  # row or line number in the file, as the user would count it
    values: dict[ImportField, list[str]] = field(default_factory=dict)

    def first(self, f: ImportField) -> str:
        for value in self.values.get(f, ()):
            if value:
                return value
        return ""

    def all(self, f: ImportField) -> list[str]:
        return [v for v in self.values.get(f, []) if v]


@dataclass
class ImportSource:
    path: Path
    format: str  # csv | xlsx | xls | vcf
    rows: list[SourceRow]
    headers: list[str] = field(default_factory=list)  # tabular only
    mapping: list[ImportField] = field(default_factory=list)  # one per header
    preview: list[list[str]] = field(default_factory=list)  # first raw data rows
    preview_lines: list[int] = field(default_factory=list)  # their line numbers in the file
    signature: str = ""
    remembered: bool = False  # mapping came from an earlier import of this layout
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, message) from reading
    encoding: str | None = None


def detect(path: Path, format: str = "auto") -> str:
    if format not in FORMATS:
        raise UserError("不支持的格式“{format}”（可选：csv、xlsx、xls、vcf）", format=format)
    if path.is_dir():
        raise UserError("这是一个文件夹，不是文件：{path}", path=path)
    if not path.is_file():
        raise UserError("找不到文件：{path}", path=path)
    if format != "auto":
        return format
    if path.suffix.lower() in (".vcf", ".vcard"):
        return "vcf"
    with path.open("rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf\xff\xfe\x00").upper()
    if head.replace(b"\x00", b"").startswith(b"BEGIN:VCARD"):
        return "vcf"
    fmt = detect_format(path)
    return "csv" if fmt in ("tsv", "txt") else fmt


@dataclass
class LoadedFile:
    """A file read once; mapping it to rows is cheap and can be redone as the user
    corrects the column mapping in the preview."""

    path: Path
    format: str
    guess: object | None = None  # HeaderGuess for tables
    encoding: str | None = None
    vcards: ImportSource | None = None  # already rows for vCard files
    sheet_name: str | None = None  # Excel: the sheet that was read
    notes: list[tuple[int, str]] = field(default_factory=list)  # from reading the file

    @property
    def headers(self) -> list[str]:
        return list(self.guess.headers) if self.guess is not None else []

    @property
    def suggested(self) -> list[ImportField]:
        return list(self.guess.mapping) if self.guess is not None else []

    @property
    def signature(self) -> str:
        return header_signature(self.guess.headers) if self.guess is not None else ""


@fewer_collections()
def load_file(path: Path, format: str = "auto") -> LoadedFile:
    path = Path(path)
    try:
        fmt = detect(path, format)
        if fmt == "vcf":
            return LoadedFile(path=path, format=fmt, vcards=_from_vcards(path))
        table = read_table(path, "csv" if fmt == "csv" else fmt)
    except OSError as exc:  # permissions, a file locked by Excel on Windows, vanished…
        raise unreadable(path, exc) from exc
    return LoadedFile(path=path, format=fmt, guess=guess_header(table), encoding=table.encoding,
                      sheet_name=table.sheet_name, notes=table.notes)


def unreadable(path: Path, exc: OSError) -> UserError:
    """A file the user named but we cannot read: theirs to fix, said plainly."""
    if isinstance(exc, PermissionError):
        return UserError("无法读取文件（没有权限）：{path}", path=path)
    return UserError("无法读取文件：{path}（{problem}）", path=path,
                     problem=exc.strerror or exc.__class__.__name__)


def read_source(path: Path, format: str = "auto", *, mapping: list[ImportField] | None = None,
                session: Session | None = None) -> ImportSource:
    """Read a file into rows. For tables, `mapping` overrides the suggested one; else a
    mapping remembered for this header layout (with `session`) is used if there is one."""
    return map_rows(load_file(path, format), mapping, session=session)


@fewer_collections()
def map_rows(loaded: LoadedFile, mapping: list[ImportField] | None = None, *,
             session: Session | None = None) -> ImportSource:
    if loaded.vcards is not None:
        return loaded.vcards
    guess = loaded.guess
    signature = loaded.signature
    remembered = False
    if mapping is None and session is not None:
        saved = remembered_mapping(session, signature, len(guess.headers))
        if saved is not None:
            mapping, remembered = saved, True
    mapping = list(mapping) if mapping is not None else list(guess.mapping)
    if len(mapping) != len(guess.headers):
        raise UserError("列对应关系的列数与文件不一致，请重新选择")
    # Per mapped column: (index, field, label for the notes). Ignored columns cost nothing.
    headers = list(guess.headers)
    columns = [(n, F.NOTES if target == F.OTHER else target,
                (headers[n].strip() or f"第{n + 1}列") if target == F.OTHER else None)
               for n, target in enumerate(mapping) if target != F.IGNORE]
    rows = []
    lines = _data_lines(guess)
    for line, cells in zip(lines, guess.data_rows, strict=True):
        values: dict[ImportField, list[str]] = {}
        for n, target, label in columns:  # data rows are as wide as the headers
            text = cells[n].strip()
            if not text:
                continue
            if text[0] == "'":  # our own export's protection against formulas
                text = unneutralise(text)
            if label is not None:  # "客户级别：A", among the notes
                text = f"{label}：{text}"
            values.setdefault(target, []).append(text)
        if values:
            rows.append(SourceRow(line=line, values=values))
    return ImportSource(
        path=loaded.path, format=loaded.format, rows=rows, headers=list(guess.headers),
        mapping=mapping, preview=guess.data_rows[:20], preview_lines=lines[:20], signature=signature, remembered=remembered,
        notes=[*loaded.notes, *((i + 1, reason) for i, reason in guess.skipped)],
        encoding=loaded.encoding,
    )


def _data_lines(guess) -> list[int]:  # type: ignore[no-untyped-def]
    """1-based file line of each data row: the rows after the header, minus the blank
    and total rows the header guess skipped."""
    skipped = {index for index, _reason in guess.skipped}
    lines: list[int] = []
    index = guess.header_row + 1
    while len(lines) < len(guess.data_rows):
        if index not in skipped:
            lines.append(index + 1)
        index += 1
    return lines


def _from_vcards(path: Path) -> ImportSource:
    data = path.read_bytes()
    contacts, problems = read_vcards(data)
    if not contacts and problems:
        raise UserError(_no_contacts(data, problems[0].message, problems[0].line_no))
    rows = [_vcard_row(c) for c in contacts]
    return ImportSource(path=path, format="vcf", rows=rows,
                        notes=[(p.line_no, p.message) for p in problems])


def _no_contacts(data: bytes, reason: str, line: int) -> str:
    """Why a vCard file gave nothing, without the reader's per-card "已跳过" (which reads
    like success although nothing is imported)."""
    if not data.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe").strip():
        return Text("文件中没有联系人（文件是空的）")
    if line == 0:  # not a vCard file at all: the reader's own words say so
        return reason
    if isinstance(reason, Text) and reason.template == SKIPPED:
        reason = reason.args["problem"]
    return Text("文件中没有联系人（{reason}）", reason=reason)


_PHONE_FIELDS = {"mobile": F.MOBILE, "fax": F.FAX, "pager": F.PHONE, "work": F.PHONE,
                 "home": F.PHONE, "other": F.PHONE}


_EXTRA_FIELDS = {f.value for f in F} - {F.IGNORE.value, F.OTHER.value}


def _vcard_row(card: VCardContact) -> SourceRow:
    row = SourceRow(line=card.line_no)
    v = row.values

    def put(f: ImportField, *texts: str) -> None:
        for text in texts:
            if text and text.strip():
                v.setdefault(f, []).append(text.strip())

    name = card.full_name or "".join(x for x in (card.family_name, card.given_name) if x)
    if name == card.organization and not (card.family_name or card.given_name):
        name = ""  # a card for a company itself (how we export a customer without contacts)
    put(F.CONTACT_NAME, name)
    put(F.CUSTOMER_NAME, card.organization)
    put(F.DEPARTMENT, card.department)
    put(F.TITLE, card.title)
    for kind, number in card.phones:
        put(_PHONE_FIELDS.get(kind, F.PHONE), number)
    put(F.EMAIL, *card.emails)
    extras = [(ImportField(key), text) for key, text in card.extras if key in _EXTRA_FIELDS]
    for extra_field, text in extras:
        put(extra_field, text)
    if not any(f is F.ADDRESS for f, _t in extras):  # else ADR is its readable summary
        put(F.ADDRESS, card.addresses[0] if card.addresses else "")
    put(F.WEBSITE, card.urls[0] if card.urls else "")
    put(F.BIRTHDAY, card.birthday)
    put(F.CONTACT_NOTES, card.note)
    put(F.TAGS, *card.categories)
    return row


# --------------------------------------------------------------- remembered mappings


def remembered_mapping(session: Session, signature: str, width: int) -> list[ImportField] | None:
    setting = session.get(Setting, MAPPING_SETTING + signature)
    if setting is None or not isinstance(setting.value, list) or len(setting.value) != width:
        return None
    try:
        return [ImportField(code) for code in setting.value]
    except ValueError:
        return None


def remember_mapping(session: Session, signature: str, mapping: list[ImportField]) -> None:
    key = MAPPING_SETTING + signature
    setting = session.get(Setting, key)
    value = [f.value for f in mapping]
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


