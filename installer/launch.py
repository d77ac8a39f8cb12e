"""The frozen programs' entry point: DialDesk.exe and dialdesk-cli.exe both start here.

Without arguments it opens the window; ``--self-test`` checks the installation; any other
command line is the ``dialdesk`` command's.
"""

import sys

from dialdesk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
