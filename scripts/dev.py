"""Set up and run 客户宝 from a source checkout, on a fresh machine (Debian or Windows).

    python3 scripts/dev.py run [kehubao arguments]   install, then open the window
    python3 scripts/dev.py test [pytest arguments]   install with test tools, lint, run the suite
    python3 scripts/dev.py guide                     the user guide's screenshots (both languages)

Creates `.venv` next to this checkout and installs the project into it. On Linux it also
installs, with apt-get, the system libraries Qt needs (EGL, xkbcommon, fontconfig...)
and a Chinese font when they are missing. Standard library only, so it runs before
anything is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
# Debian packages Qt's xcb/offscreen platforms and fonts need on a bare machine.
APT_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
                "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4",
                "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0",
                "libxcb-render-util0", "libxcb-image0", "fonts-noto-cjk"]
MARKER = VENV / ".kehubao-installed"


def say(text: str) -> None:
    print(f"[客户宝] {text}", flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_system_packages() -> None:
    """Qt's libraries and a CJK font on Debian/Ubuntu; a no-op elsewhere."""
    if WINDOWS or sys.platform == "darwin" or not shutil.which("apt-get"):
        return
    missing = [p for p in APT_PACKAGES if not _dpkg_installed(p)]
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        missing.append(f"python3.{sys.version_info.minor}-venv")
    if not missing:
        return
    say("安装系统依赖：" + " ".join(missing))
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else [])
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run([*sudo, "apt-get", "update", "-qq"], env=env)
    run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                            capture_output=True, text=True)
    return "install ok installed" in result.stdout


def ensure_venv(extras: str) -> Path:
    """.venv with the project and the optional dependencies `extras` ("test", "build",
    "test,build"). Extras installed before are kept in the marker and installed again
    with these, so that CI's `dev.py test` and `build_installer.py` share one .venv
    without each reinstalling what the other asked for."""
    python = venv_python()
    if not python.exists():
        say("创建虚拟环境 .venv")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = str((ROOT / "pyproject.toml").stat().st_mtime_ns)
    had, _, had_stamp = MARKER.read_text().partition(":") if MARKER.exists() else ("", "", "")
    have = {extra for extra in had.split(",") if extra}
    want = {extra for extra in extras.split(",") if extra}
    if had_stamp == stamp and want <= have:
        return python
    want |= have
    say("安装 Python 依赖（第一次需要几分钟）")
    run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    target = f".[{','.join(sorted(want))}]" if want else "."
    run([str(python), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT)
    MARKER.write_text(f"{','.join(sorted(want))}:{stamp}")
    return python


def compile_translations(python: Path) -> None:
    """The English .qm, when the .ts is newer. The app runs in Chinese without it, so a
    failure only warns."""
    ts = ROOT / "resources" / "translations" / "kehubao_en.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return
    if subprocess.call([str(python), str(ROOT / "scripts" / "translations.py"), "release"]) != 0:
        say("英文界面翻译未能编译，界面只有中文（English translation not compiled）")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "guide"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if sys.version_info < (3, 11):  # noqa: UP036 (runs on the system Python, which makes .venv)
        say(f"需要 Python 3.11 或更新版本（当前 {sys.version.split()[0]}）；"
            "Python 3.11+ is required to create .venv")
        return 1
    ensure_system_packages()
    if command == "run":
        python = ensure_venv("")
        compile_translations(python)
        return subprocess.call([str(python), "-m", "kehubao", *rest], cwd=ROOT)
    if command == "guide":  # generated, not kept in git: the help window shows text without them
        python = ensure_venv("")
        return subprocess.call([str(python), str(ROOT / "scripts" / "screenshots.py"), "--guide", *rest],
                               cwd=ROOT)
    python = ensure_venv("test")
    say("ruff（代码检查）")
    lint = subprocess.call([str(python), "-m", "ruff", "check", "src", "tests", "benchmarks",
                            "scripts", "installer"], cwd=ROOT)
    if lint != 0:
        return lint
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
