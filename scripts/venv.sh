# Sourced by scripts/start and scripts/test: make .venv and install the project into it.
# Versions are pinned by constraints.txt so a fresh machine gets what CI tested.
set -euo pipefail
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$1"
