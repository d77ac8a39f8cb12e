"""Spreadsheets are read in a child process, with bounded time and memory.

The spreadsheet reader is native code: a malformed file (a sparse XLSX with one cell in the
far corner) makes it abort its whole process, which in the window would close the app and
lose what the person was doing.  Read in a child, such a crash, a runaway file or a reader
that never ends costs only the child; the person gets a plain message and goes on.

The child hands the sheet over in parts as it converts them (``stream_apart``), so an import
cleans the first rows while the rest are still being read.
"""

import functools
import gc
import multiprocessing
import sys
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from dialdesk.errors import UserError

READ_SECONDS = 600  # a reader silent this long is stuck, and killed
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


def _child(send: Connection, function: Callable[..., Iterator[Any]], args: tuple[Any, ...]) -> None:
    gc.disable()  # a reader makes only objects that live until it ends (``collector``)
    if sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    try:
        for item in function(*args):
            send.send(("item", item))
        send.send(("end",))
    except UserError as refusal:
        send.send(("refused", refusal.template, refusal.params))
    except MemoryError:
        send.send(("memory",))
    except BaseException as error:  # a bug or a reader's error: told, not lost
        send.send(("failed", f"{type(error).__name__}: {error}"))
    finally:
        send.close()


def stream_apart(
    function: Callable[..., Iterator[Any]], path: Path, *args: Any
) -> Generator[Any, None, None]:
    """The items ``function(path, *args)`` yields in a child process, each as soon as the
    child has made it (the caller works on one while the child makes the next); or its
    ``UserError``, or a plain ``UserError`` naming ``path`` when the child crashed, ran out
    of memory or made nothing for ``READ_SECONDS``.  Closing the iterator early (the caller
    stopped or cancelled) stops the child."""
    context = _context()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, function, (path, *args)), daemon=True)
    child.start()
    send.close()
    try:
        while True:
            kind, *rest = _message(receive, child, path)
            if kind == "end":
                return
            if kind != "item":
                raise _refusal(kind, rest, path)
            yield rest[0]
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(10)


def _message(receive: Connection, child: Any, path: Path) -> Any:
    try:
        if not receive.poll(READ_SECONDS):
            raise UserError(
                "Reading {path} took longer than {minutes} minutes and was stopped: open it "
                "in Excel, save it again as XLSX and retry.",
                path=path.name,
                minutes=READ_SECONDS // 60,
            )
        return receive.recv()
    except EOFError:
        child.join(10)
        raise UserError(
            "The file {path} could not be read: the spreadsheet reader stopped on it (code "
            "{code}). Open it in Excel, save it again as XLSX and retry.",
            path=path.name,
            code=child.exitcode,
        ) from None


def _refusal(kind: str, rest: list[Any], path: Path) -> UserError:
    if kind == "refused":
        return UserError(rest[0], **rest[1])
    if kind == "memory":
        return UserError(
            "The file {path} needs more memory than a list may take: split it in parts.",
            path=path.name,
        )
    return UserError("The file {path} could not be read: {detail}", path=path.name, detail=rest[0])
