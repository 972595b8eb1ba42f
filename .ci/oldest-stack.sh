#!/usr/bin/env bash
# The oldest supported stack: Python 3.10 with every dependency pyproject.toml declares
# (main, test and postgres extras) at its `>=` floor, then the test suite on it.
# Uses its own venv (.venv-oldest) and touches nothing of .venv. See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
export PIP_DISABLE_PIP_VERSION_CHECK=1

# Python 3.10: a pyenv build, else python3.10 on PATH (else the machine's python3, with a warning).
PY310=""
for candidate in /root/.pyenv/versions/3.10*/bin/python3.10; do
  [ -x "$candidate" ] && PY310="$candidate"
done
if [ -z "$PY310" ] && command -v python3.10 >/dev/null 2>&1; then
  PY310="$(command -v python3.10)"
fi
if [ -z "$PY310" ] || ! "$PY310" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  # A machine without Python 3.10 still tests every dependency at its floor, on the oldest
  # Python it has; the interpreter floor is then untested here, and this says so loudly.
  PY310="$(command -v python3)"
  echo "oldest stack: WARNING: no Python 3.10 on this machine (looked for" \
       "/root/.pyenv/versions/3.10*/bin/python3.10 and python3.10 on PATH); the dependency" \
       "floors are tested on $("$PY310" -V) instead. Install python3.10 to test the" \
       "interpreter floor too." >&2
fi
echo "oldest stack: $("$PY310" -VV | head -n 1) ($PY310)"

rm -rf .venv-oldest
"$PY310" -m venv .venv-oldest
.venv-oldest/bin/pip install -q --upgrade pip
# tomli reads pyproject.toml on 3.10 (pytest needs it there too, so it stays in the venv).
.venv-oldest/bin/pip install -q tomli
.venv-oldest/bin/python .ci/oldest_constraints.py pyproject.toml test postgres \
  > .venv-oldest/constraints.txt
cat .venv-oldest/constraints.txt
.venv-oldest/bin/pip install -q -c .venv-oldest/constraints.txt -e ".[test,postgres]"
.venv-oldest/bin/pip freeze --exclude-editable > .venv-oldest/installed.txt
echo "oldest stack: installed $(wc -l < .venv-oldest/installed.txt) packages (.venv-oldest/installed.txt)"

# The whole suite, as the README's test command runs it (see docs/packaging.md for its time).
start=$(date +%s)
.venv-oldest/bin/python -m pytest -n 2 -p no:cacheprovider "$@"
echo "oldest stack: tests passed in $(( $(date +%s) - start )) s"
