"""Pin the Windows build's packages with their hashes: requirements-windows.in → .txt.

Downloads each wheel for Windows x64 / CPython 3.11 (nothing else is accepted) and writes
``requirements-windows.txt``, which ``build.py`` installs with ``--require-hashes``.
"""

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.utils import canonicalize_name, parse_wheel_filename

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_support import WINDOWS_WHEELS  # noqa: E402 - the folder above is not a package


def main() -> int:
    wanted = HERE / "requirements-windows.in"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", *WINDOWS_WHEELS, "-d", folder,
             "-r", str(wanted)],
            check=True,
        )  # fmt: skip
        lines = [
            "# Locked by installer/lock_windows.py from requirements-windows.in; do not edit.",
        ]
        for wheel in sorted(Path(folder).glob("*.whl"), key=lambda p: p.name.lower()):
            name, version, _build, _tags = parse_wheel_filename(wheel.name)
            digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
            lines.append(f"{canonicalize_name(name)}=={version} \\\n    --hash=sha256:{digest}")
    (HERE / "requirements-windows.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
