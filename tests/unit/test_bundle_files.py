"""The installer's bundle carries what the app reads as files at run time: the spec's
datas come from installer/bundle_files.py, and that list must hold the resources, every
Alembic migration and Qt's own Chinese translation, at the places the frozen app looks."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installer" / "kehubao.spec"


def load_bundle_files():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bundle_files",
                                                  ROOT / "installer" / "bundle_files.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mirror(source: Path, target: Path) -> None:
    """``source``'s files under ``target``, linked where the system allows (fonts are large)."""
    for path in source.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            try:
                copy.symlink_to(path)
            except OSError:
                shutil.copyfile(path, copy)


@pytest.fixture
def datas(tmp_path: Path) -> dict[str, str]:
    """bundle_files.data_files() on a copy of this checkout's resources and migrations,
    with a stand-in for the generated English .qm (made by the build, not committed; the
    checkout itself is not written to)."""
    root = tmp_path / "checkout"
    mirror(ROOT / "resources", root / "resources")
    mirror(ROOT / "src" / "kehubao" / "migrations", root / "src" / "kehubao" / "migrations")
    qm = root / "resources" / "translations" / "kehubao_en.qm"
    qm.unlink(missing_ok=True)
    qm.write_bytes(b"stand-in")
    for language in ("zh", "en"):
        shots = root / "resources" / "guide" / "img" / language
        shutil.rmtree(shots, ignore_errors=True)
        shots.mkdir(parents=True)
        (shots / "welcome.png").write_bytes(b"stand-in")
    pairs = load_bundle_files().data_files(root)
    return {Path(source).relative_to(root).as_posix() if Path(source).is_relative_to(root)
            else Path(source).name: target for source, target in pairs}


def test_spec_takes_its_datas_from_the_shared_list() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    datas = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "datas" for t in node.targets))
    calls = {node.value.func.id for node in ast.walk(datas)
             if isinstance(node, ast.Starred) and isinstance(node.value, ast.Call)
             and isinstance(node.value.func, ast.Name)}
    assert "data_files" in calls
    analysis = next(node for node in ast.walk(tree) if isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name) and node.func.id == "Analysis")
    assert any(k.arg == "datas" and isinstance(k.value, ast.Name) and k.value.id == "datas"
               for k in analysis.keywords)


def test_resources_land_where_config_looks_in_a_bundle(datas: dict[str, str]) -> None:
    for name in ("resources/icons/app.svg", "resources/fonts/wqy-microhei.ttc",
                 "resources/fonts/KehubaoHanB.ttf.xz", "resources/data/evaluation_template.json",
                 "resources/translations/kehubao_en.qm", "resources/guide/zh/first-steps.html",
                 "resources/guide/en/first-steps.html", "resources/guide/img/zh/welcome.png"):
        assert datas[name] == str(Path(name).parent.as_posix())
    assert "resources/translations/kehubao_en.ts" not in datas  # the source, not needed


def test_every_migration_ships_as_a_file(datas: dict[str, str]) -> None:
    migrations = ROOT / "src" / "kehubao" / "migrations"
    expected = {path.relative_to(ROOT).as_posix() for path in migrations.rglob("*")
                if path.is_file() and "__pycache__" not in path.parts}
    assert {"src/kehubao/migrations/env.py", "src/kehubao/migrations/script.py.mako"} <= expected
    shipped = {name for name in datas if name.startswith("src/kehubao/migrations/")}
    assert shipped == expected
    # db.py finds them beside its own module: kehubao/migrations inside the bundle.
    assert datas["src/kehubao/migrations/env.py"] == "kehubao/migrations"
    assert all(datas[name] == "kehubao/migrations/versions"
               for name in expected if "/versions/" in name)


def test_qts_chinese_translation_goes_where_i18n_looks(datas: dict[str, str]) -> None:
    target = datas["qtbase_zh_CN.qm"]
    # ui/i18n.qt_translations_dirs() under sys._MEIPASS
    looked_in = ("PySide6/Qt/translations", "PySide6/translations", "translations")
    assert target in looked_in
    assert target == ("PySide6/translations" if sys.platform == "win32"
                      else "PySide6/Qt/translations")


def test_a_bundle_without_the_generated_files_is_refused(tmp_path: Path) -> None:
    """No English .qm or no guide screenshots: the build stops rather than ship a bundle
    that quietly lacks them."""
    module = load_bundle_files()
    with pytest.raises(FileNotFoundError, match="kehubao_en.qm") as refused:
        module.data_files(tmp_path)
    assert "img/zh" in str(refused.value).replace("\\", "/")


def test_only_the_qt_translation_the_app_loads_is_kept() -> None:
    keep = load_bundle_files().keep
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/translations/qtbase_zh_CN.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/translations/qt_help_zh_CN.qm")
    assert keep("resources/translations/kehubao_en.qm")  # ours, not Qt's
    assert not keep("PySide6/opengl32sw.dll")
    assert keep("PySide6/Qt6Widgets.dll") and keep("PySide6/Qt/lib/libQt6Gui.so.6")


def test_the_licences_travel_with_the_bundle(datas: dict[str, str]) -> None:
    """What the About dialog shows in full (kehubao/licences.py): the fonts' licences,
    the LGPL for Qt, and Python's own, each where the frozen app looks."""
    for name in ("LICENSE-wqy-microhei.txt", "LICENSE-wqy-microhei-Apache-2.0.txt",
                 "LICENSE-hanazono.txt"):
        assert datas[f"resources/fonts/{name}"] == "resources/fonts"
    assert datas["resources/licences/LGPL-3.0.txt"] == "resources/licences"
    assert datas["resources/licences/GPL-3.0.txt"] == "resources/licences"
    if load_bundle_files().python_licence_files():  # this Python carries its LICENSE.txt
        assert datas["LICENSE.txt"] == "resources/licences/python"


def test_the_spec_copies_the_metadata_of_every_dependency() -> None:
    """The libraries' versions and licences are read from their metadata, which a frozen
    app has only if the spec copies it: for each dependency, and what it requires."""
    from kehubao import licences

    assert load_bundle_files().metadata_distributions() == list(licences.DEPENDENCIES)
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    copies = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
              and isinstance(node.func, ast.Name) and node.func.id == "copy_metadata"]
    assert copies and all(any(k.arg == "recursive" and getattr(k.value, "value", None) is True
                              for k in call.keywords) for call in copies)
    loops = [node for node in ast.walk(tree) if isinstance(node, ast.comprehension)
             and isinstance(node.iter, ast.Call) and getattr(node.iter.func, "id", "")
             == "metadata_distributions"]
    assert loops
