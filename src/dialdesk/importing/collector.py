"""Python's cycle collector held off while an import builds its rows.

Reading and cleaning a list of 100,000 rows makes millions of small objects that all live
until the import ends.  The collector, woken every few hundred allocations, walks the ones
already made again and again without ever finding garbage among them: a third of the
cleaning's time.  An import makes no cycles worth collecting, so the collector waits until
it is done.  The switch is the whole process's: while imports overlap (two windows' threads,
say) it stays off until the last of them ends, and it comes back on only if it was on.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
