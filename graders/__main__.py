"""``python -m graders`` is ``kb-grade``."""

import sys

from .cli import main

sys.exit(main())
