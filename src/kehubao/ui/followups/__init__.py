"""The 跟进 section: the 今日 (today) page and the log-interaction dialog."""
