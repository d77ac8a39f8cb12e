"""A sign, visible to the installer, that DialDesk runs on this computer.

On Windows a named mutex ``Global\\DialDesk-running`` lives as long as any DialDesk
process: the installer and uninstaller refuse to replace files a running DialDesk uses.
Elsewhere there is no installer, and nothing to do.
"""

import sys
from typing import Any

MUTEX_NAME = "Global\\DialDesk-running"


def hold_running_sign() -> Any:
    """Return the handle to keep for the life of the process (None where not needed)."""
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    return kernel32.CreateMutexW(None, False, MUTEX_NAME)  # shared with other DialDesks
