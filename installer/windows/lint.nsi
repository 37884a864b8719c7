; A stand-in for CPack's generated script, so that balancier.nsh can be checked
; on any machine with makensis (Debian: package nsis):
;   makensis -NOCONFIG -WX -DOUTFILE=/tmp/balancier-lint.exe installer/windows/lint.nsi
; It declares a "service" section the way CPack names a component's section,
; and calls the macros from the same kinds of sections the template does.
Unicode true
!ifndef OUTFILE
  !define OUTFILE "balancier-lint.exe"
!endif
OutFile "${OUTFILE}"
Name "Balancier lint"
RequestExecutionLevel admin
InstallDir "$PROGRAMFILES64\Balancier"

!addincludedir "${__FILEDIR__}"
!include "balancier.nsh"

Section "Register balancierd as a Windows service" service
  SetOutPath "$INSTDIR\share\balancier"
SectionEnd

Section "-Core installation"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  !insertmacro BalancierInstallService ${service}
SectionEnd

Section "Uninstall"
  !insertmacro BalancierRemoveService
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
