"""Build 客户宝's one-folder bundle and installer, and prove the bundle works: the CI step
after the tests (.ci/run), and the Windows build (installer/build.ps1 calls it).

    python3 scripts/build_installer.py               bundle, smoke test, makensis
    python3 scripts/build_installer.py --no-bundle   smoke test and makensis on the last bundle
    python3 scripts/build_installer.py --no-nsis     bundle and smoke test only

1. installs what is missing: Qt's system libraries (as scripts/dev.py does), NSIS's
   makensis (Debian package nsis), PyInstaller into .venv (the `build` extra);
2. generates what is not committed: the English kehubao_en.qm, the user guide's
   screenshots (resources/guide/img/) and the kehubao.ico;
3. runs PyInstaller on installer/kehubao.spec → installer/dist/kehubao/ (kehubao and
   kehubao-cli, with resources, report fonts, translations, Qt's Chinese translation and
   the Alembic migrations: installer/bundle_files.py);
4. runs the bundled executables, outside the checkout, on a scratch demo database:
   --version, demo data, the window offscreen (KEHUBAO_QUIT_AFTER_START=1: it must show,
   find Qt's Chinese translation and quit with 0), a CSV import, a pinyin search, a PDF
   report, and the schema at its newest migration; then checks the bundle carries what
   the About dialog's licences read (the packages' metadata, Python's LICENSE.txt);
5. compiles installer/kehubao.nsi with makensis (-WX: a warning fails too). On Linux it
   is compiled against the Linux bundle (/DLINUX_BUNDLE): that checks the script and its
   paths, but the setup.exe it writes (installer/build/nsis-check/) carries Linux files
   and is not a deliverable. On Windows the same step writes the real
   installer/dist/kehubao-setup-VERSION.exe.

Any failure exits non-zero with what went wrong. Prints each step's time, the bundle's
and the setup's size. Standard library only (it installs the rest), like scripts/dev.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dev  # noqa: E402  (same folder: the .venv and apt helpers)

ROOT = dev.ROOT
WINDOWS = dev.WINDOWS
INSTALLER = ROOT / "installer"
DIST = INSTALLER / "dist"
BUNDLE = DIST / "kehubao"
WORK = INSTALLER / "build"
ICON = WORK / "kehubao.ico"
EXE = ".exe" if WINDOWS else ""
# The window's line under KEHUBAO_QUIT_AFTER_START (ui/application.py): the title, and a
# button text Qt draws itself, which is Chinese only if qtbase_zh_CN.qm was bundled.
WINDOW_LINE = "started: window='客户宝' visible=True qt_cancel='取消' icon=True"
SMOKE_CSV = "客户名称,联系人,手机,城市\n杭州新茶科技有限公司,王晓明,13812345678,杭州\n" \
            "成都川味食品厂,李静,13987654321,成都\n"


class BuildError(Exception):
    """A step failed: the message says which and shows the program's output."""


timings: list[tuple[str, float]] = []


@contextlib.contextmanager
def step(name: str) -> Iterator[None]:
    dev.say(name)
    start = time.monotonic()
    yield
    seconds = time.monotonic() - start
    timings.append((name, seconds))
    dev.say(f"  {name}：{seconds:.1f} 秒")


def version() -> str:
    text = (ROOT / "src" / "kehubao" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise BuildError("no __version__ in src/kehubao/__init__.py")
    return found.group(1)


def ensure_makensis() -> str:
    """makensis on PATH, else Debian's nsis package (CI's fresh Debian runs as root)."""
    if found := shutil.which("makensis"):
        return found
    if WINDOWS:  # NSIS's own installer does not put itself on PATH
        for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
            if base and (candidate := Path(base, "NSIS", "makensis.exe")).is_file():
                return str(candidate)
    if WINDOWS or not shutil.which("apt-get"):
        raise BuildError("makensis not found: install NSIS (Windows: `choco install nsis`)")
    dev.say("安装 NSIS（apt-get install nsis）")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # A mirror caught mid-sync fails `update` for one list; the install below says whether
    # nsis could still be had, so only its failure stops the build.
    subprocess.call([*sudo, "apt-get", "update", "-qq"], env=env)
    try:
        dev.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "nsis"],
                env=env, stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as exc:
        raise BuildError(f"apt-get install nsis failed (exit {exc.returncode})") from exc
    if found := shutil.which("makensis"):
        return found
    raise BuildError("apt-get installed nsis but makensis is still not on PATH")


