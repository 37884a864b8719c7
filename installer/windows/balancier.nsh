; Balancier's additions to the NSIS installer CPack generates from its stock
; template. installer/CMakeLists.txt includes this file at the top of the script
; (CPACK_NSIS_DEFINES) and calls the macros from the template's hooks:
;   BalancierInstallService   CPACK_NSIS_EXTRA_INSTALL_COMMANDS, at the end of
;                             the core section, which runs after the component
;                             sections, so balancierd.exe is in place by then
;   BalancierRemoveService    CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS, before the
;                             uninstaller deletes the files
; Lint without Windows (Debian: apt-get install nsis):
;   makensis -NOCONFIG -WX -DOUTFILE=/tmp/balancier-lint.exe installer/windows/lint.nsi

!ifndef BALANCIER_NSH_INCLUDED
!define BALANCIER_NSH_INCLUDED

!include LogicLib.nsh
!include Sections.nsh

!define BALANCIER_SERVICE_NAME "balancierd"
!define BALANCIER_SERVICE_DISPLAY "Balancier TCP load balancer"

; Reads %ProgramData% into $R1: the service's config lives there, machine-wide
; and outside Program Files, so that an administrator can edit it. Sets the
; error flag when the variable is not there.
!macro BalancierProgramData
  ClearErrors
  ReadEnvStr $R1 "ProgramData"
  ${If} $R1 == ""
    SetErrors
  ${EndIf}
!macroend

; Registers balancierd as a service with manual start, when the section whose
; index is SECTION (the "service" component) is selected. The first time, the
; example configuration is copied to %ProgramData%\Balancier\balancier.xml; an
; existing file is the administrator's and is never overwritten.
!macro BalancierInstallService SECTION
  ${If} ${SectionIsSelected} ${SECTION}
    !insertmacro BalancierProgramData
    ${If} ${Errors}
      DetailPrint "%ProgramData% is not set: the service was not registered."
    ${Else}
      CreateDirectory "$R1\Balancier"
      ${IfNot} ${FileExists} "$R1\Balancier\balancier.xml"
        CopyFiles /SILENT "$INSTDIR\share\balancier\balancier.example.xml" "$R1\Balancier\balancier.xml"
      ${EndIf}
      ; An earlier installation's service points at the old paths: replace it.
      nsExec::ExecToLog 'sc.exe stop ${BALANCIER_SERVICE_NAME}'
      Pop $R0
      nsExec::ExecToLog 'sc.exe delete ${BALANCIER_SERVICE_NAME}'
      Pop $R0
      ; The service may write in its folder: the log, and the config itself
      ; when runtime changes are saved (POST /save, persist="auto") with the
      ; backups next to it. *S-1-5-19 is LocalService, by SID because account
      ; names are translated on some Windows languages.
      nsExec::ExecToLog 'icacls.exe "$R1\Balancier" /grant *S-1-5-19:(OI)(CI)M'
      Pop $R0
      ; LocalService: no administrator rights, network access as the machine.
      ; --service: balancierd reports to the service control manager, which
      ; stops it like Ctrl+C (a drain); with no console, it logs to a file.
      nsExec::ExecToLog 'sc.exe create ${BALANCIER_SERVICE_NAME} binPath= "\"$INSTDIR\bin\balancierd.exe\" --service --config \"$R1\Balancier\balancier.xml\" --log-file \"$R1\Balancier\balancierd.log\"" start= demand obj= "NT AUTHORITY\LocalService" password= "" DisplayName= "${BALANCIER_SERVICE_DISPLAY}"'
      Pop $R0
      ${If} $R0 == 0
        nsExec::ExecToLog 'sc.exe description ${BALANCIER_SERVICE_NAME} "Relays TCP connections to backend hosts (config: $R1\Balancier\balancier.xml)."'
        Pop $R0
        DetailPrint "Registered the service ${BALANCIER_SERVICE_NAME} (manual start)."
      ${Else}
        DetailPrint "sc.exe create failed ($R0): the service was not registered."
        MessageBox MB_OK|MB_ICONEXCLAMATION "The service ${BALANCIER_SERVICE_NAME} could not be registered (sc.exe exit code $R0). Balancier itself is installed." /SD IDOK
      ${EndIf}
    ${EndIf}
  ${EndIf}
!macroend

; Stops and deletes the service if an installation registered it. The
; configuration in %ProgramData%\Balancier stays: it is the administrator's.
!macro BalancierRemoveService
  nsExec::ExecToLog 'sc.exe query ${BALANCIER_SERVICE_NAME}'
  Pop $R0
  ${If} $R0 == 0
    nsExec::ExecToLog 'sc.exe stop ${BALANCIER_SERVICE_NAME}'
    Pop $R0
    nsExec::ExecToLog 'sc.exe delete ${BALANCIER_SERVICE_NAME}'
    Pop $R0
    DetailPrint "Removed the service ${BALANCIER_SERVICE_NAME}."
  ${EndIf}
!macroend

!endif
