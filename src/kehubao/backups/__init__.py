"""Backups: verified, compressed, rotated copies of the database, and restoring them.

`archive` is the file format, `rotation` the keep rule, `store` one database's backups,
`restore` the all-or-nothing restore, `integrity` the start-up check and what damage is.
Nothing here imports Qt; the window's schedule is `ui/backups.py`.
"""
