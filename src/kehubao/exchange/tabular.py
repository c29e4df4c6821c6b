"""Read a contact list file (CSV / XLSX / XLS) into plain rows of strings.

Salespeople bring lists from everywhere: Excel on a Chinese Windows ("CSV" means GBK
there), WPS, Outlook and Google exports, web systems that emit TSV named ``.xls``.
This module only turns bytes into ``rows: list[list[str]]``; finding the header row and
mapping columns is ``headers.py``'s job, so both stay testable without a database or Qt.

Encoding detection (CSV) lives in ``text_encoding.py``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import python_calamine

from kehubao.errors import UserError
from kehubao.exchange.text_encoding import SAMPLE_BYTES, NotText, UnknownEncoding, detect_encoding
from kehubao.texts import Text, noop

__all__ = ["RawTable", "TableReadError", "detect_format", "read_table"]

_T = TypeVar("_T")

_SNIFF_CHARS = 16 * 1024  # csv.Sniffer is regex-heavy; a few dozen lines are plenty
_MIN_LINE_LIMIT = 1_000_000  # no real contact row is this long; bounds memory per line
_DELIMITERS = ",\t;|"  # order = preference when two are equally plausible

# What an Excel file may cost to read. calamine inflates a sheet and builds the
# rectangle from its first to its last cell (32 bytes a cell, even empty ones), then we
# turn it into Python strings from A1: a 2 MB zip bomb or one value typed into
# XFD1048576 would take gigabytes (or abort the process when Rust cannot allocate). So
# the zip's directory and a scan of the sheets' numbered rows and cells decide before
# calamine reads, and the sheet's real extent before it becomes Python strings.
MAX_EXCEL_BYTES = 512 * 2**20  # all parts together, inflated; a 100k-row list is ~70 MB
BOMB_RATIO = 100  # real sheets compress 5-20:1; a part inflating more than this ...
BOMB_MIN_BYTES = 50 * 2**20  # ... and to more than this is a bomb, not a list
MAX_ROWS = 1_048_576  # Excel's own maximum: a bigger "sheet" was not made by Excel
MAX_CELLS = 10_000_000  # rows × columns of one sheet: ~3 GB once read, 30 × a big list

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})

_NOT_TEXT = noop("文件内容不是文本表格，无法按 CSV 读取。请确认选择的是 CSV 或 Excel 文件")
_NO_ENCODING = noop("无法识别文件的编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入")
_EMPTY = noop("文件是空的")


class TableReadError(UserError):
    """The file cannot be read as a table; ``str(err)`` is one line for the user.

    A ``UserError`` so the CLI/UI show it as is instead of reporting a crash.
    """


@dataclass
class RawTable:
    """Everything in the file as strings, before any header/mapping decisions."""

    rows: list[list[str]]  # cells stripped; None → ""; ragged rows allowed
    source_format: str  # "csv" | "xlsx" | "xls"
    encoding: str | None = None  # CSV only: codec name usable with open()/decode()
    delimiter: str | None = None  # CSV only
    sheet_name: str | None = None  # Excel only: the sheet read (see _read_excel)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (row number or 0, message)


def detect_format(path: Path) -> str:
    """Return "xlsx", "xls" or "csv", trusting the file's bytes over its name.

    Users rename files freely, so magic bytes win; the extension only decides for files
    that are neither zip nor OLE. Old web systems often export tab-separated *text* named
    ``.xls``; such a file is read as CSV rather than rejected.
    """
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise TableReadError("无法打开文件：{name}（{problem}）", name=path.name,
                             problem=exc.strerror or str(exc)) from exc
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        return "xls"
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return "xlsx"
    if suffix == ".xls":
        looks_textual = head and b"\x00" not in head and not head.lstrip().startswith(b"<")
        return "csv" if looks_textual else "xls"
    return "csv"


def read_table(path: Path, format: str = "auto", *, max_cell_chars: int = 100_000) -> RawTable:
    """Read ``path`` into a ``RawTable``; raise ``TableReadError`` for anything unusable.

    ``format`` is "auto" (see ``detect_format``), "csv"/"tsv"/"txt", "xlsx" or "xls".
    ``max_cell_chars`` guards against pathological files (a runaway quote swallowing the
    rest of the file makes one giant cell) that would otherwise eat memory downstream.
    """
    path = Path(path)
    fmt = format.lower()
    if fmt not in ("auto", "csv", "tsv", "txt", "xlsx", "xls"):
        raise ValueError(f"unknown table format: {format!r}")  # a caller bug, not user input
    if not path.is_file():
        raise TableReadError("找不到文件：{path}", path=path)
    try:
        if fmt == "auto":
            fmt = detect_format(path)
        if path.stat().st_size == 0:
            raise TableReadError(_EMPTY)
        if fmt in ("xlsx", "xls"):
            return _read_excel(path, fmt, max_cell_chars)
        return _read_csv(path, max_cell_chars)
    except OSError as exc:  # permissions, file locked by Excel on Windows, vanished...
        raise TableReadError("无法读取文件：{name}（{problem}）", name=path.name,
                             problem=exc.strerror or str(exc)) from exc


# ---------------------------------------------------------------------------------- CSV


def _read_csv(path: Path, max_cell_chars: int) -> RawTable:
    """Decode and parse in one streaming pass after detection (100k rows stay cheap)."""
    with path.open("rb") as f:
        head = f.read(SAMPLE_BYTES)
    whole_file_sampled = len(head) < SAMPLE_BYTES
    if whole_file_sampled and not head.strip():
        raise TableReadError(_EMPTY)
    try:
        encoding, lossy = detect_encoding(path, head)
    except NotText as exc:
        raise TableReadError(_NOT_TEXT) from exc
    except UnknownEncoding as exc:
        raise TableReadError(_NO_ENCODING) from exc
    sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(
        head, final=whole_file_sampled
    )
    if not whole_file_sampled:  # drop the cut-off last line (old Mac files end lines in CR)
        sample = sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1] or sample
    delimiter = _guess_delimiter(sample[:_SNIFF_CHARS])

    # The C parser stops a field as soon as it passes the limit, so a 50 MB cell never
    # becomes a 50 MB Python string. The limit is process-wide: only ever raise it.
    if csv.field_size_limit() < max_cell_chars:
        csv.field_size_limit(max_cell_chars)
    line_limit = max(8 * max_cell_chars, _MIN_LINE_LIMIT)
    rows: list[list[str]] = []
    try:
        errors = "replace" if lossy else "strict"
        with path.open("r", encoding=encoding, errors=errors, newline="") as f:
            lines = _BoundedLines(f, line_limit)
            reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True)
            for row in reader:
                if row and max(map(len, row)) > max_cell_chars:
                    raise _too_long(len(rows) + 1, max_cell_chars)
                if lines.cut:  # the record ended at our artificial cut, not a real newline
                    raise TableReadError("第 {row} 行太长（超过 {limit} 个字符），请检查文件",
                                         row=len(rows) + 1, limit=line_limit)
                rows.append([cell.strip() for cell in row])
    except csv.Error as exc:  # the file's fault whatever the reason: never a crash
        if "field larger than field limit" in str(exc):
            raise _too_long(len(rows) + 1, max_cell_chars) from exc
        raise TableReadError("第 {row} 行的格式无法识别，请用 Excel 打开检查该行，"
                             "另存为 CSV 后再导入", row=len(rows) + 1) from exc
    except UnicodeDecodeError as exc:
        raise TableReadError(_NO_ENCODING) from exc

    if rows and rows[0]:
        rows[0][0] = rows[0][0].lstrip("\ufeff").strip()  # a doubled BOM survives decoding
    if not any(any(row) for row in rows):
        raise TableReadError(_EMPTY)
    _refuse_unpaired_quote(rows, delimiter)
    notes = _damaged_rows(rows) if lossy else []
    return RawTable(rows=rows, source_format="csv", encoding=encoding, delimiter=delimiter,
                    notes=notes)


def _refuse_unpaired_quote(rows: list[list[str]], delimiter: str) -> None:
    """A quote that is never closed swallows the following lines into one cell; the csv
    module accepts that silently. Real multi-line cells (addresses, notes) hold text, not
    whole lines of delimited fields, so a cell whose inner lines look like records means
    rows were lost into it: refuse the file rather than import one giant name."""
    widths = Counter(len(row) for row in rows[:1000] if any(row))
    width = widths.most_common(1)[0][0] if widths else 0
    if width < 3:
        return
    needed = max(2, width - 1)
    for number, row in enumerate(rows, start=1):
        for cell in row:
            if ("\n" in cell or "\r" in cell) and any(line.count(delimiter) >= needed
                                                      for line in cell.splitlines()[1:]):
                raise TableReadError(
                    "第 {row} 行有一个引号没有配对，后面的多行被读成了一个单元格。"
                    "请用 Excel 打开检查该行，另存后再导入", row=number)


def _damaged_rows(rows: list[list[str]]) -> list[tuple[int, str]]:
    """Rows where undecodable bytes were replaced, for the user to check (see
    _nearly_clean_encoding)."""
    return [(number, Text("这一行有无法识别的字符（显示为 �），导入后请核对"))
            for number, row in enumerate(rows, start=1) if any("\ufffd" in c for c in row)]


class _BoundedLines:
    """Yield a text file's lines, cutting any physical line at ``limit`` characters.

    ``csv.reader`` pulls whole lines, so a 50 MB cell without a newline would first be
    built as a 50 MB line (twice, inside TextIOWrapper). Cut pieces are harmless inside a
    quoted field (the parser ignores line ends there) and make an oversized field fail
    fast; a record *ended* by a cut is reported by the caller via ``cut``.
    """

    def __init__(self, file: io.TextIOBase, limit: int) -> None:
        self._file = file
        self._limit = limit
        self.cut = False

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        line = self._file.readline(self._limit)
        if not line:
            raise StopIteration
        self.cut = len(line) >= self._limit and not line.endswith(("\n", "\r"))
        return line


def _too_long(row_number: int, limit: int) -> TableReadError:
    return TableReadError("第 {row} 行有一个超长的单元格（超过 {limit} 个字符），请检查文件",
                          row=row_number, limit=limit)


def _guess_delimiter(sample: str) -> str:
    """csv.Sniffer first; verify its answer, else count fields consistently per line.

    Sniffer is easily fooled (commas inside Chinese addresses, a title line on top), so
    its answer is kept only if it splits most records into the same number (> 1) of
    columns. The fallback parses the sample quote-aware with each candidate and keeps the
    one giving the most consistent multi-column layout.
    """
    try:
        sniffed: str | None = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    profiles = {d: _column_profile(sample, d) for d in _DELIMITERS}
    if sniffed in profiles:
        width, share = profiles[sniffed]
        if width > 1 and share >= 0.6:
            return sniffed
    best = max(_DELIMITERS, key=lambda d: (profiles[d][0] > 1, round(profiles[d][1], 2),
                                           profiles[d][0], -_DELIMITERS.index(d)))
    return best if profiles[best][0] > 1 else ","


def _column_profile(sample: str, delimiter: str) -> tuple[int, float]:
    """(most common field count, share of non-blank records having it) for the sample.

    Lines are split as the reader splits the file (``newline=""``: a lone CR ends a line
    too, as in old Mac files); a sample the csv module still refuses fits no delimiter.
    """
    lines = io.StringIO(sample, newline="")
    try:
        widths = Counter(
            len(row)
            for row in csv.reader(lines, delimiter=delimiter, quotechar='"')
            if any(cell.strip() for cell in row)
        )
    except csv.Error:
        return 0, 0.0
    if not widths:
        return 0, 0.0
    width, count = widths.most_common(1)[0]
    return width, count / sum(widths.values())


# -------------------------------------------------------------------------------- Excel


def _read_excel(path: Path, fmt: str, max_cell_chars: int) -> RawTable:
    """The sheet that holds the list, cells as display text.

    Workbooks often open with an instructions or cover sheet ("填写说明", a logo and a
    title); the list is the sheet with the most rows of two or more filled cells. Visible
    sheets win over hidden ones, then the leftmost. When other sheets hold lists too, the
    user is told which one was read.
    """
    if fmt == "xlsx":
        _check_workbook_size(path)
    workbook = _calamine(path, partial(python_calamine.CalamineWorkbook.from_path, str(path)))
    with workbook:
        metas = workbook.sheets_metadata
        worksheets = [i for i, meta in enumerate(metas)
                      if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]
        visible = python_calamine.SheetVisibleEnum.Visible
        counts: list[tuple[str, int]] = []  # (sheet, rows of 2+ cells) of sheets with data
        best: tuple[str, list[list[str]], int, int | None] | None = None  # only its rows kept
        for index in sorted(worksheets, key=lambda i: metas[i].visible != visible):
            rows, overlong = _sheet_rows(path, workbook, index, max_cell_chars)
            if any(any(row) for row in rows):
                table_rows = sum(1 for row in rows if sum(1 for cell in row if cell) >= 2)
                counts.append((metas[index].name, table_rows))
                if best is None or table_rows > best[2]:  # ties: the first
                    best = (metas[index].name, rows, table_rows, overlong)
    if best is None:
        raise TableReadError("文件是空的（所有工作表都没有数据）")
    name, rows, _count, overlong = best
    if overlong is not None:  # only the sheet read has to fit
        raise _too_long(overlong, max_cell_chars)
    others = [Text("“{sheet}”（{rows} 行）", sheet=other, rows=count)
              for other, count in counts if other != name and count >= 2]
    notes = [(0, Text("读取了工作表“{sheet}”；另有工作表{others}没有导入，如需导入请另存为单独的文件",
                      sheet=name, others=Text("、").join(others)))] if others else []
    return RawTable(rows=rows, source_format=fmt, sheet_name=name, notes=notes)


def _check_workbook_size(path: Path) -> None:
    """Refuse a workbook that would take too much memory to read (see MAX_EXCEL_BYTES).

    The sizes come from the zip's directory, which calamine enforces while inflating (a
    part larger than declared is an error there), so a bomb is refused without inflating
    anything. A file that is not a valid zip is left to calamine to report.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            total = sum(part.file_size for part in parts)
            if total > MAX_EXCEL_BYTES:
                raise TableReadError(
                    "这个 Excel 文件解压后超过 {megabytes} MB，太大了，无法导入。"
                    "请删除不需要的工作表，或拆分成几个文件后再导入",
                    megabytes=MAX_EXCEL_BYTES // 2**20)
            if any(part.file_size > BOMB_MIN_BYTES
                   and part.file_size > BOMB_RATIO * max(part.compress_size, 1) for part in parts):
                raise TableReadError("这个 Excel 文件的压缩比异常（解压后会膨胀上百倍），"
                                     "可能已损坏或是恶意构造的文件，已拒绝读取")
            for part in parts:
                if not part.is_dir() and _is_worksheet(archive, part):
                    _check_sheet_extent(archive, part)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            EOFError, ValueError, zlib.error):
        return  # damaged, encrypted or oddly compressed: calamine says what is wrong


