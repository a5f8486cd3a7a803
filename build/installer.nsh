; Registers the mpath: scheme for this user (the installer is per-user, so SHELL_CONTEXT is
; HKCU). The command puts "--protocol-launcher" and "--" before the link, so the link is the
; only argument after "--" and Chromium never reads it as a switch (CVE-2018-1000006). Every
; part is quoted; the app's own registration at run time writes the same command.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\mpath" "" "URL:mpath"
  WriteRegStr SHELL_CONTEXT "Software\Classes\mpath" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\mpath\DefaultIcon" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}",0'
  WriteRegStr SHELL_CONTEXT "Software\Classes\mpath\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--protocol-launcher" "--" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\mpath"
!macroend
