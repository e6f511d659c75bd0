"""Small-sign scoring of real Japanese sentences with the real tokenizer."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sign_detect import (
    CATEGORIES,
    ConfigError,
    Lexicon,
    SignScorer,
    score_notes,
    score_text,
)


@pytest.mark.parametrize(
    ("text", "category", "hedged"),
    [
        ("なんだか最近、眠りが浅い気がする", "sleep", True),
        ("新しい上司の指示が、少し分かりにくい", "supervisor", True),
        ("疲れが溜まってきたかも…", "fatigue", True),
    ],
)
def test_seed_examples_are_detected_and_hedged(text: str, category: str, hedged: bool) -> None:
    result = score_text(text)
    assert result.detected == [category]
    assert [h.hedged for h in result.hits if h.is_sign] == [hedged]


@pytest.mark.parametrize(
    "text",
    [
        "眠れない",
        "眠れなかった",
        "眠れず、朝がきた",
        "寝付けません",
        "ねむれない",
        "寝れへん",
        "マジで眠れん",
        "寝不足が続いている",
        "中途覚醒がある",
        "昼夜逆転している",
    ],
)
def test_conjugated_and_casual_forms_of_sleep_match(text: str) -> None:
    assert "sleep" in score_text(text).detected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("疲れが取れない", ["fatigue"]),
        ("毎日だるい", ["fatigue"]),
        ("上司に質問しづらい", ["supervisor"]),
        ("先輩が怖い", ["coworkers"]),
        ("残業が続いている", ["workload"]),
        ("イライラする", ["mood"]),
        ("朝から頭が痛い", ["physical"]),
        ("食欲がない", ["appetite"]),
        ("薬を飲み忘れた", ["medication"]),
        ("もう辞めたい", ["quit_intent"]),
        ("仕事に行きたくない", ["quit_intent"]),
        ("眠れないし食欲もない", ["sleep", "appetite"]),
    ],
)
def test_each_category_is_detected(text: str, expected: list[str]) -> None:
    assert score_text(text).detected == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("寝た気がしない", ["sleep"]),
        ("めっちゃつかれた", ["fatigue"]),
        ("なんかだるーい", ["fatigue"]),
        ("仕事中に居眠りしてしまった", ["sleep"]),
        ("もう疲れ果てた", ["fatigue"]),
        ("上司に話しかけづらい", ["supervisor"]),
        ("職場の居心地が悪い", ["coworkers"]),
        ("手が回らなくて", ["workload"]),
        ("やる気が出ない", ["mood"]),
        ("体調不良で休んだ", ["physical"]),
        ("食べる気がしない", ["appetite"]),
        ("薬が増えた", ["medication"]),
        ("もう逃げたい", ["quit_intent"]),
        ("余裕はある", []),
        ("気力はあります", []),
        ("やる気が出ないことはない", []),
    ],
)
def test_other_wordings_and_their_negations(text: str, expected: list[str]) -> None:
    assert score_text(text).detected == expected


@pytest.mark.parametrize(
    "text",
    [
        "よく眠れている",
        "疲れはない",
        "食欲もある",
        "辞めたいとは思わない",
        "眠れないことはない",
        "以前は寝つきが悪かったが、今はぐっすり眠れている",
        "上司が丁寧に教えてくれる",
        "頭痛もなく元気です",
        "お疲れさまです!",
        "残業はほとんどない",
        "不眠の訴えはない。",
        "一時期は頭痛があったが、今は治まった",
        "眠れなかったら相談してね",
        "疲れたら休んでください",
        "辞めたいなら早めに相談してください",
    ],
)
def test_healthy_negated_and_resolved_notes_are_not_signs(text: str) -> None:
    assert score_text(text).detected == []


def test_uttae_wa_nashi_misread_by_the_tagger_is_a_negation() -> None:
    # unidic-lite reads 訴えはなし as 訴え + はなし (放し); the grammar lists that misreading.
    assert score_text("不眠の訴えはなし。").detected == []
    assert score_text("本人よりはなしあり。眠れないとのこと").detected == ["sleep"]


@pytest.mark.parametrize(
    "text",
    [
        "不安な様子は見られない",
        "頭痛などの体調不良はない",
        "頭痛や吐き気はない",
        "疲れた様子は特に見られなかった",
    ],
)
def test_negation_behind_a_noun_phrase(text: str) -> None:
    result = score_text(text)
    assert result.detected == []
    assert result.hits and all(h.negated for h in result.hits)


def test_listed_symptoms_before_an_affirmed_clause_stay_signs() -> None:
    assert score_text("疲れや眠気があり、仕事は問題ない").detected == ["sleep", "fatigue"]


def test_the_verb_naru_is_not_a_conditional() -> None:
    # ならない is なる + ない, not the conditional なら of 辞めたいなら.
    assert score_text("食べる気にならない").detected == ["appetite"]
    assert score_text("辞めたいならいつでも相談して").detected == []


def test_double_negation_of_a_symptom_is_a_sign() -> None:
    result = score_text("疲れていないわけではない")
    assert result.detected == ["fatigue"]
    assert result.hits[0].negated is False


def test_negated_hits_are_reported_but_contribute_nothing() -> None:
    result = score_text("疲れはないです")
    (hit,) = result.hits
    assert hit.negated and hit.strength == 0.0 and hit.surface == "疲れはない"
    assert result.signals["fatigue"] == 0.0


def test_intensifiers_raise_and_hedges_lower_strength() -> None:
    plain = score_text("眠れない").signals["sleep"]
    strong = score_text("全然眠れない").signals["sleep"]
    hedged = score_text("ちょっと眠れないかも").signals["sleep"]
    assert hedged < plain < strong <= 1.0


def test_signals_hold_every_category() -> None:
    assert set(score_text("特に変わりなし").signals) == set(CATEGORIES)


def test_spans_point_into_the_original_text() -> None:
    text = "ｼﾝﾄﾞｲ!!😢😢夜も全然眠れない"
    result = score_text(text)
    for hit in result.hits:
        assert text[hit.start : hit.end] == hit.surface
    assert [h.surface for h in result.hits] == ["ｼﾝﾄﾞｲ", "眠れない"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_any_string(text: str) -> None:
    result = score_text(text)
    for hit in result.hits:
        assert 0 <= hit.start <= hit.end <= len(text)
    assert all(0.0 <= v <= 1.0 for v in result.signals.values())


_fragments = st.sampled_from(
    [
        "眠れ",
        "ない",
        "ず",
        "疲れ",
        "は",
        "が",
        "も",
        "わけ",
        "では",
        "ことは",
        "気がする",
        "かも",
        "、",
        "。",
        "以前は",
        "今は",
        "全然",
        "少し",
        "ｼﾝﾄﾞｲ",
        "😢",
        "!!",
        "辞めたい",
        "と思わ",
        "上司",
        "\n",
        "ﾈﾑｲ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_fragments, max_size=30).map("".join))
def test_never_raises_on_japanese_like_fragments(text: str) -> None:
    result = score_text(text)
    for hit in result.hits:
        assert text[hit.start : hit.end] == hit.surface
    assert all(0.0 <= v <= 1.0 for v in result.signals.values())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "\x00\x01\x02眠れない\x7f",
        "😀" * 50,
        "眠れない" * 25_000,
        "English text mixed with 日本語 and 한국어",
        "\ud800",
    ],
)
def test_awkward_inputs(text: str) -> None:
    result = score_text(text)
    assert isinstance(result.signals, dict)


def test_safe_from_several_threads(scorer: SignScorer) -> None:
    texts = ["全然眠れない", "疲れはない", "上司の指示が分かりにくい", "食欲もある"] * 50
    expected = [scorer.score(t).detected for t in texts]
    errors: list[BaseException] = []
    results: dict[int, list[list[str]]] = {}

    def work(k: int) -> None:
        try:
            results[k] = [score_text(t).detected for t in texts]
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(r == expected for r in results.values())


def test_score_notes_keeps_index_and_dedupes() -> None:
    frame = pd.DataFrame(
        {"note": ["毎晩寝付けません", None, "毎晩寝付けません", "疲れはない"]}, index=[7, 3, 9, 1]
    )
    out = score_notes(frame, chunk_size=2)
    assert out.index.tolist() == [7, 3, 9, 1]
    assert out.columns.tolist() == [f"sign_{c}" for c in CATEGORIES] + ["sign_hits", "crisis"]
    assert out["sign_sleep"].gt(0).tolist() == [True, False, True, False]
    assert out.loc[9, "sign_hits"] == "sleep:寝付けません"


def test_score_notes_names_a_missing_text_column() -> None:
    with pytest.raises(KeyError, match="memo"):
        score_notes(pd.DataFrame({"memo": ["x"]}))


def test_an_office_can_add_reweight_and_remove_entries(tmp_path: Path) -> None:
    office = tmp_path / "office.tsv"
    office.write_text(
        "category\tpattern\tweight\tpolarity\n"
        "workload\t棚卸し\t0.7\tsymptom\n"  # new entry
        "mood\t辛い\t0\tsymptom\n",  # removed
        encoding="utf-8",
    )
    lexicon = Lexicon.default().with_overrides(office)
    assert score_text("棚卸しが大変", lexicon=lexicon).detected == ["workload"]
    assert score_text("つらい", lexicon=lexicon).detected == []
    assert score_text("つらい").detected == ["mood"]


def test_invalid_lexicon_entries_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "category\tpattern\tweight\tpolarity\n"
        "sleeep\t眠る\t0.5\tability\n"
        "sleep\t眠る\t1.5\tability\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ConfigError, match=r"(?s)bad\.tsv.*line 2 \(sleeep 眠る\).*line 3 \(sleep 眠る\).*weight"
    ):
        Lexicon.from_file(bad)


@pytest.mark.parametrize(
    ("text", "category"),
    [("ﾈﾑﾚﾅｲ", "sleep"), ("ﾀﾞﾙｲ…", "fatigue"), ("ネムイ", "sleep"), ("シニタイ", "mood")],
)
def test_words_spelled_in_katakana_for_effect_are_read(text: str, category: str) -> None:
    result = score_text(text)
    assert result.detected == [category]
    assert result.hits[0].surface == text[result.hits[0].start : result.hits[0].end]


def test_loanwords_in_katakana_are_kept() -> None:
    assert score_text("ストレスがたまっている").detected == ["mood"]
    assert score_text("メンタルクリニックに行けていない").detected == ["medication"]


@pytest.mark.parametrize(
    "text", ["疲れはありますか?", "眠れない日はありますか？", "最近よく眠れていますか?"]
)
def test_a_polite_question_is_the_staff_asking(text: str) -> None:
    result = score_text(text)
    assert result.detected == []
    assert all(h.hypothetical for h in result.hits)


def test_a_casual_self_question_stays_a_hedged_sign() -> None:
    result = score_text("疲れてるのかな?")
    assert result.detected == ["fatigue"] and result.hits[0].hedged


def test_a_comparison_with_the_past_is_a_current_sign() -> None:
    assert score_text("以前より痩せた印象").detected == ["appetite"]
    assert score_text("以前は痩せていたが、今は戻った").detected == []


def test_an_improvement_is_not_a_sign() -> None:
    assert score_text("ミスが減ってきた").detected == []
    assert score_text("ミスが続いている").detected == ["workload"]


@pytest.mark.parametrize("text", ["なんとなくだるい", "微妙に食欲がない", "軽い頭痛がある"])
def test_hedge_words_and_phrases_before_a_cue(text: str) -> None:
    result = score_text(text)
    assert len(result.detected) == 1 and all(h.hedged for h in result.hits)


def test_a_negated_recovery_is_no_recovery() -> None:
    assert score_text("頭痛が治らない").detected == ["physical"]
    assert score_text("疲労がなかなか回復しない").detected == ["fatigue"]
    assert score_text("頭痛は治まってきた").detected == []


@pytest.mark.parametrize("text", ["以前から眠れなかった", "先月から食欲が落ちた", "以前より痩せた"])
def test_since_and_compared_with_the_past_are_current(text: str) -> None:
    assert len(score_text(text).detected) == 1


@pytest.mark.parametrize(
    "text",
    [
        "希死念慮がある",
        "リストカットしてしまった",
        "薬をまとめて飲んでしまった",
        "生きているのがつらい",
    ],
)
def test_crisis_words_are_the_strongest_mood_sign(text: str) -> None:
    assert score_text(text).signals["mood"] == 1.0


def test_crisis_hits_are_marked_in_both_paths() -> None:
    assert score_text("もう死にたい").hits[0].crisis
    assert not score_text("死にたくはない").detected
    assert score_notes(["もう死にたい", "眠れない"])["sign_hits"].tolist() == [
        "mood:死にたい(crisis)",
        "sleep:眠れない",
    ]


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("もう消えてしまいたいと思うことがある", True),
        ("昨夜は死にたいと思った", True),
        ("死にたいとは思っていない", False),
        ("夜眠れない日が続いている", False),
        ("", False),
    ],
)
def test_crisis_is_a_flag_of_the_note_and_a_column_of_score_notes(text: str, crisis: bool) -> None:
    assert score_text(text).crisis is crisis
    assert score_notes([text])["crisis"].tolist() == [crisis]


def test_a_recent_time_until_which_a_sign_lasted_is_over() -> None:
    assert score_text("先週までだるかったけど、もう元気!").detected == []
    assert score_text("先週はだるかった").detected == ["fatigue"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("母が最近眠れないらしい", "other_person"),
        ("同期の子が課長に叱られて泣いていた", "other_person"),
        ("隣の部署の方が体調不良で休んでいるそうです", "other_person"),
        ("疲れたときは早めに休みましょう", "general"),
        ("眠れない夜は無理に寝ようとしないのがコツだと教わった", "general"),
        ("頭痛も吐き気もなく、順調です", "absent"),
        ("頭がズキズキすることも胃が痛むこともない", "absent"),
        ("辞めたいと思ったことは一度もない", "absent"),
        ("片頭痛持ちの人は天気に気をつけている", "other_person"),  # a trait of people
        ("最初は寝つきが悪くて何度も起きていたが、今はぐっすりだ", "resolved"),
    ],
)
def test_no_sign_of_the_graduate(text: str, status: str) -> None:
    result = score_text(text)
    assert result.detected == []
    assert status in {h.status for h in result.hits}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("上司が怖くて眠れない", "sleep"),  # the fear is the graduate's
        ("課長がピリピリしてて、もう転職を考えてる", "quit_intent"),
        ("先輩が冷たい", "coworkers"),  # the person is what the sign is about
        ("同僚が辞めてから仕事が増えて回らない", "workload"),
        ("だるさがずっと抜けない", "fatigue"),  # the negation denies the recovery
        ("良くなる気配がなくて頭痛が続く", "physical"),
    ],
)
def test_signs_next_to_other_people_stay_signs(text: str, category: str) -> None:
    assert category in score_text(text).detected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("週末は家でゆっくり休みたい", []),  # a wish for rest
        ("次の連休はひたすら寝だめしたい", []),
        ("明日は会社を休みたい", ["quit_intent"]),  # a working day: a sign
        ("主治医と相談して睡眠薬をやめることができた", []),  # agreed with the doctor
        ("自己判断で薬をやめてしまった", ["medication"]),
    ],
)
def test_wishes_for_rest_and_agreed_changes(text: str, expected: list[str]) -> None:
    assert score_text(text).detected == expected


def test_a_question_about_ones_own_sign_is_a_sign() -> None:
    assert score_text("疲れはありますか?").detected == []  # the staff asking
    assert score_text("夜眠れないのですが、どうしたらいいですか?").detected == ["sleep"]
    assert "quit_intent" in score_text("辞めたいと思うのは甘えですか?").detected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主治医に相談せず、薬を半分に減らしている", ["medication"]),  # not agreed
        ("副作用でしょうか?手がずっと震えています", ["physical"]),  # the asker's own
        ("めまいがあって病院に行くべきか迷っている", ["physical"]),  # べきか asks
        ("この薬は自己判断でやめると再発しやすいと言われている", []),  # general knowledge
        ("ミスをしたときは、早めに報告するのが大事だ", []),  # a rule for such times
        ("辞めたいと思ったことは、これまで一度もない", []),  # a comma after a topic
        ("寝る前の薬をまた飲み忘れた", ["medication"]),  # 前 after a verb is no past
        ("隣の人が全然口をきいてくれない", ["coworkers"]),  # done to the graduate
        ("先輩の態度がそっけない", ["coworkers"]),  # the possessor decides
        ("上司と話すとき怖くて声が出ない", ["supervisor"]),
    ],
)
def test_real_text_scope(text: str, expected: list[str]) -> None:
    assert set(expected) <= set(score_text(text).detected)
    if not expected:
        assert score_text(text).detected == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("飲み忘れは今月ゼロだった", []),  # ゼロ denies
        ("食欲ゼロ", ["appetite"]),  # …and an ability denied is a sign
        ("頭痛・めまいの症状は見られない", []),  # a list with ・, observed absent
        ("祖母が夜中に何度も起きるらしい", []),  # family, another person
        ("作業担当者が最近疲れているようだ", []),  # 〜者 is a person
        ("利用者が眠れていないとのこと", ["sleep"]),  # 利用者 may be the graduate
        ("困ったら早めに相談しておくといいよ", []),
    ],
)
def test_more_real_text_scope(text: str, expected: list[str]) -> None:
    assert score_text(text).detected == expected


def test_the_fast_path_is_typed(scorer: SignScorer) -> None:
    vector = scorer.vector("課長がずっとピリピリしてて死にたい")
    assert len(vector.strengths) == len(CATEGORIES)
    assert vector.crisis
    composed = next(hit for hit in vector.hits if hit.category == "supervisor")
    assert (composed.target, composed.evaluation) == ("課長", "ピリピリ")
    assert str(composed).startswith("supervisor:")


@pytest.mark.parametrize(
    "text",
    [
        "去年は夜中に何度も目が覚めていた。今は朝まで一度も起きない。",  # …。今は…
        "同じ時期に入った人が係長に強く叱られていた",  # a person in a relative clause
        "隣の部署の人、来月で辞めるんだって",  # a person marked by a comma
        "部下が薬をよく飲み忘れるようだ",
    ],
)
def test_past_and_other_people_across_sentences_and_commas(text: str) -> None:
    assert score_text(text).detected == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("母が入院して眠れない", ["sleep"]),  # an inability past a て-clause is the graduate's
        ("子どもが熱を出して眠れなかった", ["sleep"]),
        ("妹が熱を出して寝込んでいるらしい", []),  # reported: the sister's
        ("死ぬほど眠い", ["sleep"]),  # an intensifier, no crisis
        ("眠れないという人もいる", []),  # people in general
    ],
)
def test_review_cases(text: str, expected: list[str]) -> None:
    assert score_text(text).detected == expected


@pytest.mark.parametrize("text", ["リスカした", "手首を切った", "ODした", "タヒにたい"])
def test_crisis_wordings(text: str) -> None:
    assert score_text(text).crisis


def test_the_fast_and_the_full_path_agree_on_another_persons_feeling() -> None:
    text = "同僚が疲れているみたい"
    fast = score_notes([text])
    assert score_text(text).detected == [] == [
        c for c in CATEGORIES if fast.loc[0, f"sign_{c}"] > 0
    ]
