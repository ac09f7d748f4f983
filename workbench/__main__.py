"""``python -m workbench``: see :mod:`workbench.cli.main`."""

import sys

from workbench.cli.main import main

sys.exit(main())
