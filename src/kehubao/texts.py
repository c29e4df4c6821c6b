"""Sentences the layers below the UI say to the user, in the user's language.

Services, imports, backups and checks explain themselves in Chinese (the source language)
and know nothing of Qt. A message they show is built as ``Text("号码“{raw}”无法识别",
raw=value)``: a ``str`` (so joins, JSON and tests treat it as one) that also keeps its
template and arguments. The UI installs a translator once (``ui/i18n``); from then on a
``Text`` is made in the user's language from the start — translated template, arguments
filled in — whichever thread makes it. Without a translator (the CLI, unit tests) it stays
Chinese. ``scripts/translations.py`` finds every ``Text(...)`` and ``UserError(...)``
template in the source and lists it for the translator, in the one ``labels`` context.

Only for what is *shown*: a text stored in the database, or compared against, is a code
or the user's own words, never a ``Text``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_translate: Callable[[str], str] | None = None
_language = "zh"


def install(translate: Callable[[str], str] | None, language: str = "zh") -> None:
    """Translate every ``Text`` made from now on with ``translate`` (None: Chinese), into
    ``language`` (its code, for whoever stores texts and must know they are stale)."""
    global _translate, _language
    _translate = translate
    _language = language if translate is not None else "zh"


def language() -> str:
    """The code of the language a ``Text`` made now is in ("zh" without a translator)."""
    return _language


def _filled(template: str, args: dict[str, Any]) -> str:
    return template.format(**args) if args else template


class Text(str):
    """A shown sentence: its value is the sentence in the user's language; ``template``
    and ``args`` are what it was made of (to re-render or test it)."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> Text:
        shown = _filled(template, args)
        if _translate is not None:
            try:  # a translation with other placeholders than the source's keeps Chinese
                shown = _filled(_translate(template), args)
            except (KeyError, IndexError, ValueError):
                pass
        self = super().__new__(cls, shown)
        self.template, self.args = template, args
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again where it lands, in that process's language (a worker has none).
        return _remade, (self.template, self.args)


def _remade(template: str, args: dict[str, Any]) -> Text:
    return Text(template, **args)


_known: dict[str, Callable[[str], str]] = {}  # languages a Text can also be shown in


def know(language: str, translate: Callable[[str], str]) -> None:
    """Let ``renderings`` show a ``Text`` in ``language`` too (the UI registers the
    translations it ships, whichever is in use)."""
    _known[language] = translate


def renderings(text: str) -> set[str]:
    """``text`` as this process can show it in each language it knows, Chinese always:
    to recognise a sentence the program made earlier, in whatever language, and tell it
    from one the user wrote. A plain ``str`` is only itself."""
    if not isinstance(text, Text):
        return {text}
    return {str(text), _render(text, _same), *(_render(text, t) for t in _known.values())}


def _same(template: str) -> str:
    return template


def _render(text: Text, translate: Callable[[str], str]) -> str:
    args = {key: _render(value, translate) if isinstance(value, Text) else value
            for key, value in text.args.items()}
    try:
        return _filled(translate(text.template), args)
    except (KeyError, IndexError, ValueError):
        return _filled(text.template, args)


def noop(template: str) -> str:
    """Marks a constant sentence for the translator where it is defined; ``Text(value)``
    translates it where it is shown."""
    return template
