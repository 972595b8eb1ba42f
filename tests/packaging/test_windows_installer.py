"""The Inno Setup script, checked where it can be checked without Windows.

Inno Setup's compiler runs only on Windows, so these tests read ``packaging/fengqiao-desktop.iss``
the way ISCC would (sections, ``Key=Value`` directives, ``Name: ...; Param: ...`` entries) and
check what a wrong script would break: the version, every file it names, the folder and exe
that the PyInstaller spec really makes, the Windows 10 floor and its message in each language.
"""

from __future__ import annotations

import re
from pathlib import Path

from fengqiao_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "fengqiao-desktop.iss"
# Custom messages that every Inno Setup language file defines itself.
BUILTIN_CUSTOM_MESSAGES = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():  # ISCC 6.3+ reads UTF-8 without a BOM
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            sections.setdefault("#", []).append(line)
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1).lower()
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def _defines() -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', "\n".join(_sections()["#"])))


def _expand(value: str) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: _defines()[m.group(1)], value)


def _directives(section: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections()[section])


def _entries(section: str) -> list[dict[str, str]]:
    out = []
    for line in _sections()[section]:
        params = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)
        out.append({k: _expand(v.strip().strip('"')) for k, v in params})
    return out


def _spec_names() -> tuple[str, str]:
    """The EXE and COLLECT names the PyInstaller spec gives the program and its folder."""
    spec = (PACKAGING / "fengqiao-desktop.spec").read_text(encoding="utf-8")
    exe = re.search(r"exe = EXE\(.*?name=\"([^\"]+)\"", spec, re.S).group(1)
    folder = re.search(r"coll = COLLECT\(.*?name=\"([^\"]+)\"", spec, re.S).group(1)
    return exe, folder


def test_default_version_is_the_apps_version():
    assert _defines()["AppVersion"] == __version__
    setup = _directives("setup")
    assert _expand(setup["VersionInfoVersion"]) == f"{__version__}.0"  # Windows wants four numbers
    assert _expand(setup["OutputBaseFilename"]) == f"FengqiaoDesktop-Setup-{__version__}"


def test_every_file_it_names_exists_or_is_what_the_spec_builds():
    setup = _directives("setup")
    assert (PACKAGING / setup["SetupIconFile"].replace("\\", "/")).is_file()
    exe, folder = _spec_names()
    assert _defines()["AppExe"] == f"{exe}.exe"
    sources = [e["Source"] for e in _entries("files")]
    # The whole one-folder output of the spec, as build.sh/BUILD-WINDOWS.md put it in packaging\dist.
    assert sources == [f"dist\\{folder}\\*"]
    assert setup["OutputDir"] == "dist"
    for lang in _entries("languages"):
        assert lang["MessagesFile"].startswith("compiler:"), "language files come with Inno Setup"


def test_windows_10_x64_is_the_floor():
    setup = _directives("setup")
    assert setup["MinVersion"] == "10.0"
    assert setup["ArchitecturesAllowed"] == "x64compatible"
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"


def test_every_language_has_every_message_in_its_own_language():
    languages = [e["Name"] for e in _entries("languages")]
    assert languages == ["chinesesimplified", "english"]  # Chinese first: the default
    messages = dict(line.split("=", 1) for line in _sections()["messages"] + _sections()["custommessages"])
    text = ISS.read_text(encoding="utf-8")
    used = set(re.findall(r"\{cm:(\w+)", text)) - BUILTIN_CUSTOM_MESSAGES
    needed = used | {"WinVersionTooLowError", "OnlyOnTheseArchitectures"}
    for name in needed:
        for lang in languages:
            assert f"{lang}.{name}" in messages, f"{lang}.{name} missing"
        assert CJK.search(messages[f"chinesesimplified.{name}"])
        assert not CJK.search(messages[f"english.{name}"]), "English text only on an English screen"
    assert "Windows 10" in messages["english.WinVersionTooLowError"]
    assert "Windows 10" in messages["chinesesimplified.WinVersionTooLowError"]


def test_uninstall_never_deletes_the_data_folder():
    for entry in _entries("uninstalldelete"):
        assert entry["Name"].startswith("{app}\\"), entry
    assert "{localappdata}" not in ISS.read_text(encoding="utf-8").lower()


def test_build_steps_name_files_that_exist():
    doc = (PACKAGING / "BUILD-WINDOWS.md").read_text(encoding="utf-8")
    for path in re.findall(r"packaging\\([\w.\-]+\.(?:spec|iss|py))", doc):
        assert (PACKAGING / path).is_file(), path
    assert "/DAppVersion=%VERSION%" in doc  # the version comes from the source, not from the doc
