"""Read a contact list file (CSV / XLSX / XLS) into plain rows of strings.

Salespeople bring lists from everywhere: Excel on a Chinese Windows ("CSV" means GBK
there), WPS, Outlook and Google exports, web systems that emit TSV named ``.xls``.
This module only turns bytes into ``rows: list[list[str]]``; finding the header row and
mapping columns is ``headers.py``'s job, so both stay testable without a database or Qt.

Encoding detection (CSV) is deliberately conservative — a wrong guess silently turns a
customer list into mojibake, which is worse than an error:

1. a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); BOM-less UTF-16 is recognised by its
   NUL pattern;
2. NUL bytes / many control characters otherwise mean "not a text table";
3. strict UTF-8 over the *whole* file (streamed, so no extra copy);
4. GB18030 (superset of GBK/GB2312) versus Big5 (as cp950), each strict over the whole
   file; the one whose letters are more often *common* Hanzi wins, ties go to GB18030 —
   Big5 bytes usually decode as valid-but-absurd GBK, so validity alone proves nothing;
   (the sample is taken from the first line with non-ASCII bytes: a GBK list whose
   first thousand rows are ASCII is still Chinese);
5. only then charset-normalizer (it mis-guesses short Chinese text, hence last), with
   Windows-1252 winning its ties for Western exports;
6. a file that is clearly UTF-8 or Chinese but has a handful of broken bytes (cut off
   mid-character, a stray byte) is read with those bytes replaced, and the rows that hold
   them are listed for checking;
7. still nothing → ``TableReadError`` rather than a lossy decode.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

import python_calamine
from charset_normalizer import from_bytes

from kehubao.errors import UserError

__all__ = ["RawTable", "TableReadError", "detect_format", "read_table"]

_T = TypeVar("_T")

_SAMPLE_BYTES = 64 * 1024  # enough for BOM/binary/delimiter sniffing and charset guessing
_CHUNK_BYTES = 1024 * 1024  # streaming validation chunk
_SNIFF_CHARS = 16 * 1024  # csv.Sniffer is regex-heavy; a few dozen lines are plenty
_MIN_LINE_LIMIT = 1_000_000  # no real contact row is this long; bounds memory per line
_DELIMITERS = ",\t;|"  # order = preference when two are equally plausible

_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
# C0 controls except tab/LF/VT/FF/CR: plentiful in binary files, absent from text tables.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_MAX_CONTROL_RATIO = 0.02

_NOT_TEXT = "文件内容不是文本表格，无法按 CSV 读取。请确认选择的是 CSV 或 Excel 文件"
_NO_ENCODING = "无法识别文件的编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入"
_EMPTY = "文件是空的"


class TableReadError(UserError):
    """The file cannot be read as a table; ``str(err)`` is one line of Chinese for the user.

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
        raise TableReadError(f"无法打开文件：{path.name}（{exc.strerror or exc}）") from exc
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
        raise TableReadError(f"找不到文件：{path}")
    try:
        if fmt == "auto":
            fmt = detect_format(path)
        if path.stat().st_size == 0:
            raise TableReadError(_EMPTY)
        if fmt in ("xlsx", "xls"):
            return _read_excel(path, fmt, max_cell_chars)
        return _read_csv(path, max_cell_chars)
    except OSError as exc:  # permissions, file locked by Excel on Windows, vanished...
        raise TableReadError(f"无法读取文件：{path.name}（{exc.strerror or exc}）") from exc


# ---------------------------------------------------------------------------------- CSV


def _read_csv(path: Path, max_cell_chars: int) -> RawTable:
    """Decode and parse in one streaming pass after detection (100k rows stay cheap)."""
    with path.open("rb") as f:
        head = f.read(_SAMPLE_BYTES)
    whole_file_sampled = len(head) < _SAMPLE_BYTES
    if whole_file_sampled and not head.strip():
        raise TableReadError(_EMPTY)
    encoding, lossy = _detect_encoding(path, head)
    sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(
        head, final=whole_file_sampled
    )
    if not whole_file_sampled:
        sample = sample[: sample.rfind("\n") + 1] or sample  # drop the cut-off last line
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
                    raise TableReadError(
                        f"第 {len(rows) + 1} 行太长（超过 {line_limit} 个字符），请检查文件"
                    )
                rows.append([cell.strip() for cell in row])
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _too_long(len(rows) + 1, max_cell_chars) from exc
        raise TableReadError(f"第 {len(rows) + 1} 行的格式无法识别：{exc}") from exc
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
            if "\n" in cell and any(line.count(delimiter) >= needed
                                    for line in cell.split("\n")[1:]):
                raise TableReadError(
                    f"第 {number} 行有一个引号没有配对，后面的多行被读成了一个单元格。"
                    "请用 Excel 打开检查该行，另存后再导入")


