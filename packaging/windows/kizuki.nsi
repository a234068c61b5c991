; Kizuki's Windows installer: per user, no administrator rights (%LOCALAPPDATA%\Programs\Kizuki),
; a Start-menu entry, .ron project files opening in Kizuki (HKCU), and an uninstaller listed in
; Apps & features. Built on Linux by packaging/windows.sh with NSIS (makensis).
;
; makensis -DVERSION=0.1.0 -DSTAGE=<folder with kizuki.exe and the licences> -DOUT=<setup.exe>

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"

!include "FileFunc.nsh"
!define APP "Kizuki"
!define PROGID "Kizuki.Project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Kizuki"

Name "Kizuki（気づき）"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\Kizuki"
InstallDirRegKey HKCU "Software\Kizuki" "InstallDir"
BrandingText "Kizuki ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1041 "ProductName" "Kizuki"
VIAddVersionKey /LANG=1041 "FileDescription" "Kizuki インストーラー"
VIAddVersionKey /LANG=1041 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1041 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\kizuki.ico"
!define MUI_UNICON "${STAGE}\kizuki.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\kizuki.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

Section "Kizuki"
  SetOutPath "$INSTDIR"
  File "${STAGE}\kizuki.exe"
  File "${STAGE}\kizuki.ico"
  File "${STAGE}\LICENSE-MIT.txt"
  File "${STAGE}\LICENSE-APACHE.txt"
  File "${STAGE}\OFL.txt"
  File "${STAGE}\THIRD-PARTY-NOTICES.txt"
  File "${STAGE}\README.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\Kizuki" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\Kizuki.lnk" "$INSTDIR\kizuki.exe" "" "$INSTDIR\kizuki.exe" 0

  ; Project files: a ProgID of our own, offered for .ron in "Open with", and the default for
  ; .ron only where the user has none (Windows keys associations on the last extension, so
  ; *.kizuki.ron is *.ron to it).
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Kizuki プロジェクト"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\kizuki.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\kizuki.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "" 0 +2
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\Applications\kizuki.exe\shell\open\command" "" '"$INSTDIR\kizuki.exe" "%1"'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Kizuki（気づき）"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Kizuki"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\kizuki.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ; The size the Apps list shows, in KiB.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ; Explorer picks up the new association at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\kizuki.exe"
  Delete "$INSTDIR\kizuki.ico"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Kizuki.lnk"

  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\kizuki.exe"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Kizuki"
  ; The user's projects, settings and recovery copies are theirs: nothing else is removed.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
