"""A sentence from below the UI is a str in the user's language that keeps its template:
Chinese without a translator, translated once one is installed, Chinese again when the
translation's placeholders do not fit, and the same after crossing to a worker process."""

from __future__ import annotations

import json
import pickle

import pytest

from kehubao import texts
from kehubao.errors import UserError, ValidationError
from kehubao.texts import Text

ENGLISH = {"号码“{raw}”无法识别": "Number \"{raw}\" not understood",
           "客户“{name}”不存在": "Customer \"{wrong}\" does not exist",
           "手机": "Mobile", "{field}不对": "{field} is wrong"}


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    before = texts._translate
    texts.install(lambda template: ENGLISH.get(template, template))
    yield
    texts.install(before)


def test_chinese_without_a_translator() -> None:
    before = texts._translate
    texts.install(None)
    try:
        text = Text("号码“{raw}”无法识别", raw="12a")
    finally:
        texts.install(before)
    assert text == "号码“12a”无法识别" and isinstance(text, str)
    assert (text.template, text.args) == ("号码“{raw}”无法识别", {"raw": "12a"})


def test_translated_with_its_arguments_and_nested_texts(english: None) -> None:
    assert Text("号码“{raw}”无法识别", raw="12a") == 'Number "12a" not understood'
    assert Text("{field}不对", field=Text("手机")) == "Mobile is wrong"
    assert Text("没有翻译的句子") == "没有翻译的句子"


def test_a_translation_with_other_placeholders_keeps_the_chinese(english: None) -> None:
    assert Text("客户“{name}”不存在", name="甲") == "客户“甲”不存在"


def test_survives_pickle_and_json(english: None) -> None:
    text = Text("号码“{raw}”无法识别", raw="12a")
    again = pickle.loads(pickle.dumps(text))
    assert again == text and again.template == text.template and again.args == {"raw": "12a"}
    assert json.loads(json.dumps({"w": text})) == {"w": 'Number "12a" not understood'}


def test_user_errors_are_texts(english: None) -> None:
    assert str(UserError("号码“{raw}”无法识别", raw="x")) == 'Number "x" not understood'
    err = ValidationError("{field}不对", {"mobile": "bad"}, field=Text("手机"))
    assert str(err) == "Mobile is wrong" and err.fields == {"mobile": "bad"}
    wrapped = UserError(err.args[0])  # passing a message on keeps it as it is
    assert str(wrapped) == "Mobile is wrong"


def test_advice_is_translatable_and_keeps_the_users_words_apart() -> None:
    from types import SimpleNamespace

    from kehubao.services.advice import EMOTION_ADVICE, advice_for

    fields = dict.fromkeys(["last_emotion", "decision_role", "age_band", "home_region",
                            "culture_level", "gender", "personality", "communication_style",
                            "needs", "preferences"])
    contact = SimpleNamespace(**{**fields, "last_emotion": "anger", "personality": "爽快"})
    mood, personality = advice_for(contact)  # type: ignore[arg-type]
    assert isinstance(mood.topic, Text) and mood.topic.template == "上次情绪：{mood}"
    assert mood.text.template == EMOTION_ADVICE["anger"] and not mood.observed
    assert personality.observed and personality.text == "爽快" and not isinstance(
        personality.text, Text)
