"""Supervisor and workload signs told as scenes, by time and by quantity, and look-alikes.

Our own sentences, in the shapes read on blogs, Q&A threads and support records: the
boss's instructions (口頭だけ, 一度にいくつも, 後から違うと言われる), manner (生返事, 人前で
怒鳴られる, 聞き返すと不機嫌), a racing heart before a boss; work told by the clock and the
pile (人が辞めた穴埋め, 定時を過ぎる, 昼休みを削る, 持ち帰り, 書類の山), and the neutral
reports, refusals and pasts that look like them.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # supervisor: instructions
    ("指示はいつも口頭だけで、メモが間に合わないとのこと", {"supervisor"}),
    ("一度にいくつも指示されて混乱した", {"supervisor"}),
    ("言われた通りにしたのに違うと言われた", {"supervisor"}),
    ("そんなこと言ってないと係長に言われた", {"supervisor"}),
    ("課長の言ってることが先週と真逆なんだけど", {"supervisor"}),
    ("急に担当を変えられた", {"supervisor"}),
    # supervisor: manner and understanding
    ("主任に話しかけても生返事しか返ってこない", {"supervisor"}),
    ("朝礼でみんなの前で怒鳴られた", {"supervisor"}),
    ("班長から強い口調で作業のやり直しを言われた", {"supervisor"}),
    ("聞き返すと上司が不機嫌になる", {"supervisor"}),
    ("上司に障害のことを分かってもらえない", {"supervisor"}),
    ("部長に「もっと早く」と毎日言われる", {"supervisor"}),
    ("係長に質問しても答えてもらえない", {"supervisor"}),
    ("主任に「いつになったら覚えるの」と言われる", {"supervisor"}),
    ("朝礼で手順ちがうって言われた", {"supervisor"}),
    ("係長に聞き返す勇気が出ない", {"supervisor"}),
    ("質問すると「自分で考えて」と言われる", {"supervisor"}),
    ("主任に進捗を何度も確認される", {"supervisor"}),
    ("指導担当の社員からは口頭のみで指示がある", {"supervisor"}),
    ("課長に呼ばれるだけで心臓がバクバクする", {"supervisor", "physical"}),
    ("上司の前に立つと動悸がする", {"supervisor", "physical"}),
    # workload: time
    ("人が辞めた穴埋めで毎日延長している", {"workload"}),
    ("欠員が出て、その分の電話対応が私に来る", {"workload"}),
    ("今月は毎日定時を過ぎている", {"workload"}),
    ("昼休みを削って入力している", {"workload"}),
    ("持ち帰り作業が増えた", {"workload"}),
    ("土日も出勤している", {"workload"}),
    ("一時間残るのが当たり前になってきた", {"workload"}),
    ("休憩時間も電話対応している", {"workload"}),
    ("昼休みも手を動かさないと間に合わない", {"workload"}),
    ("担当外の作業までやらされている", {"workload"}),
    ("みんな残っていて定時で帰りにくい", {"workload"}),
    # workload: quantity
    ("一人で二人分の仕事を回している", {"workload"}),
    ("タスクを三つ同時に振られた", {"workload"}),
    ("書類の山が全然減らない", {"workload"}),
    ("やってもやっても終わらない", {"workload"}),
    ("夕方になっても半分しか進まない", {"workload"}),
    ("業務量の増加で帰りが遅くなっているとのこと", {"workload"}),
    ("周りの人より作業に時間がかかる", {"workload"}),
]

HEALTHY: list[str] = [
    # the work reported
    "今日は検品をした",
    "午後は伝票の入力をしたとのこと",
    "主任から口頭で来週のシフトの説明があった",
    "係長から手順の説明を受けて、本人も理解している様子",
    "来月から新しい担当を任されることになった",
    # the good side of the same words
    "一度に一つずつ指示してもらえるので助かる",
    "口頭だけでなく紙でも指示をもらえるようになった",
    "課長に呼ばれて褒められた",
    "みんなの前で褒められて嬉しかった",
    "障害のことを上司に分かってもらえて安心した",
    "配慮がある職場なので働きやすい",
    "書類の山もだいぶ片付いてきた",
    "週末も仕事のことを忘れてゆっくりできた",
    "一人で二人分のお弁当を作った",
    "昼休みは同期とお弁当を食べている",
    "作業の半分はもう終わった",
    # another person, others' leaving, a plan
    "人が辞めたので新しい人が入ってきた",
    "欠員が補充されて担当が元に戻った",
    "勤務時間を延長したいと本人から希望があった",
    "勇気を出して上司に相談した",
    "休憩も作業も同じ部屋でしている",
    "相談する時間はたっぷりある",
    "いつになったら慣れるんだろう",
    # negated and past
    "春は残業が多くて大変だったけど、今は落ち着いている",
    "仕事量は多くも少なくもない",
    "前は定時を過ぎることが多かったが、今は定時で帰れている",
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_supwork_wording_is_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_supwork_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)