def checked(cmd: list[str], what: str, *, timeout: float = 600, **kwargs: object
            ) -> subprocess.CompletedProcess[str]:
    """Run `cmd`; a non-zero exit or a time-out is a BuildError with its output."""
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=timeout, **kwargs)  # type: ignore[call-overload]
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{what}: no answer after {timeout:.0f} s\n{exc.stdout}\n{exc.stderr}") from exc
    if result.returncode != 0:
        raise BuildError(f"{what}: exit {result.returncode}\n"
                         f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
    return result


def generate(python: Path) -> None:
    """The files the bundle needs that are made, not committed."""
    checked([str(python), str(ROOT / "scripts" / "translations.py"), "release"],
            "scripts/translations.py release", cwd=ROOT)
    qm = ROOT / "resources" / "translations" / "kehubao_en.qm"
    if not qm.is_file():
        raise BuildError(f"translations.py release wrote no {qm}")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    checked([str(python), str(ROOT / "scripts" / "screenshots.py"), "--guide"],
            "scripts/screenshots.py --guide (the user guide's screenshots)", cwd=ROOT, env=env)
    checked([str(python), str(INSTALLER / "make_icon.py")], "installer/make_icon.py", env=env)
    if not ICON.is_file():
        raise BuildError(f"make_icon.py wrote no {ICON}")


def bundle(python: Path) -> None:
    checked([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"),
             str(INSTALLER / "kehubao.spec")], "PyInstaller", timeout=1800, cwd=ROOT)
    for name in ("kehubao", "kehubao-cli"):
        if not (BUNDLE / f"{name}{EXE}").is_file():
            raise BuildError(f"PyInstaller made no {BUNDLE / (name + EXE)}")


def smoke_test(expected_version: str) -> None:
    """Run the bundle as a user would: from another folder, with no source tree or
    interpreter of ours in reach, on a scratch database and settings folder."""
    # On Windows kehubao.exe has no console to print to; kehubao-cli.exe is the same app.
    app = BUNDLE / f"{'kehubao-cli' if WINDOWS else 'kehubao'}{EXE}"
    with tempfile.TemporaryDirectory(prefix="kehubao-smoke-") as tmp:
        scratch = Path(tmp)
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "KEHUBAO_"))}
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(scratch / "config"),
                   XDG_DATA_HOME=str(scratch / "data"), LANG="C.UTF-8")
        db = scratch / "demo.db"

        def kehubao(*args: str, timeout: float = 180, exe: Path = app,
                    extra: dict[str, str] | None = None) -> str:
            what = " ".join([exe.name, *args])
            out = checked([str(exe), *args], what, timeout=timeout, cwd=scratch,
                          env={**env, **(extra or {})}).stdout
            dev.say(f"  ✓ {what}")
            return out

        for exe in (app, BUNDLE / f"kehubao-cli{EXE}"):
            shown = kehubao("--version", exe=exe).strip()
            if shown != f"kehubao {expected_version}":
                raise BuildError(f"{exe.name} --version printed {shown!r}, "
                                 f"expected 'kehubao {expected_version}'")
        # The generator's worker process starts inside the bundle (freeze_support).
        kehubao("--db", str(db), "demo", "--customers", "40")
        window = kehubao("--db", str(db), timeout=120, extra={"KEHUBAO_QUIT_AFTER_START": "1"})
        if WINDOW_LINE not in window:
            raise BuildError(f"the window did not report {WINDOW_LINE!r}; it printed:\n{window}")
        csv = scratch / "名单.csv"
        csv.write_text(SMOKE_CSV, encoding="utf-8")
        imported = json.loads(kehubao("--db", str(db), "import", str(csv), "--json"))
        if imported.get("created") != 2 or imported.get("errors"):
            raise BuildError(f"the CSV import created {imported.get('created')} of 2: {imported}")
        found = json.loads(kehubao("--db", str(db), "search", "hzxc", "--json"))  # pinyin data
        if not any(hit["name"] == "杭州新茶科技有限公司" for hit in found["results"]):
            raise BuildError(f"the imported customer is not found by its pinyin initials: {found}")
        pdf = scratch / "客户名单.pdf"
        kehubao("--db", str(db), "report", "list", "-o", str(pdf))  # ReportLab + bundled fonts
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            raise BuildError(f"report list wrote no PDF at {pdf}")
        info = json.loads(kehubao("--db", str(db), "info", "--json"))
        if info["schema"] != info["schema_head"] or info["counts"]["customer"] != 42:
            raise BuildError(f"unexpected database state after the smoke test: {info}")


