"""A 64-bit Wine prefix of our own, for building and checking the Windows programs on Linux.

Wine 8 lacks two libraries that Windows 10 and 11 have: ``icuuc.dll`` (Qt6Core imports its
text converters) and ``bcryptprimitives.dll`` (Rust-built python-calamine imports
``ProcessPrng``). Small stand-ins, compiled here with mingw from ``installer/wine/*.c``, go
into the prefix's system32; PyInstaller never collects a DLL from the Windows folder, and the
check refuses a build that carries them.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
STAND_INS = {"icuuc.dll": [], "bcryptprimitives.dll": ["-ladvapi32"]}
MINGW = "x86_64-w64-mingw32-gcc"


class Wine:
    def __init__(self, prefix: Path, arch: str = "win64") -> None:
        """``arch``: win64, or win32 for a 32-bit Windows (no stand-ins, nothing built)."""
        self.prefix = prefix
        self.arch = arch
        self.env = dict(
            os.environ,
            WINEPREFIX=str(prefix),
            WINEARCH=arch,
            WINEDEBUG="-all",
            WINEDLLOVERRIDES="mscoree,mshtml=",  # no Mono or Gecko installer dialogs
        )
        self.env.pop("DISPLAY", None)

    @property
    def system32(self) -> Path:
        return self.prefix / "drive_c" / "windows" / "system32"

    def prepare(self) -> None:
        """Create the prefix once and put the stand-in libraries into it."""
        for tool in ("wine", "wineboot", MINGW):
            if shutil.which(tool) is None:
                raise SystemExit(
                    f"{tool} not found: apt install wine64 nsis gcc-mingw-w64-x86-64-win32"
                )
        if not (self.prefix / "system.reg").exists():
            self.prefix.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                ["wineboot", "--init"], env=self.env, check=True, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            self.wait()
        if self.arch != "win64":
            return
        for dll, libraries in STAND_INS.items():
            source = HERE / "wine" / dll.replace(".dll", ".c")
            target = self.system32 / dll
            if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                continue
            subprocess.run(
                [MINGW, "-O2", "-shared", "-o", str(target), str(source), *libraries],
                check=True,
            )

    def path(self, path: Path) -> str:
        """The Windows form of a Linux path (Wine's Z: drive is the Linux root)."""
        return "Z:" + str(path.resolve()).replace("/", "\\")

    def run(
        self, command: Sequence[str], env: dict[str, str] | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Run a Windows program; its output is passed on. Wine's console programs need
        pipes (a file or a terminal as standard output fails in Windows Python)."""
        print("wine: " + " ".join(command), flush=True)
        done = run_until_it_ends(["wine", *command], {**self.env, **(env or {})})
        # Windows 10 and 11 carry the universal C runtime's API sets themselves; PyInstaller
        # under Wine cannot find them and says so for every DLL: count them, do not list them
        api_sets = 0
        for line in (done.stdout + done.stderr).splitlines(keepends=True):
            if "could not resolve 'api-ms-win-" in line:
                api_sets += 1
            else:
                sys.stdout.write(line)
        if api_sets:
            print(f"wine: {api_sets} remarks about Windows' own api-ms-win-* libraries")
        if check and done.returncode != 0:
            raise SystemExit(f"failed under Wine ({done.returncode}): {' '.join(command)}")
        return done

    def wait(self) -> None:
        """Wait until the prefix's background server has written everything (registry)."""
        subprocess.run(["wineserver", "--wait"], env=self.env, check=False)


def run_until_it_ends(
    command: Sequence[str], env: dict[str, str], stdin: str | None = None, timeout: float = 3600
) -> subprocess.CompletedProcess[str]:
    """Run a program through Wine and collect what it printed until the program itself ends.

    Wine's console programs need pipes (a file or a terminal as standard output fails in
    Windows Python), and a helper Wine starts may inherit them and outlive the program:
    waiting for every copy of the pipe to close could wait for ever.
    """
    process = subprocess.Popen(
        list(command), env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    said: dict[str, bytes] = {"out": b"", "err": b""}

    def collect(stream: IO[bytes], key: str) -> None:
        for chunk in iter(lambda: stream.read1(65536), b""):
            said[key] += chunk

    readers = [
        threading.Thread(target=collect, args=(process.stdout, "out"), daemon=True),
        threading.Thread(target=collect, args=(process.stderr, "err"), daemon=True),
    ]
    for reader in readers:
        reader.start()
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError):
        process.stdin.write((stdin or "").encode("utf-8"))
        process.stdin.close()
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
    for reader in readers:
        reader.join(timeout=5)
    out, err = (said[k].decode("utf-8", "replace") for k in ("out", "err"))
    return subprocess.CompletedProcess(list(command), code, out, err)
