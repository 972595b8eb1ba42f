"""Which glibc does a built folder need? Read the ELF version needs of every file in it.

A frozen Linux build carries its own Python and Qt, but not the C library: each shared
object and executable records, in its ``.gnu.version_r`` section, the symbol versions it
needs from ``libc.so.6`` and friends (``GLIBC_2.17``, ``GLIBC_2.34``, ...). The dynamic
loader refuses to start a program when the system's glibc lacks one of them ("version
`GLIBC_2.34' not found"). This script reads those needs with pyelftools, prints the
highest one per file and overall, and fails when the folder needs a newer glibc than the
oldest target (UOS 20 and Kylin V10 ship 2.28-2.31):

    python packaging/glibc_check.py packaging/dist/fengqiao-desktop --max 2.31

It also reports the highest ``GLIBCXX`` (libstdc++) need, which matters when the folder
does not carry its own libstdc++; ``--max-glibcxx 3.4.25`` makes that a failure too.
Exit code 0: within the limits; 1: above them (the culprits are listed, with a few of the
symbols that need the newer version); 2: bad arguments or no ELF file found.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from elftools.common.exceptions import ELFError
from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection, GNUVerSymSection

ELF_MAGIC = b"\x7fELF"
# The ELF machine of the build, as dpkg names the architecture.
DEB_ARCH = {
    "EM_X86_64": "amd64",
    "EM_AARCH64": "arm64",
    "EM_386": "i386",
    "EM_LOONGARCH": "loong64",
    "EM_MIPS": "mips64el",
}


def parse_version(text: str) -> tuple[int, ...]:
    """``"2.31"`` -> ``(2, 31)``: compare as numbers (2.9 < 2.28), never as strings."""
    parts = text.strip().split(".")
    if not parts or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a version number: {text!r}")
    return tuple(int(p) for p in parts)


def format_version(v: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in v)


@dataclass
class ElfNeeds:
    """The versioned needs of one ELF file, by family (``GLIBC``, ``GLIBCXX``, ``CXXABI``...)."""

    path: Path
    machine: str
    highest: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # version name (e.g. "GLIBC_2.34") -> the dynamic symbols that need it
    symbols: dict[str, list[str]] = field(default_factory=dict)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def _split(name: str) -> tuple[str, tuple[int, ...]] | None:
    """``"GLIBC_2.34"`` -> ``("GLIBC", (2, 34))``; ``"GLIBC_PRIVATE"`` -> None."""
    family, _, number = name.rpartition("_")
    try:
        return family, parse_version(number)
    except ValueError:
        return None


def read_needs(path: Path, with_symbols: bool = False) -> ElfNeeds:
    """The version needs recorded in one ELF file (an empty result for an unversioned one).

    ``with_symbols`` also lists which dynamic symbols need each version (slower: it walks
    the symbol table, so the report does it only for the files above the limit).
    """
    with path.open("rb") as f:
        elf = ELFFile(f)
        needs = ElfNeeds(path=path, machine=elf["e_machine"])
        by_index: dict[int, str] = {}
        for section in elf.iter_sections():
            if isinstance(section, GNUVerNeedSection):
                for _verneed, auxes in section.iter_versions():
                    for aux in auxes:
                        name = aux.name
                        by_index[aux["vna_other"]] = name
                        split = _split(name)
                        if split is None:
                            continue
                        family, number = split
                        if number > needs.highest.get(family, ()):
                            needs.highest[family] = number
        if with_symbols and by_index:
            versym = next((s for s in elf.iter_sections() if isinstance(s, GNUVerSymSection)), None)
            dynsym = elf.get_section_by_name(".dynsym")
            if versym is not None and dynsym is not None:
                for i, sym in enumerate(dynsym.iter_symbols()):
                    if sym["st_shndx"] != "SHN_UNDEF" or not sym.name:
                        continue
                    index = versym.get_symbol(i)["ndx"]
                    if isinstance(index, int) and index in by_index:
                        needs.symbols.setdefault(by_index[index], []).append(sym.name)
    return needs


def elf_files(root: Path) -> Iterable[Path]:
    """Every regular ELF file under ``root`` (symlinks are skipped: their targets are there too)."""
    if root.is_file():
        if is_elf(root):
            yield root
        return
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if not p.is_symlink() and p.is_file() and is_elf(p):
                yield p


@dataclass
class FolderReport:
    files: list[ElfNeeds]

    def highest(self, family: str) -> tuple[int, ...]:
        return max((n.highest.get(family, ()) for n in self.files), default=())

    def above(self, family: str, limit: tuple[int, ...]) -> list[ElfNeeds]:
        return [n for n in self.files if n.highest.get(family, ()) > limit]

    def machines(self) -> set[str]:
        return {n.machine for n in self.files}


def scan(root: Path) -> FolderReport:
    files = []
    for p in elf_files(root):
        try:
            files.append(read_needs(p))
        except ELFError as exc:  # a truncated or foreign file: say so rather than guess
            raise ELFError(f"{p}: {exc}") from exc
    return FolderReport(files)


def _culprit_lines(root: Path, report: FolderReport, family: str, limit: tuple[int, ...]) -> list[str]:
    lines = []
    for n in sorted(report.above(family, limit), key=lambda n: n.highest[family], reverse=True):
        n = read_needs(n.path, with_symbols=True)
        rel = n.path.relative_to(root) if n.path != root else n.path.name
        too_new = sorted(
            (name for name in n.symbols if (s := _split(name)) and s[0] == family and s[1] > limit),
            key=lambda name: _split(name)[1],
            reverse=True,
        )
        detail = "; ".join(f"{name}: {', '.join(sorted(n.symbols[name])[:4])}" for name in too_new[:3])
        lines.append(f"  {rel} needs {family}_{format_version(n.highest[family])}" + (f" ({detail})" if detail else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="the one-folder build (or a single ELF file)")
    ap.add_argument("--max", default="2.31", help="highest GLIBC version allowed (default 2.31)")
    ap.add_argument("--max-glibcxx", default=None, help="highest GLIBCXX version allowed (default: report only)")
    args = ap.parse_args(argv)
    try:
        limit = parse_version(args.max)
        cxx_limit = parse_version(args.max_glibcxx) if args.max_glibcxx else None
    except ValueError as exc:
        print(f"glibc_check: {exc}", file=sys.stderr)
        return 2
    root = args.folder
    if not root.exists():
        print(f"glibc_check: {root} does not exist", file=sys.stderr)
        return 2
    report = scan(root)
    if not report.files:
        print(f"glibc_check: no ELF files under {root}", file=sys.stderr)
        return 2

    glibc = report.highest("GLIBC")
    cxx = report.highest("GLIBCXX")
    machines = ", ".join(sorted(DEB_ARCH.get(m, m) for m in report.machines()))
    print(f"{len(report.files)} ELF files ({machines}) under {root}")
    print(f"highest GLIBC needed: {format_version(glibc) if glibc else 'none'} (limit {args.max})")
    print(
        f"highest GLIBCXX needed: {format_version(cxx) if cxx else 'none'}"
        + (f" (limit {args.max_glibcxx})" if cxx_limit else "")
    )
    failed = False
    if glibc > limit:
        failed = True
        print(f"FAILED: {len(report.above('GLIBC', limit))} files need a glibc newer than {args.max}:")
        print("\n".join(_culprit_lines(root, report, "GLIBC", limit)))
    if cxx_limit is not None and cxx > cxx_limit:
        failed = True
        print(
            f"FAILED: {len(report.above('GLIBCXX', cxx_limit))} files need a libstdc++ newer than "
            f"GLIBCXX_{args.max_glibcxx}:"
        )
        print("\n".join(_culprit_lines(root, report, "GLIBCXX", cxx_limit)))
    if not failed:
        print("OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
