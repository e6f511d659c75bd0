"""Workload and quit-intent signs worded as people write them, and healthy look-alikes.

Our own sentences, in the shapes read on blogs, Q&A threads and support records: kana
やめる and its musing volitional, hedged and asking negations (向いてないんじゃないか,
行けないかもしれない), abilities of the work that are about something else (メモが追いつか
ない), another person's busy-ness, and the general statements of articles about quitting.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # quit_intent
    ("バイトやめよかな", {"quit_intent"}),
    ("会社やめちゃおっかな", {"quit_intent"}),
    ("もうやめよっかなぁ", {"quit_intent"}),
    ("自分はこの仕事に向いてないんじゃないかと思う", {"quit_intent"}),
    ("来週会社に行けないかもしれない", {"quit_intent"}),
    ("今の部署でいつまで持つか分からない", {"quit_intent"}),
    ("もう働ける気がしない", {"quit_intent"}),
    ("このまま勤め続けられるか心配です", {"quit_intent"}),
    ("シフトばっくれたい", {"quit_intent"}),
    ("週明けが怖い", {"quit_intent"}),
    ("明日の仕事が憂うつ", {"mood"}),
    ("駅のホームで足が止まってしまう", {"quit_intent"}),
    ("退職代行のサイトを眺めている", {"quit_intent"}),
    ("来月の復職がちょっと怖い", {"quit_intent"}),
    ("毎日通所するのがしんどくなってきた", {"quit_intent"}),
    ("このまま働き続けられるか心配です", {"quit_intent"}),
    # workload
    ("検品が全然追いつかない", {"workload"}),
    ("ラインのスピードについていけない", {"workload"}),
    ("伝票の入力が周りに追いつけない", {"workload"}),
    ("頼まれると断れなくて机が書類だらけ", {"workload"}),
    ("納期が三件重なってる", {"workload"}),
    ("並行作業がどうしてもできない", {"workload"}),
    ("優先順位がつけられなくて困っている", {"workload"}),
    ("任された量が自分のキャパを超えている", {"workload"}),
    # supervisor: a good manner negated
    ("新しい班長があまり優しくない", {"supervisor"}),
    ("係長の説明が丁寧じゃない", {"supervisor"}),
    ("優しくない先輩に当たった", {"coworkers"}),
    # joy and interest negated are low mood, whatever they are about
    ("最近は作業が全然面白くない", {"mood"}),
    ("ケアレスミスがなかなか減らない", {"workload"}),
]

HEALTHY: list[str] = [
    # the work reported, or done well
    "午前中は検品作業を担当した",
    "納期にちゃんと間に合った",
    "今日は仕事が早く片付いた",
    "ピッキングにもだいぶ慣れてきた",
    "締め切りは来月の十日です",
    # an ability about something else
    "いつもの電車に間に合わなかった",
    "話が早くてメモが追いつかないことがある",
    "自分で自分の気持ちについていけない",
    # another person
    "隣で作業している人が風邪で休んでいる",
    "同僚がやめるらしいと聞いた",
    "職場の人がやめてしまったらしい",
    "課長は月末でバタバタしているみたい",
    "隣の席の人めっちゃ忙しそう",
    "先輩がめっちゃ優しい",
    # general statements and advice
    "仕事を辞めたいと感じることは珍しくありません",
    "辞めたいと思う人は意外と多い",
    "退職代行を使うときの注意点をまとめました",
    "業務量が多いと感じたら早めに相談するのが大切です",
    "転職するのも一つの選択肢です",
    "退職する前にやっておくべきことを調べた",
    # negated, resolved, hedging that denies
    "今の職場を辞めたいとは思っていない",
    "以前は転職サイトばかり見ていたが、今は落ち着いている",
    "上司はとても優しい",
    "疲れはそんなにないです",
    "眠れないわけじゃないです",
    "今日は家を出る前に薬を飲んだ",
    "今の作業はけっこう面白い",
    "ミスがだいぶ減ってきた",
    "休日は仕事のことを忘れてのんびりした",
    "残業はかなり少ないほうです",
    "ミスを防ぐために指差し確認を始めた",
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_work_wording_is_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_work_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("眠れないかもしれない", "sleep"),
        ("疲れているかもしれません", "fatigue"),
        ("疲れてるんじゃないかな", "fatigue"),
    ],
)
def test_hedging_and_asking_negations_do_not_deny(
    scorer: SignScorer, text: str, category: str
) -> None:
    assert category in scorer.score(text).detected
