"""``packaging/glibc_check.py``: the highest glibc a built folder needs, read from real ELF files.

The answers are checked against binutils' ``readelf -V``, an independent reader of the same
ELF version-need sections.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "glibc_check.py"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux ELF files")


def _load_script():
    spec = importlib.util.spec_from_file_location("glibc_check", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("glibc_check", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _readelf_highest_glibc(path: Path) -> tuple[int, ...]:
    out = subprocess.run(["readelf", "-V", "-W", str(path)], capture_output=True, text=True, check=True).stdout
    return max(tuple(int(n) for n in v.split(".")) for v in re.findall(r"Name: GLIBC_([\d.]+)", out))


def _real_elf_files() -> list[Path]:
    """Shared objects the frozen folder really carries: the shiboken6 module and its library."""
    here = Path(shiboken6.__file__).parent
    files = sorted(p for p in here.iterdir() if p.name.endswith((".so", ".so.6")) or ".so." in p.name)
    assert files, f"no shared objects in {here}"
    return [Path(sys.executable).resolve(), *files]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


def test_versions_compare_as_numbers_not_text():
    gc = _load_script()
    assert gc.parse_version("2.9") < gc.parse_version("2.28") < gc.parse_version("2.31")
    assert gc.format_version(gc.parse_version("3.4.25")) == "3.4.25"
    with pytest.raises(ValueError):
        gc.parse_version("2.x")


def test_highest_need_matches_readelf(tmp_path):
    files = _real_elf_files()
    folder = tmp_path / "app"
    (folder / "_internal").mkdir(parents=True)
    for p in files:
        shutil.copy2(p, folder / "_internal" / p.name)
    expected = max(_readelf_highest_glibc(p) for p in files)
    gc = _load_script()
    report = gc.scan(folder)
    assert len(report.files) == len(files)
    assert report.highest("GLIBC") == expected
    for p in files:  # per file, too
        needs = gc.read_needs(folder / "_internal" / p.name)
        assert needs.highest["GLIBC"] == _readelf_highest_glibc(p)


def test_passes_at_the_limit_and_fails_below_it_naming_the_file(tmp_path):
    lib = _real_elf_files()[-1]
    folder = tmp_path / "app"
    folder.mkdir()
    shutil.copy2(lib, folder / lib.name)
    (folder / "README.txt").write_text("not an ELF file")
    (folder / "link.so").symlink_to(folder / lib.name)  # counted once, through its target
    need = ".".join(map(str, _readelf_highest_glibc(lib)))

    ok = _run(str(folder), "--max", need)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("1 ELF files (")
    assert f"highest GLIBC needed: {need} (limit {need})" in ok.stdout
    assert ok.stdout.splitlines()[-1] == "OK"

    too_old = _run(str(folder), "--max", "2.0")
    assert too_old.returncode == 1
    assert "FAILED: 1 files need a glibc newer than 2.0" in too_old.stdout
    culprit = next(ln for ln in too_old.stdout.splitlines() if ln.startswith(f"  {lib.name} needs "))
    assert f"GLIBC_{need}" in culprit
    assert re.search(rf"GLIBC_{re.escape(need)}: \w+", culprit), "names a symbol that needs it"


def test_libstdcxx_limit_is_optional(tmp_path):
    lib = _real_elf_files()[-1]  # libshiboken6 is C++: it needs GLIBCXX versions
    folder = tmp_path / "app"
    folder.mkdir()
    shutil.copy2(lib, folder / lib.name)
    reported = _run(str(folder), "--max", "9.99")
    assert reported.returncode == 0
    assert re.search(r"highest GLIBCXX needed: 3\.4\.\d+", reported.stdout)
    strict = _run(str(folder), "--max", "9.99", "--max-glibcxx", "3.4")
    assert strict.returncode == 1
    assert "need a libstdc++ newer than GLIBCXX_3.4" in strict.stdout


def test_a_folder_without_elf_files_is_an_error(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing to check")
    r = _run(str(tmp_path))
    assert r.returncode == 2
    assert "no ELF files" in r.stderr
    r = _run(str(tmp_path / "missing"))
    assert r.returncode == 2 and "does not exist" in r.stderr
