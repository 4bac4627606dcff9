"""``python -m socialmath``: the ``socialmath`` command without the installed script."""

import sys

from socialmath.cli import main

if __name__ == "__main__":
    sys.exit(main())
