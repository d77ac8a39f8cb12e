"""What the builds share: running commands, pinned downloads, signing, the version resource
and the installer script rendered from its template with the list of files to install."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Sequence
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
TEMPLATE = ROOT / "installer" / "dialdesk.nsi.in"
ICON = ROOT / "resources" / "icons" / "dialdesk.ico"
# pip's words for "wheels for Windows x64 and CPython 3.11 only, nothing else"
WINDOWS_WHEELS = [
    "--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
    "--abi", "cp311", "--only-binary=:all:", "--no-deps",
]  # fmt: skip


def log(line: str) -> None:
    print(f"build: {line}", flush=True)


def run(command: Sequence[str], env: dict[str, str] | None = None) -> None:
    log(" ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command)))
    done = subprocess.run(list(command), env=env, stdin=subprocess.DEVNULL, check=False)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}")


def download_pinned(url: str, sha256: str) -> Path:
    """Fetch ``url`` once into the cache; refuse it unless its SHA-256 is the pinned one."""
    cache = BUILD / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / url.rsplit("/", 1)[-1]
    if not target.exists() or _sha256(target) != sha256:
        log(f"downloading {target.name}")
        partial = target.with_suffix(".part")
        with urllib.request.urlopen(url, timeout=120) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out)
        if _sha256(partial) != sha256:
            partial.unlink()
            raise SystemExit(f"{url} does not have the pinned SHA-256 {sha256}")
        partial.replace(target)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def four_part(version: str) -> tuple[int, int, int, int]:
    """0.1.0 → (0, 1, 0, 0): what Windows version resources hold."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_resource(version: str) -> str:
    """PyInstaller's version file: what Explorer shows in a program's properties."""
    parts = four_part(version)
    strings = {
        "CompanyName": "DialDesk",
        "FileDescription": "DialDesk",
        "FileVersion": version,
        "InternalName": "DialDesk",
        "LegalCopyright": "DialDesk",
        "OriginalFilename": "DialDesk.exe",
        "ProductName": "DialDesk",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={parts}, prodvers={parts}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def file_lists(folder: Path) -> tuple[str, str, int]:
    """NSIS lines that install every file of ``folder`` and remove exactly those files
    (then their folders, deepest first, only when empty), and the size in KB."""
    install: list[str] = []
    remove: list[str] = []
    folders: list[PureWindowsPath] = []
    size = 0
    for directory, subdirs, files in os.walk(folder):
        subdirs.sort()
        relative = PureWindowsPath(*Path(directory).relative_to(folder).parts)
        if files:
            install.append(f'SetOutPath "{_under_instdir(relative)}"')
        for name in sorted(files):
            source = Path(directory) / name
            size += source.stat().st_size
            install.append(f'File "{source}"')
            remove.append(f'Delete "{_under_instdir(relative / name)}"')
        if relative.parts:
            folders.append(relative)
    for relative in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        remove.append(f'RMDir "{_under_instdir(relative)}"')
    return "\n".join(install) + "\n", "\n".join(remove) + "\n", size // 1024


def _under_instdir(relative: PureWindowsPath) -> str:
    text = str(relative)
    return "$INSTDIR" if text == "." else f"$INSTDIR\\{text}"


def render_installer_script(folder: Path, version: str, installer: Path, out: Path) -> Path:
    """Write the NSIS script for ``folder`` into ``out``; returns its path."""
    out.mkdir(parents=True, exist_ok=True)
    install, remove, size_kb = file_lists(folder)
    (out / "install_files.nsh").write_text(install, encoding="utf-8")
    (out / "uninstall_files.nsh").write_text(remove, encoding="utf-8")
    (out / "installed_files.txt").write_text(
        "\n".join(line.split('"')[1] for line in remove.splitlines() if line.startswith("Delete"))
        + "\n",
        encoding="utf-8",
    )
    signer = signing_command()
    values = {
        "VERSION": version,
        "VERSION4": ".".join(str(n) for n in four_part(version)),
        "OUTFILE": str(installer),
        "ICON": str(ICON),
        "INSTALL_LIST": str(out / "install_files.nsh"),
        "UNINSTALL_LIST": str(out / "uninstall_files.nsh"),
        "SIZE_KB": str(size_kb),
        "SIGN_UNINSTALLER": f"!uninstfinalize '{signer} \"%1\"'" if signer else "",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z0-9_]+@", text)
    if left:
        raise SystemExit(f"{TEMPLATE.name} has placeholders nobody fills: {left}")
    script = out / "dialdesk.nsi"
    script.write_text(text, encoding="utf-8")
    return script


def signing_command() -> str | None:
    """The command that signs one file in place, when a certificate is configured."""
    cert = os.environ.get("DIALDESK_SIGN_CERT")
    if not cert:
        return None
    password = os.environ.get("DIALDESK_SIGN_PASSWORD", "")
    stamp = os.environ.get("DIALDESK_SIGN_TIMESTAMP", "http://timestamp.digicert.com")
    if sys.platform == "win32":
        return f'signtool sign /f "{cert}" /p "{password}" /fd sha256 /tr {stamp} /td sha256'
    script = ROOT / "installer" / "sign_file.sh"
    return f'"{script}"'


def sign(path: Path) -> None:
    """Sign ``path`` in place with the configured certificate; nothing without one."""
    command = signing_command()
    if command is None:
        return
    log(f"signing {path.name}")
    done = subprocess.run(f'{command} "{path}"', shell=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"signing {path} failed")
