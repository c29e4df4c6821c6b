# Build the Windows installer: a fresh venv, the PyInstaller one-folder bundle, then NSIS.
# Run from the repository root in PowerShell:  .\installer\build.ps1
# Needs Python 3.11+ (py launcher) and NSIS (makensis on PATH, e.g. `choco install nsis`).
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
py -3 -m venv installer\build\venv
$py = "installer\build\venv\Scripts\python.exe"
& $py -m pip install --upgrade pip
& $py -m pip install . pyinstaller
& $py installer\make_icon.py
& $py scripts\translations.py release
& $py -m PyInstaller --noconfirm --distpath installer\dist --workpath installer\build\work installer\kehubao.spec
$version = (& $py -c "import kehubao; print(kehubao.__version__)").Trim()
Push-Location installer
makensis /DVERSION=$version kehubao.nsi
Pop-Location
Write-Host "Installer: installer\dist\kehubao-setup-$version.exe"
