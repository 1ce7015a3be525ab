; Inno Setup script for AzRel Desktop's Windows installer, from the one-folder bundle that
; `python packaging/build.py` writes to dist\azrel-desktop. Built by the release workflow:
;   iscc /DAppVersion=0.1.0 packaging\windows\azrel.iss
; Installs per user by default (no administrator needed), into a folder the app never writes to
; (the library lives in the user's data folder), with a Start menu entry and an uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6A0F2B4E-8C1D-4B7A-9E35-2F1C7D9A4B60}
AppName=AzRel Desktop
AppVersion={#AppVersion}
AppPublisher=AzRel
DefaultDirName={autopf}\AzRel Desktop
DefaultGroupName=AzRel Desktop
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=AzRel-Desktop-{#AppVersion}-windows-x86_64-setup
SetupIconFile={#Root}\packaging\icons\azrel.ico
UninstallDisplayIcon={app}\azrel-desktop.exe
LicenseFile={#Root}\dist\azrel-desktop\LICENSES.txt
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "{#Root}\dist\azrel-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\AzRel Desktop"; Filename: "{app}\azrel-desktop.exe"
Name: "{group}\Uninstall AzRel Desktop"; Filename: "{uninstallexe}"
Name: "{autodesktop}\AzRel Desktop"; Filename: "{app}\azrel-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\azrel-desktop.exe"; Description: "Start AzRel Desktop"; Flags: nowait postinstall skipifsilent
