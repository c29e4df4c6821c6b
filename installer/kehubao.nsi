; NSIS installer for 客户宝: installs the PyInstaller one-folder build
; (installer/dist/kehubao) for the current user, with Start menu and desktop shortcuts.
; Build: makensis /DVERSION=0.2.0 installer\kehubao.nsi   (run by installer\build.ps1)
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.2.0"
!endif
!define APPNAME "客户宝"
!define COMPANY "kehubao"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kehubao"

Name "${APPNAME} ${VERSION}"
OutFile "dist\kehubao-setup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\kehubao"
InstallDirRegKey HKCU "Software\kehubao" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define MUI_ICON "build\kehubao.ico"
!define MUI_UNICON "build\kehubao.ico"
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\kehubao.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "dist\kehubao\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\kehubao.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\kehubao.exe"
  WriteRegStr HKCU "Software\kehubao" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\kehubao.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; The customer database lives in the user's data folder (%LOCALAPPDATA%\kehubao) and
; is never removed by the uninstaller: uninstalling the program must not lose data.
Section "Uninstall"
  RMDir /r "$INSTDIR"
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\kehubao"
SectionEnd