def check_licences() -> None:
    """What the About dialog's list of licences reads (kehubao/licences.py) is in the
    bundle: the metadata of every dependency (the spec's copy_metadata) and Python's
    LICENSE.txt (installer/bundle_files.py)."""
    sys.path.insert(0, str(INSTALLER))
    import bundle_files

    def normal(name: str) -> str:  # PEP 503: PySide6_Essentials = pyside6-essentials
        return re.sub(r"[-_.]+", "-", name).lower()

    contents = BUNDLE / "_internal"
    shipped = {normal(path.stem.rsplit("-", 1)[0]) for path in contents.glob("*.dist-info")}
    if missing := [name for name in bundle_files.metadata_distributions()
                   if normal(name) not in shipped]:
        raise BuildError(f"the bundle carries no metadata of {missing}: the About dialog "
                         "would list them without version or licence")
    python_licence = contents / "resources" / "licences" / "python" / "LICENSE.txt"
    if bundle_files.python_licence_files() and not python_licence.is_file():
        raise BuildError(f"the bundle has no {python_licence}")
    dev.say(f"  ✓ licences: metadata of {len(shipped)} packages, Python's LICENSE.txt")


def compile_nsis(makensis: str, expected_version: str, compressor: str) -> Path:
    """makensis on installer/kehubao.nsi; the setup.exe it wrote."""
    out_dir = DIST if WINDOWS else WORK / "nsis-check"
    out_dir.mkdir(parents=True, exist_ok=True)
    defines = [f"-DVERSION={expected_version}", f"-DDIST={BUNDLE}", f"-DICON={ICON}",
               f"-DOUTDIR={out_dir}", f"-DCOMPRESSOR={compressor}"]
    if not WINDOWS:
        defines.append("-DLINUX_BUNDLE")
    result = checked([makensis, "-V2", "-WX", *defines, str(INSTALLER / "kehubao.nsi")],
                     "makensis installer/kehubao.nsi", timeout=1800, cwd=INSTALLER)
    setup = out_dir / f"kehubao-setup-{expected_version}.exe"
    if not setup.is_file():
        raise BuildError(f"makensis wrote no {setup}\n{result.stdout}")
    return setup


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under `folder`, each file once (not through symbolic links)."""
    seen: set[tuple[int, int]] = set()
    size = 0
    for parent, _dirs, names in os.walk(folder):
        for name in names:
            stat = os.lstat(os.path.join(parent, name))
            if os.path.stat.S_ISREG(stat.st_mode) and (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                size += stat.st_size
    return size, len(seen)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-bundle", action="store_true",
                        help="reuse installer/dist/kehubao instead of running PyInstaller")
    parser.add_argument("--no-nsis", action="store_true", help="skip makensis")
    parser.add_argument("--compressor", choices=["lzma", "zlib", "bzip2"],
                        help="NSIS compression (default: lzma on Windows, zlib for the "
                             "Linux check, whose output is thrown away)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    expected_version = version()
    try:
        with step("准备构建环境（系统库、NSIS、PyInstaller）"):
            dev.ensure_system_packages()
            makensis = None if args.no_nsis else ensure_makensis()
            python = dev.ensure_venv("build")
        if not args.no_bundle:
            with step("生成翻译、帮助截图和图标"):
                generate(python)
            with step("PyInstaller 打包"):
                bundle(python)
        elif not BUNDLE.is_dir():
            raise BuildError(f"--no-bundle, but there is no {BUNDLE}")
        with step("试运行打包后的程序"):
            smoke_test(expected_version)
            check_licences()
        setup = None
        if makensis:
            with step("makensis 编译安装程序"):
                setup = compile_nsis(makensis, expected_version,
                                     args.compressor or ("lzma" if WINDOWS else "zlib"))
    except BuildError as exc:
        dev.say(f"构建失败：{exc}")
        return 1
    size, count = folder_size(BUNDLE)
    dev.say(f"程序包：{BUNDLE.relative_to(ROOT)}，{count} 个文件，{size / 2**20:.0f} MB")
    if setup:
        dev.say(f"安装程序：{setup.relative_to(ROOT)}，{setup.stat().st_size / 2**20:.0f} MB"
                + ("（Linux 上只用来检查 NSIS 脚本，不能发布）" if not WINDOWS else ""))
    dev.say("用时：" + "，".join(f"{name} {seconds:.0f} 秒" for name, seconds in timings)
            + f"；共 {time.monotonic() - started:.0f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
