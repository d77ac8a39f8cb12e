"""Spreadsheets are read in a child process, with bounded time and memory.

The spreadsheet reader is native code: a malformed file (a sparse XLSX with one cell in the
far corner) makes it abort its whole process, which in the window would close the app and
lose what the person was doing.  Read in a child, such a crash, a runaway file or a reader
that never ends costs only the child; the person gets a plain message and goes on.
"""

import functools
import gc
import multiprocessing
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from dialdesk.errors import UserError

READ_SECONDS = 600  # a million rows read in well under a minute; a stuck reader is killed
MEMORY_BYTES = 6 * 1024**3  # the child's address space, where the system can bound it


@functools.cache
def _context() -> Any:
    # a fork server (POSIX) starts each reader in milliseconds from a process that holds no
    # window and no connection; Windows knows only a fresh start
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["dialdesk.importing.table"])
    return context


def _child(send: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    gc.disable()  # a reader makes only objects that live until it ends (``collector``)
    if sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    try:
        send.send(("done", function(*args)))
    except UserError as refusal:
        send.send(("refused", refusal.template, refusal.params))
    except MemoryError:
        send.send(("memory",))
    except BaseException as error:  # a bug or a reader's error: told, not lost
        send.send(("failed", f"{type(error).__name__}: {error}"))
    finally:
        send.close()


def read_apart(function: Callable[..., Any], path: Path, *args: Any) -> Any:
    """``function(path, *args)`` run in a child process; its result, or its ``UserError``,
    or a plain ``UserError`` naming ``path`` when the child crashed, ran out of memory or
    took longer than ``READ_SECONDS``."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, function, (path, *args)), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(READ_SECONDS):
            raise UserError(
                "Reading {path} took longer than {minutes} minutes and was stopped: open it "
                "in Excel, save it again as XLSX and retry.",
                path=path.name,
                minutes=READ_SECONDS // 60,
            )
        message = receive.recv()
    except EOFError:
        child.join(10)
        raise UserError(
            "The file {path} could not be read: the spreadsheet reader stopped on it (code "
            "{code}). Open it in Excel, save it again as XLSX and retry.",
            path=path.name,
            code=child.exitcode,
        ) from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(10)
    kind, *rest = message
    if kind == "done":
        return rest[0]
    if kind == "refused":
        raise UserError(rest[0], **rest[1])
    if kind == "memory":
        raise UserError(
            "The file {path} needs more memory than a list may take: split it in parts.",
            path=path.name,
        )
    raise UserError("The file {path} could not be read: {detail}", path=path.name, detail=rest[0])
