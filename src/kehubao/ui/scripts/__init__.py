"""The 话术 section: the script library page, the quick panel, and the system-wide hotkey."""
