"""The window's side of backups: the schedule, the backups dialog, the damaged-file
dialog. The rules (when, what is kept, how a restore stays all-or-nothing) live in
`kehubao.backups`."""
