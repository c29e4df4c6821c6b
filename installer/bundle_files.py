"""The files the PyInstaller bundle must carry besides the code: one list, read by
installer/kehubao.spec and checked by tests/unit/test_bundle_files.py.

- resources/ (icons, report fonts, templates, the user guide with its generated
  screenshots, the compiled English kehubao_en.qm) lands in
  ``_MEIPASS/resources``, the first place ``config.resources_dir`` looks in a bundle;
- the Alembic migrations are read as files at run time (db.py's revision chain and
  Alembic's env.py), so they ship as source under ``kehubao/migrations``, beside where the
  frozen ``kehubao/db`` module believes it lives;
- Qt's own Chinese translation (qtbase_zh_CN.qm: OK/Cancel, Yes/No, the file dialog), in
  the folder ``ui/i18n.qt_translations_dirs`` looks in under ``_MEIPASS``;
- for the About dialog's licences (``kehubao/licences.py``): Python's LICENSE.txt, in
  ``resources/licences/python``; the fonts' licences are in resources/fonts already, and
  the libraries' metadata (version, licence, licence files) is copied by the spec for
  ``metadata_distributions()`` and what they require.

Generated files are required, not optional: a bundle built without them would start and
quietly speak the wrong language, so a missing one stops the build here.
"""

from __future__ import annotations

import re
import sys
import sysconfig
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Qt's translations the bundle needs: Chinese is the UI's source language, but Qt's own
# buttons and dialogs are English source text.
QT_TRANSLATIONS = ("qtbase_zh_CN.qm",)
UNNEEDED_BINARIES = frozenset({"opengl32sw.dll"})
# Made by the build, not committed: the English UI (`scripts/translations.py release`) and
# the user guide's screenshots (`scripts/screenshots.py --guide`), a folder per language.
GENERATED = (Path("resources", "translations", "kehubao_en.qm"),
             Path("resources", "guide", "img", "zh"), Path("resources", "guide", "img", "en"))


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) pairs, for PyInstaller's ``datas``."""
    if missing := [str(path) for path in GENERATED if not _made(root / path)]:
        raise FileNotFoundError("generate these before bundling (scripts/translations.py "
                                f"release, scripts/screenshots.py --guide): {missing}")
    datas = _tree(root / "resources", "resources", skip_suffixes={".ts"})
    datas += _tree(root / "src" / "kehubao" / "migrations", "kehubao/migrations")
    datas += qt_translation_files()
    datas += python_licence_files()
    return datas


def metadata_distributions(root: Path = ROOT) -> list[str]:
    """The app's runtime dependencies, by distribution name, from pyproject.toml: the
    spec copies their metadata, and that of what they require, into the bundle, where
    the About dialog reads each one's version, licence and licence files."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.match(r"[A-Za-z0-9._-]+", spec) for spec in project["dependencies"]]
    return [name.group(0) for name in names if name]


def python_licence_files() -> list[tuple[str, str]]:
    """The LICENSE.txt of the Python being bundled (beside its standard library on Linux
    and macOS, in its folder on Windows), where ``kehubao/licences.py`` looks first; none
    when this Python carries no copy (the About dialog then names the licence only)."""
    for path in (Path(sysconfig.get_path("stdlib"), "LICENSE.txt"),
                 Path(sys.base_prefix, "LICENSE.txt")):
        if path.is_file():
            return [(str(path), "resources/licences/python")]
    return []


def qt_translation_files() -> list[tuple[str, str]]:
    """Qt's .qm files from the PySide6 being bundled, into the same folder below PySide6
    that PyInstaller's own Qt hook uses (PySide6/Qt/translations on Linux,
    PySide6/translations on Windows), so the two never make two copies."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)).resolve()
    site = Path(PySide6.__file__).resolve().parent.parent
    files = [folder / name for name in QT_TRANSLATIONS]
    if missing := [str(path) for path in files if not path.is_file()]:
        raise FileNotFoundError(f"PySide6 ships no {missing}")
    return [(str(path), folder.relative_to(site).as_posix()) for path in files]


def _made(path: Path) -> bool:
    return path.is_file() or (path.is_dir() and any(path.iterdir()))


def keep(dest: str) -> bool:
    """Whether a file PyInstaller's hooks collected belongs in the bundle (its path inside
    the bundle). Left out: Qt's translations into the languages the app does not offer
    (the hook takes all, ~7 MB; the app needs QT_TRANSLATIONS only), and on Windows
    opengl32sw.dll (~20 MB), Qt's software OpenGL, which a widgets app that never asks
    for an OpenGL context does not load."""
    path = Path(dest)
    if path.suffix == ".qm" and "translations" in path.parts and path.parts[0] == "PySide6":
        return path.name in QT_TRANSLATIONS
    return path.name.lower() not in UNNEEDED_BINARIES


def _tree(folder: Path, target: str, skip_suffixes: frozenset[str] | set[str] = frozenset()
          ) -> list[tuple[str, str]]:
    """Every file under ``folder`` (not caches, not the skipped suffixes), each with its
    folder below ``target``."""
    found = []
    for path in sorted(folder.rglob("*")):
        if (not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc"
                or path.suffix in skip_suffixes):
            continue
        relative = path.parent.relative_to(folder)
        found.append((str(path), (Path(target) / relative).as_posix()))
    return found
