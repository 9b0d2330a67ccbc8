"""``python -m warclaims``: the same as the ``warclaims`` command."""

import sys

from warclaims.cli import main

sys.exit(main())
