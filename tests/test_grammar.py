"""The grammar's configuration, token classes and rules, with the real tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from sign_detect import ConfigError, Grammar, SignScorer, Tokenizer, score_text
from sign_detect.text.grammar import rules
from sign_detect.text.grammar.classes import LIST_MARKER, NEGATION, PERSON, SUBJECT


def _flags(text: str, tokenizer: Tokenizer) -> tuple[list[str], list[int]]:
    tokens = tokenizer.tokenize(text)
    return [t.surface for t in tokens], Grammar.default().flags(tokens)


def test_classes_name_negation_lists_persons_and_subjects(tokenizer: Tokenizer) -> None:
    words, flags = _flags("母も頭痛や吐き気はない", tokenizer)
    bits = dict(zip(words, flags, strict=True))
    assert bits["母"] & PERSON and bits["も"] & SUBJECT
    assert bits["や"] & LIST_MARKER
    assert bits["ない"] & NEGATION


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("眠れない", 1),
        ("疲れていないわけではない", 2),
        ("頭痛も吐き気もない", 1),
        ("だるさが抜けない", 0),  # the negation belongs to the recovery
    ],
)
def test_negation_scope(text: str, count: int, tokenizer: Tokenizer) -> None:
    _, flags = _flags(text, tokenizer)
    assert rules.negation_scope(flags, 0)[0] == count


def test_other_subject_finds_the_person(tokenizer: Tokenizer) -> None:
    tokens = tokenizer.tokenize("妹が熱を出して寝込んでいる")
    flags = Grammar.default().flags(tokens)
    cue = rules.span(flags, 5, 5)  # 寝込ん
    assert tokens[rules.other_subject(tokens, flags, cue)].surface == "妹"


def test_an_office_grammar_file_is_validated_by_section(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[1] / "src" / "sign_detect" / "data" / "grammar.toml"
    text = shipped.read_text("utf-8")
    broken = tmp_path / "office.toml"
    broken.write_text(text.replace("hedged = 0.6", 'hedged = "much"'), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"strength\.hedged"):
        Grammar.from_toml(broken)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text(text + '\n[moods]\nx = ["y"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="moods"):
        Grammar.from_toml(unknown)


def test_an_office_grammar_changes_what_is_read(tmp_path: Path, tokenizer: Tokenizer) -> None:
    shipped = Path(__file__).parents[1] / "src" / "sign_detect" / "data" / "grammar.toml"
    text = shipped.read_text("utf-8")
    text = text.replace('persons = ["母",', 'persons = ["ルームメイト", "母",')
    office = tmp_path / "office.toml"
    office.write_text(text, encoding="utf-8")
    scorer = SignScorer(grammar=Grammar.from_toml(office), tokenizer=tokenizer)
    assert scorer.score("ルームメイトが最近眠れないらしい").detected == []
    assert SignScorer(tokenizer=tokenizer).score("ルームメイトが最近眠れないらしい").detected


FAMILY_AT_WORK = [
    # a family's question about the one who works: the worker's signs, when an office says so
    ("息子が会社に行きたくないと言って、朝なかなか起きてこない", {"quit_intent", "sleep"}),
    ("夫は職場で上司にきつく叱られているようです", {"supervisor"}),
    # family members with no working life in the sentence stay somebody else
    ("母が最近眠れないらしい", set()),
    ("娘が熱を出して寝込んでいるらしい", set()),
    # a coworker is never the worker the sentence is about
    ("同僚が最近眠れないらしい", set()),
]


def test_a_family_member_at_work_is_somebody_else_by_default(tokenizer: Tokenizer) -> None:
    scorer = SignScorer(tokenizer=tokenizer)
    for text, _ in FAMILY_AT_WORK:
        assert scorer.score(text).detected == [], text


def test_an_office_reading_family_questions_takes_them_as_the_worker(
    tmp_path: Path, tokenizer: Tokenizer
) -> None:
    shipped = Path(__file__).parents[1] / "src" / "sign_detect" / "data" / "grammar.toml"
    text = shipped.read_text("utf-8").replace(
        "workers = []", 'workers = ["息子", "娘", "夫", "妻"]'
    )
    office = tmp_path / "office.toml"
    office.write_text(text, encoding="utf-8")
    scorer = SignScorer(grammar=Grammar.from_toml(office), tokenizer=tokenizer)
    for sentence, expected in FAMILY_AT_WORK:
        assert set(scorer.score(sentence).detected) == expected, sentence


@pytest.mark.parametrize(
    "text",
    [
        "退職の意向は聞かれなかった",
        "転職の希望は特にないとのこと",
        "会社を辞めたいという申し出はない",
    ],
)
def test_a_wish_or_request_that_was_not_heard_is_no_sign(text: str) -> None:
    assert score_text(text).detected == []


@pytest.mark.parametrize(
    "text",
    [
        "先週はしんどかったけど、もう復活した",
        "当初の疲れやすさは軽減してきた",
        "入社したころの疲労感はだいぶ和らいだ",
    ],
)
def test_a_trouble_that_eased_is_over(text: str) -> None:
    assert score_text(text).detected == []


@pytest.mark.parametrize(
    "text",
    ["隣の課の後輩がずっと眠そうで、ミスも多いです", "同期が最近忙しそうで、残業も多いみたい"],
)
def test_a_state_seen_in_somebody_keeps_the_clause_theirs(text: str) -> None:
    # 眠そう is the junior's state, not a feeling of the graduate about them (上司が怖くて)
    assert score_text(text).detected == []
