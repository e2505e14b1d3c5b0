"""`python -m reader` runs the same entry point as `hamish` and `main.py`."""
from __future__ import annotations

import sys

from reader.cli import main

sys.exit(main())
