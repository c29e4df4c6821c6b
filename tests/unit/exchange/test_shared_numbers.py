"""Staff lists where everybody shares the office line: colleagues are not duplicates,
repeats are still found, and matching stays linear (a comparison budget, not a timer)."""

from __future__ import annotations

from kehubao.exchange import matching
from kehubao.exchange.fields import ImportField as F
from kehubao.exchange.prepare import prepare_row
from kehubao.exchange.records import SourceRow

SURNAMES, GIVEN = "王李张刘陈杨黄赵吴周", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def staff(count: int) -> list:  # type: ignore[type-arg]
    names = [s + g + h for s in SURNAMES for g in GIVEN for h in GIVEN][:count]
    return [prepare_row(SourceRow(n + 2, {F.CUSTOMER_NAME: ["星辰科技有限公司"],
                                          F.CONTACT_NAME: [name], F.PHONE: ["010-62345678"]}))
            for n, name in enumerate(names)]


def test_a_shared_office_line_is_compared_with_a_bounded_number_of_rows(monkeypatch):
    rows = staff(3000)
    rows.append(prepare_row(SourceRow(9999, {F.CUSTOMER_NAME: ["星辰科技有限公司"],
                                             F.CONTACT_NAME: [rows[2500].contact["name"]],
                                             F.PHONE: ["010-62345678"]})))
    compared = []
    real = matching._same_record
    monkeypatch.setattr(matching, "_same_record",
                        lambda row, earlier: compared.append(1) or real(row, earlier))

    matching.match_within_file(rows)

    assert len(compared) <= matching.SHARED_KEY_ROWS * len(rows)
    assert [r.same_as_line for r in rows[:-1]] == [None] * 3000  # colleagues, not repeats
    assert rows[-1].same_as_line == rows[2500].line  # a real repeat, past the shared rows
    assert not any(r.warnings for r in rows)  # colleagues sharing a line: nothing to say
