; NSIS installer for 客户宝: installs the PyInstaller one-folder build (installer/dist/kehubao)
; for the current user, without administrator rights, into %LOCALAPPDATA%\Programs\kehubao,
; with Start-menu and desktop shortcuts and an entry in Add/Remove Programs.
; The uninstaller keeps the customer data (%LOCALAPPDATA%\kehubao: the database and its
; backups; the settings under HKCU\Software\kehubao\kehubao) unless the user ticks
; "删除客户数据" on its components page (or passes /DELETEDATA).
;
; Build (Windows): installer\build.ps1, which runs  makensis /DVERSION=x.y.z installer\kehubao.nsi
; Check (Linux, CI): scripts/build_installer.py compiles this same script against the Linux
; bundle with /DLINUX_BUNDLE, which proves the script, its pages and paths compile; the
; setup.exe it makes carries Linux binaries and is not meant to be run.
;
; The file is UTF-8 with a byte-order mark, which makensis needs to read the Chinese text.
; Defines (makensis /DNAME=value): VERSION (required form x.y.z), DIST (the bundle folder),
; ICON, OUTDIR, COMPRESSOR (lzma by default; zlib for a quick check), LINUX_BUNDLE.
Unicode true
ManifestDPIAware true
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !define VERSION "0.2.0"
!endif
!ifndef DIST
  !define DIST "dist\kehubao"
!endif
!ifndef ICON
  !define ICON "build\kehubao.ico"
!endif
!ifndef OUTDIR
  !define OUTDIR "dist"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif
!define APPNAME "客户宝"
!define PUBLISHER "客户宝团队"
!define EXE "kehubao.exe"
!define CLI_EXE "kehubao-cli.exe"
!define REGKEY "Software\kehubao"
; QSettings of the app (organisation kehubao, application kehubao): language, window layout.
!define SETTINGSKEY "Software\kehubao\kehubao"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kehubao"
; platformdirs.user_data_dir("kehubao", appauthor=False) on Windows (config.user_data_dir).
!define DATADIR "$LOCALAPPDATA\kehubao"

!ifndef LINUX_BUNDLE
  !if ! /FileExists "${DIST}/${EXE}"
    !error "${DIST}/${EXE} not found: build the bundle first (installer\build.ps1)"
  !endif
!endif

Name "${APPNAME}"
Caption "${APPNAME} ${VERSION} 安装程序"
OutFile "${OUTDIR}\kehubao-setup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\kehubao"
InstallDirRegKey HKCU "${REGKEY}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID ${COMPRESSOR}
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UN_COMPONENTS)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows in another language gets English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString UN_DATA ${LANG_SIMPCHINESE} "删除客户数据（数据库、备份和设置，不可恢复）"
LangString UN_DATA ${LANG_ENGLISH} "Delete the customer data (database, backups, settings; cannot be undone)"
LangString UN_COMPONENTS ${LANG_SIMPCHINESE} "默认保留客户数据，重新安装后仍可使用。只有勾选下面一项才会删除 ${DATADIR} 中的数据。"
LangString UN_COMPONENTS ${LANG_ENGLISH} "Your customer data is kept unless you tick the item below, so a reinstalled ${APPNAME} finds it again."
LangString STILL_RUNNING ${LANG_SIMPCHINESE} "${APPNAME} 正在运行。请先关闭它，再点“重试”。"
LangString STILL_RUNNING ${LANG_ENGLISH} "${APPNAME} is running. Close it, then click Retry."

Section "-Install"
  SetOutPath "$INSTDIR"
  ; An open window locks kehubao.exe: ask to close it rather than fail half-way.
  retry:
  ClearErrors
  IfFileExists "$INSTDIR\${EXE}" 0 copy
  FileOpen $0 "$INSTDIR\${EXE}" a
  IfErrors 0 +3
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(STILL_RUNNING)" /SD IDCANCEL IDRETRY retry
    Abort
  FileClose $0
  ; An update replaces the program files; a file the new version no longer has must not
  ; linger in _internal (PyInstaller 6 keeps every library there).
  RMDir /r "$INSTDIR\_internal"
  copy:
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

; The program files, by name: never RMDir /r "$INSTDIR", which would empty any folder a
; user had chosen to install into.
Section "-un.Program"
  retry:
  ClearErrors
  IfFileExists "$INSTDIR\${EXE}" 0 remove
  FileOpen $0 "$INSTDIR\${EXE}" a
  IfErrors 0 +3
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(STILL_RUNNING)" /SD IDCANCEL IDRETRY retry
    Abort
  FileClose $0
  remove:
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegValue HKCU "${REGKEY}" "InstallDir"
SectionEnd

; Unticked by default, and so skipped by a silent uninstall (/S): the data stays, unless
; the command line says /DELETEDATA too (uninstall.exe /S /DELETEDATA removes everything).
Section /o "un.$(UN_DATA)" UnData
  RMDir /r "${DATADIR}"
  DeleteRegKey HKCU "${SETTINGSKEY}"
SectionEnd

Function un.onInit
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  IfErrors +2
    SectionSetFlags ${UnData} ${SF_SELECTED}
FunctionEnd

Section "-un.Tidy"
  DeleteRegKey /ifempty HKCU "${REGKEY}"
SectionEnd
