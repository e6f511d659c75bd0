"""Compositional detection: a target with an evaluation of it, read with the real tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from sign_detect import Composer, ConfigError, SignScorer, score_text
from sign_detect.text.tokenizer import Tokenizer


@pytest.mark.parametrize(
    ("text", "category", "target", "evaluation"),
    [
        ("課長がずっとピリピリしてる", "supervisor", "課長", "ピリピリ"),
        ("係長の口調がいつもとげとげしい", "supervisor", "口調", "とげとげしい"),
        ("同じ班の人がよそよそしい", "coworkers", "人", "よそよそしい"),
        ("冷たい先輩がいてしんどい", "coworkers", "先輩", "冷たい"),
        ("パートさんに無視されてる気がする", "coworkers", "", ""),
        ("検品の作業が全然回らない", "workload", "作業", "回ら"),
        ("睡眠薬が効かなくなってきた", "medication", "薬", "効か"),
        ("抗うつ薬が全然効かない", "medication", "薬", "効か"),
        ("胸がざわざわして落ち着かない", "mood", "胸", "ざわざわ"),
    ],
)
def test_target_and_evaluation_make_a_sign(
    text: str, category: str, target: str, evaluation: str
) -> None:
    hits = [h for h in score_text(text).hits if h.category == category and h.is_sign]
    assert hits, score_text(text).detected
    if target:
        composed = [h for h in hits if h.source == "composed"]
        assert [(h.target, h.evaluation) for h in composed][:1] == [(target, evaluation)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("会社行きたくねー", "quit_intent"),
        ("出勤したくねぇわ", "quit_intent"),
        ("明日から働きたくないなあ", "quit_intent"),
        ("職場に戻りたくない", "quit_intent"),
        ("操作がぜんぜん覚えられない", "workload"),
        ("週末だけでは回復しきれない", "fatigue"),
        ("この会社は続けられそうにない", "quit_intent"),
        ("なんだか悲しくて仕方ない", "mood"),
    ],
)
def test_predicate_classes(text: str, category: str) -> None:
    assert category in score_text(text).detected


@pytest.mark.parametrize(
    "text",
    [
        "課長は厳しくない",  # a negative evaluation, negated
        "先輩はみんな優しい",
        "作業は順調に回っている",  # an ability, affirmed
        "薬はよく効いている",
        "職場の人とは話しやすい",
        "上司に褒められた",
        "会社に行くのが楽しみ",
    ],
)
def test_healthy_compositions_are_no_sign(text: str) -> None:
    assert score_text(text).detected == []


def test_composed_hit_names_its_words_and_span() -> None:
    text = "最近、班長の態度がよそよそしい"
    hit = next(h for h in score_text(text).hits if h.source == "composed")
    assert hit.category == "supervisor"
    assert text[hit.start : hit.end] == hit.surface
    assert hit.target == "態度" and hit.evaluation == "よそよそしい"
    assert hit.status == "sign" and hit.polarity == "symptom"


def test_an_ability_hit_says_it_is_a_sign() -> None:
    hit = score_text("作業が全然回らない").hits[0]
    assert hit.negated and hit.polarity == "ability"
    assert hit.status == "sign" and hit.is_sign


def test_office_composition_file_extends_the_shipped_lists(
    tmp_path: Path, tokenizer: Tokenizer
) -> None:
    office = tmp_path / "office.toml"
    office.write_text('[targets]\nsupervisor = ["ジョブコーチ"]\n', encoding="utf-8")
    scorer = SignScorer(composer=Composer.from_toml(office), tokenizer=tokenizer)
    assert scorer.score("ジョブコーチがピリピリしている").detected == ["supervisor"]
    assert scorer.score("課長がピリピリしている").detected == ["supervisor"]  # still shipped


def test_office_composition_file_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[targets\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        Composer.from_toml(broken)
