"""``python -m operator_app``: the same as the ``operator-app`` command."""

import sys

from operator_app.cli import main

sys.exit(main())
