"""Imported first by every benchmark: ``bench/queue.py`` is named like the standard
library's ``queue``, which psycopg needs, so bench/ goes behind the standard library on the
search path (its own modules, like ``_common``, are still found there)."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [entry for entry in sys.path if entry not in (_HERE, "")] + [_HERE]