def _damaged_rows(rows: list[list[str]]) -> list[tuple[int, str]]:
    """Rows where undecodable bytes were replaced, for the user to check (see
    _nearly_clean_encoding)."""
    return [(number, "这一行有无法识别的字符（显示为 �），导入后请核对")
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
    message = f"第 {row_number} 行有一个超长的单元格（超过 {limit} 个字符），请检查文件"
    return TableReadError(message)


def _detect_encoding(path: Path, head: bytes) -> tuple[str, bool]:
    """Pick a codec that decodes the whole file strictly; see the module docstring.

    Returns (codec, lossy): lossy is True only for a file that is clearly in that codec
    but has a few broken bytes (see ``_nearly_clean_encoding``).
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, False
    bomless_utf16 = _guess_bomless_utf16(head)
    if bomless_utf16:
        return bomless_utf16, False
    if b"\x00" in head or _control_ratio(head) > _MAX_CONTROL_RATIO:
        raise TableReadError(_NOT_TEXT)
    if _decodes_cleanly(path, "utf-8"):
        return "utf-8", False

    # Chinese legacy encodings. Judge plausibility on a sample with Chinese in it (a long
    # English preamble or ASCII-only first rows prove nothing), validity on the file.
    sample = head if not head.isascii() else _first_non_ascii(path)
    scores: dict[str, float] = {}
    plausible: dict[str, float] = {}
    for encoding in ("gb18030", "cp950"):
        text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
        score = _common_hanzi_score(text)
        plausible[encoding] = score
        if score > 0 and _decodes_cleanly(path, encoding):
            scores[encoding] = score
    if scores:
        best = max(scores, key=lambda enc: (scores[enc], enc == "gb18030"))
        if scores[best] >= 0.5:
            return best, False

    guess = _charset_normalizer_guess(sample)
    if guess and _decodes_cleanly(path, guess):
        return guess, False
    if "gb18030" in scores:  # implausible text but a valid decode: better than failing
        return "gb18030", False
    nearly = _nearly_clean_encoding(path, plausible)
    if nearly:
        return nearly, True
    raise TableReadError(_NO_ENCODING)


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_MAX_BROKEN_CHARS = 20  # more than this and the codec is probably wrong, not the bytes


def _nearly_clean_encoding(path: Path, plausible: dict[str, float]) -> str | None:
    """A codec under which only a few bytes of the file are broken.

    Files cut off mid-character, or with one stray byte from a copy-paste, are common;
    refusing the whole list for that helps nobody. UTF-8 qualifies on its own (wrong
    guesses break on nearly every non-ASCII character); a Chinese codec also needs its
    text to be plausible Chinese. The broken rows are reported for checking.
    """
    best: tuple[int, str] | None = None
    for encoding in ("utf-8", "gb18030", "cp950"):
        if encoding != "utf-8" and plausible.get(encoding, 0) < 0.5:
            continue
        broken = _broken_chars(path, encoding)
        if broken <= _MAX_BROKEN_CHARS and (best is None or broken < best[0]):
            best = (broken, encoding)
    return best[1] if best else None


def _broken_chars(path: Path, encoding: str) -> int:
    """How many replacement characters a lenient decode of the file produces (stops
    counting past the limit)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    broken = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK_BYTES):
            broken += decoder.decode(chunk).count("\ufffd")
            if broken > _MAX_BROKEN_CHARS:
                return broken
    return broken + decoder.decode(b"", final=True).count("\ufffd")


def _first_non_ascii(path: Path) -> bytes:
    """A sample starting at the first line that has non-ASCII bytes in it."""
    offset = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK_BYTES):
            if found := _HIGH_BYTE.search(chunk):
                line_start = chunk.rfind(b"\n", 0, found.start()) + 1
                f.seek(offset + line_start)
                return f.read(_SAMPLE_BYTES)
            offset += len(chunk)
    return b""


def _charset_normalizer_guess(head: bytes) -> str | None:
    """charset-normalizer's pick, except that Windows-1252 wins ties.

    For short Western text several single-byte code pages are equally "clean" and the
    library may pick Central European cp1250 (é ok, but è → č); the Western code page
    is what non-Chinese Outlook/Excel exports actually use.
    """
    matches = from_bytes(head)
    best = matches.best()
    if best is not None and any(
        m.chaos <= best.chaos and "cp1252" in m.could_be_from_charset for m in matches
    ):
        return "cp1252"
    return best.encoding if best is not None else None