_WORKSHEET_ROOT = re.compile(rb"<(?:[\w.-]+:)?worksheet[\s>]")
# Row numbers of <row r="12"> and columns of <c r="B12">, with or without a namespace
# prefix; unbounded, so that r="A99999999999" counts too.
_ROW_NUMBER = re.compile(rb'row r="([0-9]+)"')
_CELL_COLUMN = re.compile(rb'c r="([A-Z]+)[0-9]')
_SCAN_CHUNK = 4 * 2**20


def _is_worksheet(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Sheets are found by content, not by name: the workbook may put them anywhere."""
    with archive.open(part) as f:
        return bool(_WORKSHEET_ROOT.search(f.read(4096)))


def _check_sheet_extent(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Refuse a sheet whose numbered rows and cells reach past the limits.

    calamine allocates the rectangle between a sheet's first and last cells before we
    can ask its size: one value typed into XFD1048576 below a list at A1 is 512 GB and
    aborts the process. Excel numbers every row and cell, so their references show the
    extent; a regex over them costs a few percent of reading the sheet. (What a file
    without numbers reaches is checked on the sheet calamine returns, see _sheet_rows.)
    """
    rows = columns = 0
    tail = b""
    with archive.open(part) as f:
        while chunk := f.read(_SCAN_CHUNK):
            data = tail + chunk
            # A reference never spans a tag's end; without one, only a reference's length
            # needs keeping (so a huge text without tags is not copied over and over).
            cut = data.rfind(b">") + 1 or max(0, len(data) - 64)
            data, tail = data[:cut], data[cut:]
            if numbers := _ROW_NUMBER.findall(data):
                rows = max(rows, max(map(_row_number, numbers)))
            if letters := _CELL_COLUMN.findall(data):
                columns = max(columns, max(map(_column_number, set(letters))))
    _check_extent(rows, columns)


def _check_extent(rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise TableReadError("表格太大：有一个工作表超过 {limit} 行，无法导入。"
                             "请拆分成几个文件后再导入", limit=f"{MAX_ROWS:,}")
    if rows * columns > MAX_CELLS:
        raise TableReadError(
            "表格太大：有一个工作表有 {rows} 行 × {columns} 列，超过了一次能读取的 "
            "{limit} 个单元格。请删除多余的行列（远处的一个单元格里有内容也算），"
            "或拆分成几个文件后再导入",
            rows=f"{rows:,}", columns=f"{columns:,}", limit=f"{MAX_CELLS:,}")


_HUGE = 10**12  # a reference this long is absurd: it counts as "far too big"


def _row_number(digits: bytes) -> int:
    return int(digits) if len(digits) <= 12 else _HUGE


def _column_number(letters: bytes) -> int:
    if len(letters) > 6:
        return _HUGE
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _sheet_rows(path: Path, workbook: python_calamine.CalamineWorkbook, index: int,
                max_cell_chars: int) -> tuple[list[list[str]], int | None]:
    """A sheet's rows as text, and the first row (1-based) with a cell over the limit."""
    sheet = _calamine(path, partial(workbook.get_sheet_by_index, index))
    if sheet.end is not None:  # rows are read from A1: the sheet's extent from there
        _check_extent(sheet.end[0] + 1, sheet.end[1] + 1)
    values = _calamine(path, partial(sheet.to_python, skip_empty_area=False))
    rows: list[list[str]] = []
    overlong = None
    for values_row in values:  # skip_empty_area=False: row N here is Excel's row N
        row = [_excel_text(value) for value in values_row]
        if overlong is None and row and max(map(len, row)) > max_cell_chars:
            overlong = len(rows) + 1
        rows.append(row)
    return rows, overlong


def _calamine(path: Path, call: Callable[[], _T]) -> _T:
    """Run a calamine call, turning any failure on a bad file into ``TableReadError``.

    A corrupt workbook can even make the Rust reader panic, which pyo3 raises as
    ``PanicException`` — a ``BaseException``; for the user that is still just a broken
    file. Interrupts and other ``BaseException``s pass through.
    """
    try:
        return call()
    except python_calamine.PasswordError as exc:
        raise TableReadError("这个 Excel 文件有密码保护，请先在 Excel 中取消密码后再导入") from exc
    except BaseException as exc:
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise
        raise TableReadError(_not_excel_message(path)) from exc


def _not_excel_message(path: Path) -> Text:
    try:
        with path.open("rb") as f:
            head = f.read(512).lstrip().lower()
    except OSError:
        head = b""
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        return Text("这个文件其实是网页（HTML）格式，请用 Excel 打开后另存为 .xlsx 再导入")
    return Text("这不是有效的 Excel 文件（文件可能已损坏或不完整），请用 Excel 打开确认后另存再导入")


def _excel_text(value: object) -> str:
    """Render a cell the way a salesperson expects to see it, not how Excel stores it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "是" if value else "否"
    if isinstance(value, float):
        # Phone numbers typed into Excel become floats; 13812345678.0 must read back as
        # the number the user typed. 15 significant digits is Excel's own precision.
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):  # before date: datetime is a date subclass
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):  # durations: H:MM:SS like Excel's [h]:mm:ss
        hours, rest = divmod(int(value.total_seconds()), 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value).strip()
