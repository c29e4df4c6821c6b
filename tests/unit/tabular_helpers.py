"""Contact rows with real Chinese data, and CSV files written the way Excel does, for
the table-reading tests (tabular, text_encoding)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import openpyxl

ROWS = [
    ["姓名", "手机", "公司名称", "地址", "备注"],
    ["张三", "13812345678", "北京星辰科技有限公司", "北京市朝阳区建国路88号", "老客户"],
    ["李四", "13900001111", "上海明月贸易有限公司", "上海市浦东新区世纪大道100号", "展会认识"],
    ["王小明", "13700002222", "广州南方电子厂", "广州市天河区体育西路", "需要报价"],
    ["欧阳娜娜", "15012345678", "深圳鹏城五金经营部", "深圳市南山区科技园", ""],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8",
              delimiter: str = ",", bom: bytes = b"") -> Path:
    lines = []
    for row in rows:
        cells = [f'"{c}"' if any(ch in c for ch in f'{delimiter}"\n') else c for c in row]
        lines.append(delimiter.join(cells))
    path.write_bytes(bom + ("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


SHEET_PART = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
              b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = b"</sheetData></worksheet>"


def write_xlsx_with_sheet(path: Path, body: Iterable[bytes], *,
                          compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A real workbook whose first sheet's <sheetData> is ``body``, streamed into the zip
    (a bomb of hundreds of MB is written without holding it in memory)."""
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as template, zipfile.ZipFile(path, "w", compression) as out:
        for info in template.infolist():
            if info.filename != SHEET_PART:
                out.writestr(info.filename, template.read(info.filename))
                continue
            part = zipfile.ZipInfo(SHEET_PART)
            part.compress_type = compression
            with out.open(part, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_HEAD)
                for chunk in body:
                    sheet.write(chunk)
                sheet.write(SHEET_TAIL)
    return path


def repeated(piece: bytes, megabytes: int) -> Iterator[bytes]:
    """``megabytes`` MiB of ``piece`` over and over: what a zip bomb inflates to."""
    chunk = piece * (2**20 // len(piece))
    for _ in range(megabytes):
        yield chunk
