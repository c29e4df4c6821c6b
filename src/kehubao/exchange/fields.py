"""The fields a contact list can be mapped onto when importing, and their labels.

Readers (CSV/XLSX, vCard) produce rows of raw strings; the column mapping assigns each
column to one of these fields; the importer turns mapped rows into customers + contacts.
"""

from __future__ import annotations

from enum import StrEnum


class ImportField(StrEnum):
    IGNORE = "ignore"
    OTHER = "other"  # kept in the customer's notes as "header：value"
    CUSTOMER_NAME = "customer_name"  # the company / organisation (客户名称, 单位名称, 公司)
    CUSTOMER_CODE = "customer_code"  # 客户编号
    CUSTOMER_KIND = "customer_kind"  # 单位 / 个人
    CUSTOMER_PHONE = "customer_phone"  # the company's own number (总机, 单位电话)
    CUSTOMER_EMAIL = "customer_email"  # the company's own mailbox
    CONTACT_NAME = "contact_name"  # the person (姓名, 联系人)
    FAMILY_NAME = "family_name"  # Outlook "Last Name", Google "Family Name"
    GIVEN_NAME = "given_name"  # Outlook "First Name", Google "Given Name"
    TITLE = "title"  # 职务
    DEPARTMENT = "department"
    MOBILE = "mobile"
    PHONE = "phone"  # landline / office / other
    FAX = "fax"
    EMAIL = "email"
    WECHAT = "wechat"
    QQ = "qq"
    WEBSITE = "website"
    ADDRESS = "address"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    BIRTHDAY = "birthday"
    GENDER = "gender"
    INDUSTRY = "industry"
    CUSTOMER_TYPE = "customer_type"
    STATUS = "status"
    REGION = "region"
    SOURCE = "source"
    OWNER = "owner"
    TAGS = "tags"
    NOTES = "notes"  # about the customer
    CONTACT_NOTES = "contact_notes"  # about the person


FIELD_LABELS: dict[ImportField, str] = {
    ImportField.IGNORE: "（不导入）",
    ImportField.OTHER: "其他信息（记入备注）",
    ImportField.CUSTOMER_NAME: "客户名称",
    ImportField.CUSTOMER_CODE: "客户编号",
    ImportField.CUSTOMER_KIND: "客户性质",
    ImportField.CUSTOMER_PHONE: "单位电话",
    ImportField.CUSTOMER_EMAIL: "单位邮箱",
    ImportField.CONTACT_NAME: "联系人姓名",
    ImportField.FAMILY_NAME: "姓",
    ImportField.GIVEN_NAME: "名",
    ImportField.TITLE: "职务",
    ImportField.DEPARTMENT: "部门",
    ImportField.MOBILE: "手机",
    ImportField.PHONE: "电话",
    ImportField.FAX: "传真",
    ImportField.EMAIL: "邮箱",
    ImportField.WECHAT: "微信",
    ImportField.QQ: "QQ",
    ImportField.WEBSITE: "网址",
    ImportField.ADDRESS: "地址",
    ImportField.PROVINCE: "省份",
    ImportField.CITY: "城市",
    ImportField.DISTRICT: "区县",
    ImportField.BIRTHDAY: "生日",
    ImportField.GENDER: "性别",
    ImportField.INDUSTRY: "行业",
    ImportField.CUSTOMER_TYPE: "客户类型",
    ImportField.STATUS: "客户状态",
    ImportField.REGION: "区域",
    ImportField.SOURCE: "客户来源",
    ImportField.OWNER: "负责人",
    ImportField.TAGS: "标签",
    ImportField.NOTES: "备注",
    ImportField.CONTACT_NOTES: "联系人备注",
}

# Fields that may appear in several columns and are joined rather than overwritten
# (a sheet with "电话1", "电话2", or Outlook's Business/Home/Other phone columns).
MULTI_VALUE_FIELDS = frozenset(
    {ImportField.MOBILE, ImportField.PHONE, ImportField.FAX, ImportField.EMAIL, ImportField.TAGS,
     ImportField.NOTES, ImportField.CONTACT_NOTES, ImportField.OTHER}
)
