"""Find the header row of a raw table and suggest which field each column holds.

Real lists rarely start with a clean header: there is a merged title ("2026年客户通讯录"),
an export date, blank lines, sometimes no header at all; and the headers come in endless
spellings ("手机(必填)", "电话1", "E-mail 2 Address"). Everything here is a *suggestion*
the user confirms in the import dialog, so the rules favour being right on common layouts
and leaving a column unmapped (IGNORE) over guessing wildly.

Mapping precedence, per column, left to right:

1. exact synonyms after normalisation (see ``_key``), including the junk columns of
   Outlook/Google exports, which are pinned to IGNORE;
2. "weak" bare words (名称, Name, Title) that take whichever of their fields is still
   free — so Outlook's "Job Title" beats its salutation column "Title";
3. keywords inside longer headers ("联系人手机" → MOBILE, "Work Phone" → PHONE);
4. cell content, only for columns without a header (or a headerless list).

A single-value field goes to the first column claiming it at the highest precedence;
later claimants become IGNORE. Fields in ``MULTI_VALUE_FIELDS`` may repeat ("电话1",
"电话2", Outlook's Business/Home/Other phones).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from kehubao.exchange.fields import MULTI_VALUE_FIELDS, ImportField
from kehubao.exchange.tabular import RawTable
from kehubao.texts import Text

__all__ = ["HeaderGuess", "guess_header", "header_signature", "suggest_mapping"]

F = ImportField

# Synonyms, "|"-separated, written as users/exporters spell them; normalised by _key().
_SYNONYMS: dict[ImportField, str] = {
    F.CONTACT_NAME: "姓名|联系人|联系人姓名|客户姓名|名字|联系人名称|联络人|联络人姓名"
    "|Full Name|Contact|Contact Name|Contact Person",
    F.CUSTOMER_NAME: "客户名称|单位名称|公司|公司名称|单位|企业名称|客户|商家|客户单位|所属公司"
    "|工作单位|Company|Company Name|Organization|Organisation|Account Name|Organization Name"
    "|Organization 1 - Name|Customer|Customer Name",
    F.GIVEN_NAME: "First Name|Given Name|名",
    F.FAMILY_NAME: "Last Name|Family Name|Surname|姓|姓氏",
    F.MOBILE: "手机|手机号|手机号码|移动电话|行动电话|流动电话|Mobile|Mobile Phone|Mobile Number|Cell|Cell Phone"
    "|Cellphone|Car Phone",
    F.PHONE: "电话|联系电话|固定电话|座机|办公电话|电话号码|商务电话|住宅电话"
    "|Phone|Tel|Telephone|Phone Number|Work Phone|Office Phone|Business Phone|Home Phone"
    "|Other Phone|Primary Phone|Phone 1 - Value",
    F.CUSTOMER_PHONE: "单位电话|公司电话|总机|公司总机|Company Main Phone|Company Phone",
    F.CUSTOMER_EMAIL: "单位邮箱|公司邮箱|Company Email",
    F.CUSTOMER_KIND: "客户性质|单位或个人",
    F.FAX: "传真|传真号码|商务传真|Fax|Business Fax|Home Fax|Other Fax",
    F.TITLE: "职务|职位|岗位|头衔|职称|Job Title|Position|Organization Title"
    "|Organization 1 - Title",
    F.DEPARTMENT: "部门|所在部门|Department|Organization Department|Organization 1 - Department",
    F.EMAIL: "邮箱|电子邮件|电子邮箱|邮件|电子邮件地址|邮箱地址|电邮|电邮地址|Email|E-mail|Mail|Email Address"
    "|E-mail Address|E-mail 2 Address|E-mail 3 Address|E-mail 1 - Value",
    F.WECHAT: "微信|微信号|WeChat|Weixin",
    F.QQ: "QQ|QQ号|QQ号码",
    F.ADDRESS: "地址|通讯地址|联系地址|详细地址|公司地址|单位地址|办公地址|Address|Street"
    "|Business Street|Home Street|Other Street|Address 1 - Formatted|Address 1 - Street",
    F.PROVINCE: "省|省份|Province|State|Business State|Home State|Address 1 - Region",
    F.CITY: "市|城市|City|Business City|Home City|Address 1 - City",
    F.DISTRICT: "区|区县|District",
    F.BIRTHDAY: "生日|出生日期|出生年月|Birthday|Date of Birth",
    F.GENDER: "性别|Gender|Sex",
    F.INDUSTRY: "行业|所属行业|Industry",
    F.CUSTOMER_TYPE: "客户类型|类型|客户类别|Customer Type",
    F.STATUS: "客户状态|状态|Status",
    F.REGION: "区域|片区|销售区域|Region",
    F.SOURCE: "来源|客户来源|Source|Lead Source",
    F.OWNER: "负责人|业务员|销售|客户经理|归属人|Owner",
    F.TAGS: "标签|分组|分类|Tags|Categories|Group Membership|Labels",
    F.NOTES: "备注|说明|备注信息|客户备注|Notes|Note|Remark|Remarks|Comments",
    F.CONTACT_NOTES: "联系人备注|Contact Notes",
    F.WEBSITE: "网址|网站|主页|网页|Web Page|Website|Homepage|Website 1 - Value",
    F.CUSTOMER_CODE: "编号|客户编号|客户编码|Customer Code|Customer ID",
    # Columns that would otherwise match a keyword below but hold something else.
    F.IGNORE: "Middle Name|E-mail Type|E-mail Display Name|Assistant's Phone|Radio Phone"
    "|TTY/TDD Phone|Business Address PO Box|Home Address PO Box|Other Address PO Box"
    "|Address 1 - PO Box|Address 1 - Extended Address|序号|邮编|邮政编码|身份证号"
    # Figures our own export adds (derived from evaluations and transactions, not imported).
    "|客户分类|评价等级|客户价值|逾期金额",
}
# Bare words whose meaning depends on the rest of the sheet: the first free field wins.
_WEAK: dict[str, tuple[ImportField, ...]] = {
    "名称": (F.CUSTOMER_NAME,),
    "name": (F.CONTACT_NAME, F.CUSTOMER_NAME),
    "title": (F.TITLE,),
}
# Keywords inside longer Chinese headers, most specific first ("传真电话" is a fax).
_CJK_KEYWORDS: tuple[tuple[str, ImportField], ...] = tuple(
    (word, field)
    for words, field in (
        ("邮编 邮政编码 身份证 信用代码", F.IGNORE), ("传真", F.FAX), ("手机 移动电话 行动电话 流动电话", F.MOBILE),
        ("微信", F.WECHAT), ("qq", F.QQ), ("邮箱 邮件 电邮 email", F.EMAIL),
        ("电话 座机 固话", F.PHONE), ("网址 网站 主页", F.WEBSITE), ("地址 住址", F.ADDRESS),
        ("生日 出生", F.BIRTHDAY), ("性别", F.GENDER), ("职务 职位 职称", F.TITLE),
        ("部门", F.DEPARTMENT), ("行业", F.INDUSTRY), ("省份", F.PROVINCE), ("城市", F.CITY),
        ("区县", F.DISTRICT), ("备注", F.NOTES), ("标签", F.TAGS),
        ("负责人 业务员 客户经理 销售员", F.OWNER), ("来源", F.SOURCE), ("状态", F.STATUS),
        ("类型 类别", F.CUSTOMER_TYPE), ("编号 编码", F.CUSTOMER_CODE),
        ("公司 单位 企业 客户名 机构", F.CUSTOMER_NAME), ("姓名 联系人 联络人", F.CONTACT_NAME),
    )
    for word in words.split()
)
# Whole words inside longer English headers ("Work Phone", "Mobile No.").
_EN_KEYWORDS: tuple[tuple[frozenset[str], ImportField], ...] = tuple(
    (frozenset(words.split()), field)
    for words, field in (
        ("fax", F.FAX), ("mobile cell cellphone", F.MOBILE), ("email mail", F.EMAIL),
        ("wechat weixin", F.WECHAT), ("qq", F.QQ), ("phone tel telephone", F.PHONE),
        ("website url homepage", F.WEBSITE), ("address street", F.ADDRESS),
        ("birthday", F.BIRTHDAY), ("note notes remark remarks comment comments", F.NOTES),
    )
)
_MAX_KEYWORD_CHARS, _MAX_KEYWORD_WORDS = 10, 4  # longer "headers" are sentences or data

# Traditional → simplified for the characters of header words only, so lists from Taiwan,
# Hong Kong or a Big5 system (客戶名稱, 聯絡人, 手機, 電郵) map like their simplified
# spellings. Deliberately a small table applied to header *keys*: cell values (people's
# names above all) are never converted, so no general converter is needed.
_TRADITIONAL_PAIRS = (  # each traditional character followed by its simplified form
    "戶户稱称單单聯联繫系絡络機机號号碼码電电話话職职務务郵邮備备註注別别門门業业傳传網网標标籤签負负責责員员來来狀状態态類类編编區区縣县詳详細细訊讯處处動动"
    "寫写鎮镇圖图帳帐銷销經经歸归屬属級级訪访點点與与體体廠厂價价額额際际證证統统計计總总項项錄录銀银產产開开發发權权專专賬账貨货簡简辦办會会場场內内議议關关"
    "係系學学習习說说檢检組组東东萬万間间為为個个應应齡龄歲岁貫贯購购買买賣卖鄉乡頁页"
)
_TRADITIONAL = str.maketrans(dict(zip(_TRADITIONAL_PAIRS[0::2], _TRADITIONAL_PAIRS[1::2], strict=False)))

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>|《[^》]*》|\{[^}]*\}")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_TYPE_OR_LABEL = re.compile(r"\s-\s*(?:type|label)$")  # Google "E-mail 1 - Type"
_CJK = re.compile(r"[\u3400-\u9fff]")


def _key(header: str) -> str:
    """Lookup key: NFKC (full→half width), casefold, drop bracketed notes, digits, marks.

    "手机(必填)" → "手机", "电话号码*" → "电话号码", "邮箱（2）" → "邮箱", "E-mail 2 Address"
    → "emailaddress", "Phone 1 - Value" → "phonevalue".
    """
    text = unicodedata.normalize("NFKC", header).casefold().translate(_TRADITIONAL)
    without_notes = _BRACKETED.sub("", text)
    if _NOT_LETTER.sub("", without_notes):  # "【姓名】" is all brackets: keep the content
        text = without_notes
    return _NOT_LETTER.sub("", text)


def _build_exact() -> dict[str, ImportField]:
    table: dict[str, ImportField] = {}
    for field, spellings in _SYNONYMS.items():
        for spelling in spellings.split("|"):
            key = _key(spelling)
            if table.setdefault(key, field) != field:
                raise RuntimeError(f"synonym {spelling!r} maps to two fields")  # dev error
    return table


_EXACT = _build_exact()


def _exact_field(header: str) -> ImportField | None:
    if _TYPE_OR_LABEL.search(unicodedata.normalize("NFKC", header).casefold().strip()):
        return F.IGNORE
    return _EXACT.get(_key(header))


def _keyword_field(header: str) -> ImportField | None:
    key = _key(header)
    if _CJK.search(key):
        if len(key) > _MAX_KEYWORD_CHARS:
            return None
        return next((field for word, field in _CJK_KEYWORDS if word in key), None)
    text = unicodedata.normalize("NFKC", header).casefold().replace("e-mail", "email")
    words = set(re.findall(r"[a-z]+", text))
    if len(words) > _MAX_KEYWORD_WORDS:
        return None
    return next((field for vocab, field in _EN_KEYWORDS if words & vocab), None)


_NO_IDEA: tuple[int, tuple[ImportField, ...]] = (9, ())


def _candidates(header: str) -> tuple[int, tuple[ImportField, ...]]:
    """(precedence level 0–2, fields in order of preference) from the header text."""
    if not header.strip():
        return _NO_IDEA
    exact = _exact_field(header)
    if exact is not None:
        return 0, (exact,)
    weak = _WEAK.get(_key(header))
    if weak is not None:
        return 1, weak
    keyword = _keyword_field(header)
    return (2, (keyword,)) if keyword is not None else _NO_IDEA


# ------------------------------------------------------------------------ cell content

_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"(?:\+?86)?0\d{9,14}|[48]00\d{7}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_DATE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
)
_NUMBER = re.compile(r"[-+]?[\d,]*\.?\d+%?")
_PHONE_NOISE = re.compile(r"[\s\-()（）]")
_SHORT_CJK = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,6}[·•][\u3400-\u9fff]{1,8}")
_COMPANY_SUFFIXES = (
    "公司", "厂", "店", "中心", "集团", "商行", "经营部", "事务所", "工作室", "研究所", "研究院",
    "医院", "学校", "大学", "银行", "门市部", "合作社", "超市", "批发部", "营业部", "分行", "支行",
)
# The ~200 most common surnames (simplified and traditional) cover ~90% of people; they
# tell a name ("张伟") from other short words ("北京", "金额" being the rare exception).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万"
    "钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包"
    "宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳"
    "时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝張陳楊黃趙吳劉鄭謝許馮鄧蕭葉蘇呂盧鍾譚陸賈韋"
    "鄒閆龍陶賀顧龔萬錢嚴湯溫莊聶魯歐關藍饒紀"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
                      "长孙", "宇文", "司徒", "夏侯", "端木", "令狐", "歐陽", "司馬", "諸葛")
_DATA_KINDS = frozenset({"mobile", "phone", "email", "url", "date", "number", "company"})
_CONTENT_FIELDS = {"mobile": F.MOBILE, "phone": F.PHONE, "email": F.EMAIL, "url": F.WEBSITE,
                   "company": F.CUSTOMER_NAME, "person": F.CONTACT_NAME}


def _kind(cell: str) -> str:
    """Classify one cell: mobile/phone/email/url/date/number/company/person/cjk/text/""."""
    if not cell:
        return ""
    compact = _PHONE_NOISE.sub("", cell)
    if _MOBILE.fullmatch(compact):
        return "mobile"
    if _EMAIL.fullmatch(cell):
        return "email"
    if _URL.fullmatch(cell):
        return "url"
    if _DATE.fullmatch(cell):
        return "date"
    if _LANDLINE.fullmatch(compact):
        return "phone"
    if _NUMBER.fullmatch(cell):
        return "number"
    if cell.endswith(_COMPANY_SUFFIXES) and len(cell) > 2:
        return "company"
    if _SHORT_CJK.fullmatch(cell):
        return "person" if cell[0] in _SURNAMES or cell.startswith(_COMPOUND_SURNAMES) else "cjk"
    return "text"


def _field_from_content(values: list[str]) -> ImportField:
    """The field a column's values clearly look like, else IGNORE (60% must agree).

    Names need 2–4 CJK characters in most cells *and* a common surname in a good share,
    so a column of cities ("北京", "上海") does not become contact names.
    """
    kinds = Counter(_kind(v) for v in values if v)
    total = sum(kinds.values())
    if not total:
        return F.IGNORE
    if (kinds["person"] + kinds["cjk"]) / total >= 0.6 and kinds["person"] / total >= 0.3:
        return F.CONTACT_NAME
    kind, count = kinds.most_common(1)[0]
    if count / total >= 0.6:
        return _CONTENT_FIELDS.get(kind, F.IGNORE)
    return F.IGNORE


# ----------------------------------------------------------------------------- mapping


def suggest_mapping(headers: list[str]) -> list[ImportField]:
    """One suggested field per header, from the header text alone (see module docstring)."""
    return _assign(headers, columns=None, content_columns=frozenset())


def _assign(
    headers: list[str], columns: list[list[str]] | None, content_columns: frozenset[int]
) -> list[ImportField]:
    """Hand out fields level by level, columns left to right (see module docstring)."""
    plans = [_candidates(header) for header in headers]
    if columns is not None:
        for i in content_columns:  # level 3: content, for columns without a usable header
            if plans[i] is _NO_IDEA:
                plans[i] = (3, (_field_from_content(columns[i]),))
        _people_as_customers(headers, columns, plans)
    mapping = [F.IGNORE] * len(headers)
    taken: set[ImportField] = set()
    for level in range(4):
        for i, (column_level, fields) in enumerate(plans):
            if column_level != level:
                continue
            for field in fields:
                if field is F.IGNORE:
                    break
                if field in MULTI_VALUE_FIELDS or field not in taken:
                    mapping[i] = field
                    taken.add(field)
                    break
    for i, header in enumerate(headers):
        # A Chinese or unnamed column we have no field for (客户级别, 上次拜访, a second
        # 联系人) is the user's own data: keep it in the notes. Unknown English columns
        # are mostly the bookkeeping of Outlook's and Google's exports, and stay out.
        pinned = plans[i][0] < 3 and plans[i][1][:1] == (F.IGNORE,)  # 邮编, Middle Name…
        if mapping[i] is F.IGNORE and not pinned and (_CJK.search(header) or not header.strip()):
            mapping[i] = F.OTHER
    return mapping


# Headers that name the customer without saying it is a company: a salesperson selling
# to individuals writes people's names under them.
_CUSTOMER_NOT_COMPANY = frozenset(map(_key, ("名称", "客户", "客户名称", "Customer", "Customer Name")))


def _people_as_customers(
    headers: list[str], columns: list[list[str]], plans: list[tuple[int, tuple[ImportField, ...]]]
) -> None:
    """A customer column full of people's names, in a sheet with no contact column, is a
    list of individual customers: read it as contact names (each becomes a person
    customer), so 张伟 is not filed as a company."""
    if any(plan[1][:1] == (F.CONTACT_NAME,) for plan in plans):
        return
    for i, header in enumerate(headers):
        if _key(header) in _CUSTOMER_NOT_COMPANY and _mostly_people(columns[i]):
            plans[i] = (1, (F.CONTACT_NAME, F.CUSTOMER_NAME))
            return


def _mostly_people(values: list[str]) -> bool:
    """Clearly a column of names: a few rows at least (one "明月贸易" looks like a name
    too) and four in five of them person-like."""
    kinds = [_kind(v) for v in values if v]
    return len(kinds) >= 3 and kinds.count("person") >= 0.8 * len(kinds)


def header_signature(headers: list[str]) -> str:
    """Stable id of a header layout, to remember the user's corrected mapping for it.

    Order-SENSITIVE (the mapping is per column position, so a reordered sheet is a
    different layout) but insensitive to case, whitespace, full/half-width forms and
    trailing empty headers (their number depends on stray cells in the data).
    """
    normalised = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", h)).casefold()
                  for h in headers]
    while normalised and not normalised[-1]:
        normalised.pop()
    return hashlib.sha256("\x1f".join(normalised).encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------------- header row


@dataclass
class HeaderGuess:
    """What the import dialog starts from; the user may still move the header or remap."""

    header_row: int  # index into RawTable.rows; -1 for a headerless list
    headers: list[str]  # header cells, padded with "" to the widest data row
    mapping: list[ImportField]  # one suggested field per column
    data_rows: list[list[str]]  # rows after the header minus blank/total rows, len(headers) wide
    skipped: list[tuple[int, str]]  # (row index, reason in Chinese) of rows left out


_SCAN_ROWS = 20
_TOTAL_CJK = ("合计", "总计", "小计", "共计", "汇总", "总共", "累计")
_TOTAL_EN = re.compile(r"(?:grand\s*)?(?:sub\s*-?\s*)?(?:totals?|sum)\s*:?[\d.,\s]*")


def guess_header(table: RawTable) -> HeaderGuess:
    """Locate the header, split off data rows and suggest a mapping (one pass over data)."""
    rows = table.rows
    header_row = _find_header_row(rows)
    header = rows[header_row] if header_row >= 0 else []
    header_norm = [_key(c) for c in header[: _effective_len(header)]]
    header_first = next((cell for cell in header if cell), None)

    data: list[list[str]] = []
    skipped: list[tuple[int, str]] = []
    width = len(header_norm)
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        first = next((cell for cell in row if cell), None)
        if first is None:
            skipped.append((index, Text("空行")))
        elif _is_total(first):
            skipped.append((index, Text("合计行")))
        elif first == header_first and _is_header_again(row, header_norm):
            skipped.append((index, Text("重复的表头")))  # multi-page exports repeat the header
        else:
            data.append(row)
            width = max(width, _effective_len(row))

    if header_row >= 0:
        headers = [*header[:width], *[""] * (width - len(header))]
    else:
        headers = [f"列{n}" for n in range(1, width + 1)]
    data_rows = [[*row[:width], *[""] * (width - len(row))] for row in data]

    sample = data_rows[:200]
    columns = [[row[i] for row in sample] for i in range(width)]
    content_columns = frozenset(i for i, h in enumerate(headers) if header_row < 0 or not h)
    mapping = _assign(headers, columns, content_columns)
    return HeaderGuess(header_row, headers, mapping, data_rows, skipped)


def _find_header_row(rows: list[list[str]]) -> int:
    """Best-scoring row among the first 20; -1 when the list has no header at all.

    Score: known headers count most, short non-data cells a little, data-looking cells
    (phones, dates, amounts, companies) count against; in a multi-column sheet a row with
    a single filled cell is usually a title, so it needs an exact header word. Without any
    recognised header the first multi-cell row is still the header — unless it looks like
    data itself, which makes the list headerless.
    """
    best, best_score = -1, 0.0
    first_filled = -1
    scanned = [[cell for cell in row if cell] for row in rows[:_SCAN_ROWS]]
    wide = any(len(cells) > 1 for cells in scanned)
    for index, cells in enumerate(scanned):
        lone = wide and len(cells) == 1  # usually a title ("客户名单") or "导出日期：…"
        if first_filled < 0 and cells and not lone:
            first_filled = index
        exact = keyword = data_like = header_like = 0
        seen: set[ImportField] = set()
        for cell in cells:
            if _kind(cell) in _DATA_KINDS:
                data_like += 1
                continue
            header_like += len(cell) <= 20
            level, fields = _candidates(cell)
            if fields and fields[0] is not F.IGNORE and fields[0] not in seen:
                seen.add(fields[0])
                exact += level < 2
                keyword += level == 2
        if lone:  # only an exact header word makes a lone cell a header
            keyword = 0
        if not exact and not keyword:
            continue
        score = 3 * exact + 1.5 * keyword + 0.2 * header_like - 2 * data_like
        score -= 1 if lone else 0
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    if first_filled < 0 or _row_looks_like_data(rows, first_filled):
        return -1
    return first_filled


def _row_looks_like_data(rows: list[list[str]], index: int) -> bool:
    """Half the cells are data; a name counts only if its column below holds names too."""
    row = rows[index]
    below = rows[index + 1 : index + 21]
    filled = data_like = 0
    for column, cell in enumerate(row):
        if not cell:
            continue
        filled += 1
        kind = _kind(cell)
        if kind in _DATA_KINDS:
            data_like += 1
        elif kind in ("person", "cjk"):
            values = [r[column] for r in below if column < len(r)]
            data_like += _field_from_content(values) is F.CONTACT_NAME
    return data_like * 2 >= filled


def _is_header_again(row: list[str], header_norm: list[str]) -> bool:
    return _effective_len(row) == len(header_norm) and [
        _key(cell) for cell in row[: len(header_norm)]
    ] == header_norm


def _is_total(cell: str) -> bool:
    """合计/总计/小计… or Total/Sum lines, but not a company called "Total Solutions"."""
    text = unicodedata.normalize("NFKC", cell).strip()
    if text.startswith(_TOTAL_CJK):
        return len(text) <= 20 and _kind(text) != "company"
    return _TOTAL_EN.fullmatch(text.casefold()) is not None


def _effective_len(row: list[str]) -> int:
    """Length without trailing blank cells (Excel pads rows to the sheet's used width)."""
    n = len(row)
    while n and not row[n - 1]:
        n -= 1
    return n
