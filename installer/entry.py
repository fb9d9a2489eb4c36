"""The frozen bundle's entry point: the same as the ``operator-app`` command."""

import sys

from operator_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
