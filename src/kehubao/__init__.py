"""客户宝 (kehubao): an offline desktop CRM for salespeople at small Chinese firms."""

__version__ = "0.2.0"
