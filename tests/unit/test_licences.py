"""The list the About dialog shows: every font and library the app ships, with the
version running and its licence, read from the packages' own metadata."""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
import tomllib
from email.message import Message
from pathlib import Path

import pytest

from kehubao import licences
from kehubao.config import resource_path

ROOT = Path(__file__).resolve().parents[2]


def by_name() -> dict[str, licences.Component]:
    return {c.name.casefold(): c for c in licences.components()}


def test_the_dependencies_are_pyprojects() -> None:
    """A dependency added to pyproject.toml is listed (and so bundled with its metadata)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.match(r"[A-Za-z0-9._-]+", spec).group(0) for spec in project["dependencies"]]
    assert list(licences.DEPENDENCIES) == names


def test_every_dependency_with_its_running_version_and_licence() -> None:
    listed = by_name()
    for name in licences.DEPENDENCIES:
        shown = licences.QT_NAME if name == licences.QT_DISTRIBUTION else name
        component = listed[shown.casefold()]
        assert component.kind == licences.LIBRARY
        assert component.version == metadata.version(name)
        assert component.licence, name
    assert listed["reportlab"].licence == "BSD License"  # a classifier, not the long field
    assert "Copyright" in listed["reportlab"].licence_text()
    assert listed["sqlalchemy"].licence == "MIT"
    assert "Permission is hereby granted" in listed["sqlalchemy"].licence_text()


def test_qt_is_named_and_carries_the_lgpl() -> None:
    qt = by_name()[licences.QT_NAME.casefold()]
    assert "PySide6" in qt.name and qt.version == metadata.version("PySide6-Essentials")
    assert "LGPL-3.0" in qt.licence
    text = qt.licence_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text


def test_python_first_after_the_fonts() -> None:
    found = licences.components()
    kinds = [c.kind for c in found]
    assert kinds == sorted(kinds, key=lambda kind: kind != licences.FONT)
    first_library = found[kinds.index(licences.LIBRARY)]
    assert (first_library.name, first_library.version) == ("Python", platform.python_version())
    assert found[kinds.index(licences.LIBRARY) + 1].name == licences.QT_NAME
    if first_library.files:  # where this Python keeps its LICENSE.txt
        assert "PYTHON SOFTWARE FOUNDATION LICENSE" in first_library.licence_text()


def test_what_the_dependencies_bring_along_but_not_their_extras() -> None:
    listed = by_name()
    assert {"pillow", "mako", "shiboken6"} <= set(listed)  # reportlab, alembic, PySide6
    assert not {"pytest", "asyncpg", "greenlet", "babel"} & set(listed)  # extras only


def test_the_fonts_and_their_licence_files() -> None:
    fonts = [c for c in licences.components() if c.kind == licences.FONT]
    assert len(fonts) == 2 and all(c.version and c.licence for c in fonts)
    assert "Apache-2.0" in fonts[0].licence and "OFL-1.1" in fonts[1].licence
    for font in fonts:
        assert font.files and all(resource_path("fonts", f.name).is_file() for f in font.files)
        assert len(font.licence_text()) > 1000
    shipped = {path.name for path in resource_path("fonts").glob("LICENSE*")}
    assert shipped == {f.name for font in fonts for f in font.files}  # none forgotten
    assert "Hanazono Font License" in fonts[1].licence_text()


def test_several_files_each_under_its_name() -> None:
    tzdata = by_name()["tzdata"]
    assert len(tzdata.files) >= 2
    assert all(f"==== {f.name} ====" in tzdata.licence_text() for f in tzdata.files)


def test_a_missing_dependency_is_still_listed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(licences, "DEPENDENCIES", (*licences.DEPENDENCIES, "no-such-library-x"))
    missing = by_name()["no-such-library-x"]
    assert (missing.version, missing.licence, missing.licence_text()) == ("", "", "")


def metadata_of(**fields: str | list[str]) -> Message:
    meta = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = item
    return meta


@pytest.mark.parametrize(("fields", "licence"), [
    ({"License_Expression": "MIT", "License": "whatever"}, "MIT"),
    ({"License": "LGPL-3.0-only OR GPL-3.0-only",
      "Classifier": ["License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)"]},
     "LGPL-3.0-only OR GPL-3.0-only"),
    ({"License": "Dual License", "Classifier": ["License :: OSI Approved :: BSD License",
                                                "License :: OSI Approved :: Apache Software License",
                                                "Programming Language :: Python"]},
     "BSD License / Apache Software License"),
    ({"License": "Free for all\n\nthe long text follows"}, "Free for all"),
    ({"License": "x" * 200}, "x" * 79 + "…"),
    ({"License": "BSD " * 40}, ("BSD " * 20)[:79] + "…"),
    ({}, ""),
])
def test_the_declared_licence(fields: dict, licence: str) -> None:
    assert licences.licence_of(metadata_of(**fields)) == licence  # type: ignore[arg-type]


def test_no_qt_here() -> None:
    """The list is gathered without Qt (the dialog only shows it)."""
    source = Path(licences.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) PySide6", source, re.M)
