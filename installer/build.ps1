# Build the Windows installer: .venv with PyInstaller, the one-folder bundle
# (installer\dist\kehubao), a smoke test of the bundled app, then NSIS:
# installer\dist\kehubao-setup-VERSION.exe. All steps are in scripts\build_installer.py,
# the same script CI runs on Linux (where makensis only checks the script).
# Run from anywhere in PowerShell:  .\installer\build.ps1   (extra arguments are passed on,
# e.g. --no-bundle to repackage the last bundle)
# Needs Python 3.11+ (the py launcher) and NSIS 3 (makensis on PATH or in Program Files,
# e.g. `winget install NSIS.NSIS` or `choco install nsis`).
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
py -3 scripts\build_installer.py @args
exit $LASTEXITCODE
