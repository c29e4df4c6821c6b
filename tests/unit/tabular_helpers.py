"""Contact rows with real Chinese data, and CSV files written the way Excel does, for
the table-reading tests (tabular, text_encoding)."""

from __future__ import annotations

from pathlib import Path

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
