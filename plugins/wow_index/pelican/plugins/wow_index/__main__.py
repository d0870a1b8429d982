"""``python -m pelican.plugins.wow_index``: see :mod:`.cli`."""

import sys

from .cli import main

sys.exit(main())
