"""``python -m sign_detect``: the same as the ``sign-detect`` command."""

from .cli import main

raise SystemExit(main())
