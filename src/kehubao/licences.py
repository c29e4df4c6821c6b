"""What 客户宝 ships that others made — the report fonts, Python, Qt and the Python
libraries — each with its version and licence, and the licence's full text where one
ships: what the About dialog lists (``ui/about.py``). No Qt here.

Libraries are read from the installed packages' metadata (``importlib.metadata``), so the
list names the versions actually running, and also the libraries they bring along (Pillow
with ReportLab, Mako with Alembic…). The installer's bundle carries that metadata
(``installer/kehubao.spec`` copies it for ``DEPENDENCIES`` and what they require) and
Python's own licence (``resources/licences/python/``). A dependency whose metadata cannot be
found is still listed, with no version, so the list is never silently short.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
import sys
import sysconfig
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import resource_path
from .texts import Text

# [project].dependencies in pyproject.toml, by distribution name (a test keeps the two
# the same; the installer's spec reads pyproject.toml itself).
DEPENDENCIES = (
    "PySide6-Essentials", "SQLAlchemy", "alembic", "platformdirs", "pypinyin", "phonenumbers",
    "charset-normalizer", "openpyxl", "python-calamine", "python-dateutil", "icalendar",
    "tzdata", "borax", "chinesecalendar", "reportlab", "pypdfium2",
)
# Shown first, under the name users know: the language and the toolkit.
QT_DISTRIBUTION = "PySide6-Essentials"
QT_NAME = "Qt / PySide6"
# Qt's wheels carry no licence file: the texts of the licence Qt is used under (LGPL-3.0,
# which is the GPL-3.0 plus its additional permissions), shipped in resources/licences/.
ADDED_TEXTS = {"pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
               "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt")}
PYTHON_LICENCE = "PSF-2.0"

FONT = "font"
LIBRARY = "library"

# A licence file inside a package: by name (LICENSE, LICENCE.rst, COPYING, NOTICE), or
# anything in the wheel's dist-info/licenses/ folder (pypdfium2 names its files
# Apache-2.0.txt, abseil.txt…).
_LICENCE_NAME = re.compile(r"licen[cs]e|copying|notice", re.IGNORECASE)
_CODE_SUFFIXES = frozenset({".py", ".pyc", ".pyi", ".pyd", ".so", ".dll", ".dylib"})
# A License field that is already an SPDX expression ("MIT", "LGPL-3.0-only OR GPL-3.0-only").
_SPDX = re.compile(r"^[A-Za-z0-9.+-]+(?: (?:OR|AND|WITH) [A-Za-z0-9.+-]+)*$")
_LONGEST_LICENCE = 80


@dataclass(frozen=True)
class LicenceFile:
    """One licence text: its name as shown, and how to read it (only when asked: the
    dialog lists forty components and shows one text)."""

    name: str
    read: Callable[[], str] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Component:
    """A font or a library the app ships: ``version`` and ``licence`` are "" when unknown."""

    kind: str  # FONT or LIBRARY
    name: str
    version: str
    licence: str
    files: tuple[LicenceFile, ...] = ()

    def licence_text(self) -> str:
        """The full text of every licence file, each under its name; "" when none ships."""
        parts = []
        for file in self.files:
            try:
                text = file.read()
            except OSError:
                continue
            parts.append(f"==== {file.name} ====\n\n{text.strip()}\n" if len(self.files) > 1
                         else text)
        return "\n\n".join(parts)


def components() -> list[Component]:
    """The fonts, then Python, Qt and the libraries (alphabetically)."""
    return [*fonts(), python(), *libraries()]


def fonts() -> list[Component]:
    """The report fonts in resources/fonts/ (resources/fonts/README.md says where each
    comes from): names made here so they come in the user's language."""
    return [
        _font(Text("文泉驿微米黑"), "0.2.0-beta",
              "Apache-2.0 OR GPL-3.0-or-later WITH Font-exception-2.0",
              "LICENSE-wqy-microhei.txt", "LICENSE-wqy-microhei-Apache-2.0.txt"),
        _font(Text("花园明朝（生僻字，子集）"), "20170904",
              "Hanazono Font License OR OFL-1.1", "LICENSE-hanazono.txt"),
    ]


def _font(name: str, version: str, licence: str, *files: str) -> Component:
    return Component(FONT, name, version, licence,
                     tuple(_file(file, resource_path("fonts", file)) for file in files))


