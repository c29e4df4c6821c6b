"""The 报表 section: preview, print and save the PDF reports of `kehubao.reports`, and
export them in batches."""
