"""`kehubao --language en …`: a database the CLI creates gets the English starter set (the
scripts and the evaluation template); Chinese by default; an existing database keeps the
language it has."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select


def _starter(path: Path) -> tuple[object, str, str]:
    """(the remembered language, a starter script's title, the template's name)."""
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.models import EvaluationTemplate, ObjectionScript, Setting

    db = open_database(str(path))
    try:
        with db.session(write=False) as s:
            title = s.scalar(select(ObjectionScript.title)
                             .where(ObjectionScript.builtin_key == "price-too-high"))
            return (s.get(Setting, "starter_language").value, title,
                    s.scalar(select(EvaluationTemplate.name)))
    finally:
        db.dispose()


def test_language_en_creates_an_english_starter_set(cli, tmp_path: Path) -> None:
    english, chinese = tmp_path / "en.db", tmp_path / "zh.db"
    cli.json("--language", "en", "--db", str(english), "demo", "--customers", "3", "--json")
    cli.json("--db", str(chinese), "demo", "--customers", "0", "--json")
    assert _starter(english) == ("en", "Your prices are too high", "Dealer evaluation (standard)")
    assert _starter(chinese) == ("zh", "你们的价格太高了", "经销商综合评价（标准）")
    found = cli.json("--db", str(english), "scripts", "search", "too expensive", "--json")
    assert found["results"][0]["title"] == "Your prices are too high"
    # an existing database keeps its language
    cli.json("--language", "en", "--db", str(chinese), "info", "--json")
    assert _starter(chinese)[0] == "zh"


def test_language_must_be_known(cli, tmp_path: Path) -> None:
    result = cli("--language", "fr", "--db", str(tmp_path / "x.db"), "demo")
    assert result.returncode == 2 and "--language" in result.stderr
    assert not (tmp_path / "x.db").exists()
    assert "--language {zh,en}" in cli("--help").stdout