def _guess_bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without BOM: the ASCII (digits, delimiters) put NULs on one byte parity.

    Binary files have NULs on both parities; a candidate must also decode to text free
    of control characters.
    """
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    for encoding, mostly, rarely in (("utf-16-le", odd_nul, even_nul),
                                     ("utf-16-be", even_nul, odd_nul)):
        if mostly >= 0.05 and rarely <= 0.02:
            try:
                text = codecs.getincrementaldecoder(encoding)().decode(head)
            except UnicodeDecodeError:
                return None
            if _control_ratio(text.encode("utf-8")) == 0:
                return encoding
    return None


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _decodes_cleanly(path: Path, encoding: str) -> bool:
    """Strictly decode the whole file in chunks: proves the codec without a full copy."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError:
        return False
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return True


@cache
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (3755 simplified) ∪ Big5 level 1 (5401 traditional) characters.

    Real names, companies and addresses use these almost exclusively; text decoded with
    the wrong Chinese codec lands mostly outside them.
    """
    chars: set[str] = set()
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for codec, leads, trail_bytes in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), trails),
    ):
        for lead in leads:
            for trail in trail_bytes:
                chars.update(bytes((lead, trail)).decode(codec, errors="ignore"))
    return frozenset(chars)


def _common_hanzi_score(text: str) -> float:
    """Share of non-ASCII letters that are common Hanzi (0 when there are none).

    Punctuation and symbols (，（）①℃) are left out: notes full of them are still
    Chinese. Letters include the kana, Greek and private-use characters that text
    decoded with the wrong codec is full of.
    """
    letters = [ch for ch in text if ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LC"]
    if not letters:
        return 0.0
    common = _common_hanzi()
    return sum(ch in common for ch in letters) / len(letters)


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
    """(most common field count, share of non-blank records having it) for the sample."""
    widths = Counter(
        len(row)
        for row in csv.reader(io.StringIO(sample), delimiter=delimiter, quotechar='"')
        if any(cell.strip() for cell in row)
    )
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
    workbook = _calamine(path, partial(python_calamine.CalamineWorkbook.from_path, str(path)))
    with workbook:
        metas = workbook.sheets_metadata
        worksheets = [i for i, meta in enumerate(metas)
                      if meta.typ == python_calamine.SheetTypeEnum.WorkSheet]
        visible = python_calamine.SheetVisibleEnum.Visible
        sheets: list[tuple[str, list[list[str]], int]] = []  # (name, rows, table rows)
        for index in sorted(worksheets, key=lambda i: metas[i].visible != visible):
            rows = _sheet_rows(path, workbook, index, max_cell_chars)
            if any(any(row) for row in rows):
                table_rows = sum(1 for row in rows if sum(1 for cell in row if cell) >= 2)
                sheets.append((metas[index].name, rows, table_rows))
    if not sheets:
        raise TableReadError(f"{_EMPTY}（所有工作表都没有数据）")
    name, rows, _count = max(sheets, key=lambda sheet: sheet[2])  # ties: the first
    others = [f"“{other}”（{count} 行）" for other, _rows, count in sheets
              if other != name and count >= 2]
    notes = [(0, f"读取了工作表“{name}”；另有工作表{'、'.join(others)}没有导入，"
                 "如需导入请另存为单独的文件")] if others else []
    return RawTable(rows=rows, source_format=fmt, sheet_name=name, notes=notes)


def _sheet_rows(path: Path, workbook: python_calamine.CalamineWorkbook, index: int,
                max_cell_chars: int) -> list[list[str]]:
    sheet = _calamine(path, partial(workbook.get_sheet_by_index, index))
    values = _calamine(path, partial(sheet.to_python, skip_empty_area=False))
    rows: list[list[str]] = []
    for values_row in values:  # skip_empty_area=False: row N here is Excel's row N
        row = [_excel_text(value) for value in values_row]
        if row and max(map(len, row)) > max_cell_chars:
            raise _too_long(len(rows) + 1, max_cell_chars)
        rows.append(row)
    return rows


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


def _not_excel_message(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(512).lstrip().lower()
    except OSError:
        head = b""
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        return "这个文件其实是网页（HTML）格式，请用 Excel 打开后另存为 .xlsx 再导入"
    return "这不是有效的 Excel 文件（文件可能已损坏或不完整），请用 Excel 打开确认后另存再导入"


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
