; Inno Setup script for the Windows installer of Fengqiao Desktop.
; Needs Inno Setup 6.3 or later (the x64compatible architecture identifier).
; Build the one-folder app first (packaging\BUILD-WINDOWS.md), then:
;   iscc /DAppVersion=0.1.0 packaging\fengqiao-desktop.iss
; Output: packaging\dist\FengqiaoDesktop-Setup-<version>.exe
; Without /DAppVersion the default below is used; it must equal fengqiao_desktop.__version__
; (tests/packaging/test_windows_installer.py checks that, and every file named here).
;
; Windows 10 and 11, 64-bit, are the floor: Qt 6 does not run on Windows 7 or 8.1, so
; the installer refuses older Windows with a message that says so (MinVersion below).
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
; Paths are relative to this file's folder (packaging\).
AppId={{6B0D3C52-3F7E-4A53-9C61-0F2E5B8A7D14}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Fengqiao
VersionInfoVersion={#AppVersion}.0
VersionInfoProductName={#AppName}
; Windows 10 = NT 10.0 (also Windows 11); older Windows gets WinVersionTooLowError below.
MinVersion=10.0
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

[Messages]
chinesesimplified.WinVersionTooLowError=枫桥桌面版需要 64 位 Windows 10 或 Windows 11。Qt 6 不支持 Windows 7 和 Windows 8.1，请在 Windows 10 或更新的电脑上安装。
english.WinVersionTooLowError=Fengqiao Desktop needs 64-bit Windows 10 or Windows 11. Qt 6 does not run on Windows 7 or Windows 8.1; install it on a computer with Windows 10 or later.
chinesesimplified.OnlyOnTheseArchitectures=枫桥桌面版只能安装在 64 位（x64）Windows 10 或 Windows 11 上。
english.OnlyOnTheseArchitectures=Fengqiao Desktop can only be installed on 64-bit (x64) Windows 10 or Windows 11.

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
