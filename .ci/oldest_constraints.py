"""Print pip constraints that pin every dependency pyproject.toml declares to its floor.

The oldest supported stack is whatever `pyproject.toml` claims: each requirement's
`>=` lower bound (the main dependencies and the extras named on the command line).
Deriving the pins from it keeps one truth: raising a floor there changes what the
oldest-stack CI step installs. A requirement without a `>=` floor is an error, so a
new dependency cannot slip in untested.

    python .ci/oldest_constraints.py pyproject.toml test postgres > constraints.txt

Runs on Python 3.10 (tomli, which pytest needs there anyway) and 3.11+ (tomllib).
"""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

# name[extras] then the specifiers, e.g. "psycopg[binary]>=3.1" or "PySide6-Essentials>=6.6,<6.12"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*(;.*)?$")


def floor_pin(requirement: str) -> str:
    """`name==floor` for one requirement string; extras are dropped (pip refuses them here)."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name, _extras, specifiers, marker = match.groups()
    floors = [s.strip()[2:].strip() for s in specifiers.split(",") if s.strip().startswith(">=")]
    if len(floors) != 1:
        raise ValueError(f"requirement {requirement!r} has no single '>=' floor")
    pin = f"{name}=={floors[0]}"
    return f"{pin} {marker}" if marker else pin


def floor_pins(pyproject: dict, extras: list[str]) -> list[str]:
    project = pyproject["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    pins: dict[str, str] = {}
    for requirement in requirements:
        pin = floor_pin(requirement)
        name = pin.split("==", 1)[0].lower()
        if name in pins and pins[name] != pin:
            raise ValueError(f"{name} has two different floors: {pins[name]} and {pin}")
        pins[name] = pin
    return list(pins.values())


def main(argv: list[str]) -> int:
    if len(argv) < 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], "rb") as f:
        pyproject = tomllib.load(f)
    print(f"# Every dependency of {argv[0]} at its floor (extras: {', '.join(argv[1:]) or 'none'}).")
    for pin in floor_pins(pyproject, argv[1:]):
        print(pin)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
