"""Developer tool: keep the English translation file in step with the Chinese source text.

    python scripts/translations.py update    # refresh resources/translations/kehubao_en.ts
    python scripts/translations.py release   # compile kehubao_en.qm next to it (run, build)

lupdate reads every ``self.tr()``, ``translate()`` and ``QT_TRANSLATE_NOOP()`` of the UI.
Labels defined below the UI (enum choices, import field names) are not Qt code, so this
script writes them into a scratch file of ``QT_TRANSLATE_NOOP("labels", ...)`` lines that
lupdate reads too; the UI translates them through ``kehubao.ui.i18n.label``. Translators
open the .ts file in Qt Linguist (``pyside6-linguist``). The .qm is generated, not kept.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "translations" / "kehubao_en.ts"


def lower_layer_labels() -> list[str]:
    """Every label the UI shows from models and exchange, each once, in a stable order.
    (Imported here: `release`, run at every `dev.py run`, needs none of it.)"""
    from kehubao.backups.policy import BACKING_UP
    from kehubao.backups.store import REASON_LABELS
    from kehubao.exchange.fields import FIELD_LABELS
    from kehubao.exchange.importer import PROGRESS_TEXTS
    from kehubao.models import enums
    from kehubao.services.advice import CLASS_STRATEGY
    from kehubao.services.evaluation.transaction_import import FIELDS as TRANSACTION_FIELDS
    from kehubao.services.followups.holidays import HOLIDAY_NAMES

    texts: list[str] = []
    for _name, enum in inspect.getmembers(enums, inspect.isclass):
        if issubclass(enum, enums.LabelledEnum) and enum is not enums.LabelledEnum:
            texts += [text for _code, text in enum.choices()]
    texts += FIELD_LABELS.values()
    texts += PROGRESS_TEXTS
    texts += CLASS_STRATEGY.values()
    texts += [text for text, _spellings in TRANSACTION_FIELDS.values()]
    texts += HOLIDAY_NAMES.values()
    texts += REASON_LABELS.values()
    texts.append(BACKING_UP)
    texts += shown_sentences()
    return list(dict.fromkeys(texts))


# Calls whose first argument is a sentence shown to the user (kehubao/texts.py): a Text,
# a marked constant, or an error meant for the user (all UserError classes end in Error,
# Rejected or are named below; a non-user exception's message is never shown translated).
_SENTENCE_CALLS = {"Text", "noop", "UserError", "ValidationError", "DatabaseLocationError",
                   "DatabaseDamagedError", "TableReadError", "ImportRejected"}


def shown_sentences(root: Path = ROOT / "src" / "kehubao") -> list[str]:
    """Every literal template of a ``Text(...)``, ``noop(...)`` or user error below the UI
    (the UI marks its own texts with ``tr()``), and every ``FieldSpec`` label (which its
    validation messages name), in file order."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] in ("ui", "cli"):  # tr(); Chinese terminal
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and node.args
                    and _called_name(node.func) in _SENTENCE_CALLS
                    and isinstance(first := node.args[0], ast.Constant)
                    and isinstance(first.value, str) and first.value):
                found.append(first.value)
            elif (isinstance(node, ast.Call) and _called_name(node.func) == "FieldSpec"
                    and len(node.args) > 1 and isinstance(label := node.args[1], ast.Constant)
                    and isinstance(label.value, str)):
                found.append(label.value)  # a field's label, named in its messages
    return found


def _called_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def tool(name: str) -> str:
    """The PySide6 wrapper next to this interpreter (pyside6-lupdate, pyside6-lrelease)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def update(ts_file: Path = TS_FILE) -> None:
    sources = sorted(str(p) for p in (ROOT / "src" / "kehubao" / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "labels.py"
        scratch.write_text("".join(f"QT_TRANSLATE_NOOP({'labels'!r}, {text!r})\n"
                                   for text in lower_layer_labels()), encoding="utf-8")
        ts_file.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("pyside6-lupdate"), *sources, str(scratch), "-locations", "none",
                        "-no-obsolete", "-source-language", "zh_CN", "-target-language", "en",
                        "-ts", str(ts_file)], check=True)


def release(ts_file: Path = TS_FILE, qm_file: Path | None = None) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm",
                    str(qm_file or ts_file.with_suffix(".qm"))], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "release"])
    args = parser.parse_args()
    update() if args.command == "update" else release()


if __name__ == "__main__":
    main()
