"""Another person's troubles told as hearsay, messages or talk, general tendencies and
successes: no sign of the graduate. The graduate's own sign beside them stays.

The sentences are our own, written in the shapes found in blogs, Q&A threads and records.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

HEALTHY: list[str] = [
    # hearsay carrying the person of the sentence before
    "隣の課の人が来月で辞めるそうだ。ずっと夜眠れていなかったらしい。",
    "同期のBくん、最近ずっと休んでる。食欲ないって言ってたみたい",
    "同じチームの人が先週から来ていない。体調を崩しているそうだ。",
    # a friend's continuing talk
    "知人が障害者枠で働いているのですが、毎晩ぐったりだと言っています。",
    # about somebody, a peer's message, a staff member's explanation
    "職場の別の利用者について、服薬をやめているようだと本人から報告があった。",
    "昔の訓練仲間から、今の職場で上司と合わないと連絡があったとのこと。",
    "担当者より、同じ課の社員が繁忙で余裕がない状態だと説明あり。",
    # a watcher's feeling at another person's trouble, helplessness for them
    "後輩が係長にすごい剣幕で叱られてて、見てるこっちがハラハラした",
    "先輩が店長に詰められてた。横で見ててドキドキした",
    "同期が主任に注意されて落ち込んでいた。私は何もできなかった。",
    # a friend's story, an acquaintance's message, a person whose trouble the cue names
    "友達の話なんだけど、係長が厳しくて毎晩泣いてるらしい",
    "知り合いから、職場で無視されていると相談を受けた",
    "向かいの席の人が先月辞めた。課長と合わなかったみたい。",
    # a tendency after a condition, a success
    "生活リズムが乱れると、食欲や気分にも影響が出やすくなります。",
    "チェック表を使い始めた結果、入力ミスが週5件から1件に減少した。",
    "面談を重ねるうちに、すぐ自分を責めるクセに気づけるようになった。",
    "今は気分の波がだいぶ小さくなった。",
    "作業の順番を変えたところ、残業時間が半分になった。",
    # worry for somebody named as its object, a danger named, a cause explained
    "隣の席の方が欠勤がちで、本人はその方を心配しているとのこと。",
    "睡眠薬を急にやめるのは危険です。",
    "肩こりや頭痛が疲れから来ていることもあります。",
]

SIGNS: list[tuple[str, set[str]]] = [
    ("同期が先週から休んでいる。私も眠れない日が続いている。", {"sleep"}),
    ("先輩が休職したらしい。自分も夜中に何度も目が覚める。", {"sleep"}),
    ("友人は元気そうだった。でも私は最近眠りが浅い。", {"sleep"}),
    ("本人より、同じ班の先輩から無視されていると相談あり。", {"coworkers"}),
    ("上司が怒鳴っているのを見て怖くなった", {"supervisor"}),
    ("同期が辞めた。私は何もできない。", {"mood"}),
    ("最近、気分の波が大きくなった", {"mood"}),
    ("明日の面談が心配でたまらない", {"mood"}),
    ("友達の話を聞いて、私も課長が怖くなった", {"supervisor"}),
    ("同期が辞めた。仕事が増えた。疲れてるみたい。", {"workload", "fatigue"}),
    # a staff record with the graduate's subject dropped: …と話している
    ("母が入院中だが、毎日疲れていると話している。", {"fatigue"}),
    ("説明がころころ変わる係長についていけず、異動を考えている。", {"supervisor"}),
    ("自分のことを心配してばかりいる", {"mood"}),
]


@pytest.mark.parametrize("text", HEALTHY)
def test_another_persons_trouble_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_graduates_own_sign_beside_another_stays(
    scorer: SignScorer, text: str, expected: set[str]
) -> None:
    assert set(scorer.score(text).detected) == expected
