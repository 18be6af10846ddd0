"""Entry point for `python -m sitegen`."""

import sys

from .cli import main

sys.exit(main())
