"""The frozen programs' entry point: DialDesk.exe and dialdesk-cli.exe both start here.

Without arguments it opens the window; ``--self-test`` checks the installation; any other
command line is the ``dialdesk`` command's.
"""

import multiprocessing
import sys

from dialdesk.cli.main import main

if __name__ == "__main__":
    # spreadsheets are read in a child process (importing/reader_process.py): in a frozen
    # program that child is this very exe, started with multiprocessing's own arguments
    multiprocessing.freeze_support()
    sys.exit(main())
