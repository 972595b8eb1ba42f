; Inno Setup script for the Windows installer of Fengqiao Desktop.
; Build the one-folder app first (packaging\BUILD-WINDOWS.md), then:
;   iscc packaging\fengqiao-desktop.iss
; Output: packaging\dist\FengqiaoDesktop-Setup-<version>.exe
;
; Installs per user by default (no administrator rights on a bureau laptop are
; needed); an administrator can choose "all users". The user's data (local
; database, photos, keys) lives in the data folder, not in the program folder,
; so uninstalling or upgrading never touches it.

#define AppName "Fengqiao Desktop"
#define AppNameZh "枫桥桌面版"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "fengqiao-desktop.exe"

[Setup]
AppId={{6B0D3C52-3F7E-4A53-9C61-0F2E5B8A7D14}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Fengqiao
DefaultDirName={autopf}\Fengqiao Desktop
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=dist
OutputBaseFilename=FengqiaoDesktop-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\fengqiao.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.SelfCheck=安装后运行自检
english.SelfCheck=Run the self-check after installing

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller one-folder output.
Source: "dist\fengqiao-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; The windowed exe has no console: the self-check writes %TEMP%\fengqiao-selfcheck.txt.
Filename: "{app}\{#AppExe}"; Parameters: "--self-check"; Flags: runhidden waituntilterminated postinstall unchecked; Description: "{cm:SelfCheck}"
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder gathers at run time; never the data folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