def python() -> Component:
    """The interpreter (in the bundle: the one PyInstaller froze in)."""
    return Component(LIBRARY, "Python", platform.python_version(), PYTHON_LICENCE,
                     tuple(_file("LICENSE.txt", path) for path in _python_licence()[:1]))


def _python_licence() -> list[Path]:
    """Python's LICENSE.txt: copied into the bundle by the installer, else where Python
    keeps it (beside the standard library on Linux and macOS, in its folder on Windows)."""
    candidates = [resource_path("licences", "python", "LICENSE.txt"),
                  Path(sysconfig.get_path("stdlib"), "LICENSE.txt"),
                  Path(sys.base_prefix, "LICENSE.txt")]
    return [path for path in candidates if path.is_file()]


def libraries() -> list[Component]:
    """Qt first, then every other library the app depends on, directly or through
    another one, alphabetically."""
    found = [_library(name, dist) for name, dist in shipped_distributions().items()]
    return sorted(found, key=lambda c: (c.name != QT_NAME, c.name.casefold()))


def shipped_distributions() -> dict[str, metadata.Distribution | None]:
    """DEPENDENCIES and what they require (extras left out), by normalised name; None
    for a dependency whose metadata is missing."""
    found: dict[str, metadata.Distribution | None] = {}
    todo = list(DEPENDENCIES)
    while todo:
        name = todo.pop(0)
        key = normalise(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            if name in DEPENDENCIES:
                found[key] = None
            continue  # a requirement for another Python or platform: not installed
        found[key] = dist
        todo += list(_required(dist))
    return found


def _required(dist: metadata.Distribution) -> Iterator[str]:
    for requirement in dist.requires or ():
        spec, _, marker = requirement.partition(";")
        if marker.strip() and not _applies(marker.strip()):
            continue
        if match := re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec):
            yield match.group(1)


def _applies(marker: str) -> bool:
    """Whether a requirement's environment marker holds here; an extra never does (the
    app installs none)."""
    if "extra" in marker:
        return False
    try:
        from packaging.markers import Marker
    except ImportError:  # not in the bundle: the distribution is then looked up anyway
        return True
    try:
        return Marker(marker).evaluate()
    except Exception:  # noqa: BLE001 - a marker we cannot read: look the package up
        return True


def normalise(name: str) -> str:
    """PEP 503's normal form of a distribution name: PySide6_Essentials = pyside6-essentials."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _library(key: str, dist: metadata.Distribution | None) -> Component:
    if dist is None:
        name = next(name for name in DEPENDENCIES if normalise(name) == key)
        return Component(LIBRARY, QT_NAME if name == QT_DISTRIBUTION else name, "", "")
    name = dist.metadata["Name"] or key
    files = [*_dist_licence_files(dist),
             *(_file(text, resource_path("licences", text)) for text in ADDED_TEXTS.get(key, ()))]
    return Component(LIBRARY, QT_NAME if key == normalise(QT_DISTRIBUTION) else name,
                     dist.version or "", licence_of(dist.metadata), tuple(files))


def licence_of(meta: metadata.PackageMetadata) -> str:
    """The licence a package declares: its License-Expression, else an SPDX License
    field, else its licence classifiers, else the first line of its License field."""
    if expression := (meta.get("License-Expression") or "").strip():
        return expression
    declared = (meta.get("License") or "").strip()
    if len(declared) <= _LONGEST_LICENCE and _SPDX.match(declared):
        return declared
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::") and c.count("::") >= 2]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    first = declared.splitlines()[0].strip() if declared else ""
    return first if len(first) <= _LONGEST_LICENCE else first[:_LONGEST_LICENCE - 1] + "…"


def _dist_licence_files(dist: metadata.Distribution) -> Iterator[LicenceFile]:
    """The licence files a package installed: those in its dist-info folder (every
    wheel's, and all a bundle carries), then any in the package itself."""
    seen: set[Path] = set()
    for entry in sorted(dist.files or (), key=lambda f: (".dist-info/" not in f.as_posix(),
                                                           f.as_posix())):
        posix = entry.as_posix()
        _dist_info, _, inside = posix.partition(".dist-info/")
        if entry.suffix in _CODE_SUFFIXES or not (
                _LICENCE_NAME.search(entry.name) or inside.startswith("licenses/")):
            continue
        path = Path(str(entry.locate()))
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        shown = inside.removeprefix("licenses/") if inside else posix
        yield _file(shown, path)


def _file(name: str, path: Path) -> LicenceFile:
    return LicenceFile(name, lambda: path.read_text(encoding="utf-8", errors="replace"))
