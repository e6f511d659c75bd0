"""Precision of categories: no extra category beside the right one, no bare weak cue.

Our own sentences: another person's quoted words, the content of criticism, another
person's leaving, a work word that names a time, a bare ミス / 頓服 in a neutral sentence.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # words quoted from another person are theirs; the complaint stays
    ("体調を伝えたら上司に「誰でも疲れてる」と返されて、もう相談できない", {"supervisor"}),
    ("係長に「眠いのはみんな同じだ」と一蹴されて、それから相談できない", {"supervisor"}),
    ("先輩から「また遅い」「集中してないでしょ」と何度も言われて、萎縮している", {"coworkers"}),
    # hurtful words said to the graduate by a person at work are a complaint about them
    ("係長から「この仕事向いてないよ」と言われた", {"supervisor"}),
    ("先輩に「作業遅すぎ」って笑われた", {"coworkers"}),
    # staff quoting the graduate, or the graduate's own words, stay the graduate's
    ("Lさんからは「帰宅すると何もする気力がない」という声が聞かれた", {"fatigue"}),
    ("本人より「夜中に何度も目が覚める」との話あり", {"sleep"}),
    ("「もう辞めたい」と面談で話される", {"quit_intent"}),
    ("「正直もう限界かも、辞めたい」って思った", {"quit_intent"}),
    # the content of criticism belongs to the complaint about the person
    ("班の人から検品の遅さを何度も注意されて、表情が暗いとのこと", {"coworkers", "mood"}),
    ("課長に作業の雑さを指摘されて、顔を見るのも怖い", {"supervisor"}),
    ("パート職員から仕事の遅れを責められた", {"coworkers"}),
    # workload stated on its own stays
    ("仕事が多すぎて毎日残業になっている", {"workload"}),
    ("同じミスを繰り返してしまう", {"workload"}),
    ("ミス続きで、また確認が甘いと注意された", {"workload", "supervisor"}),
    ("またミスしちゃった、ほんとへこむ", {"workload", "mood"}),
    # another person's leaving is no quit_intent; the load it brings is workload
    ("前任の方の退職で担当が倍になり、残業が続いているとのこと", {"workload"}),
    ("ベテランが辞めた穴を埋めるため、残業が毎日続いている", {"workload"}),
    ("もう仕事を辞めた方が楽かも", {"quit_intent"}),
    # a work word before 中 is a time, not the work evaluated
    ("仕事中に急に心臓がドキドキして苦しくなる", {"physical"}),
    ("頓服が最近あまり効かない", {"medication"}),
    # how hard the work feels after a body sign joined by て is that sign's consequence
    ("指先がしびれて、細かい作業がやりづらい", {"physical"}),
    ("寝不足が続いていて、仕事がしんどい", {"sleep"}),
    ("仕事がきつくて体がだるい", {"workload", "fatigue"}),
    # a loss of focus after a worry about people joined by て is that worry's consequence
    ("班長の機嫌ばかり気にしていて、検品に集中できない", {"supervisor"}),
    ("疲れがたまって集中できない", {"fatigue"}),
    # cues about people that name nobody are about the one person the note names
    ("またキレられた、どこがダメなのかも教えてくれない", {"supervisor"}),
    ("ため息が聞こえてきて、向かいの席の人の視線がずっと気になる", {"coworkers"}),
    ("課長に怒鳴られるし、同期にも無視されている", {"supervisor", "coworkers"}),
    # confusion beside the supervisor or their instructions is about the supervisor
    ("主任の指示が毎回ちがうので混乱している", {"supervisor"}),
    ("一度にいくつも頼まれると混乱する", {"workload"}),
    # a gapped pattern does not take the word of a target standing in its gap
    ("もうこの会社むりかも、転職サイト見てる", {"quit_intent"}),
    ("もう無理、何もしたくない", {"mood"}),
]

HEALTHY: list[str] = [
    "ミスをしても誰も怒らない職場なので気が楽",
    "作業のミスは月に一、二回で、特に問題はないとのこと",
    "ミスがあっても先輩がすぐ声をかけてくれる",
    "頓服は念のため持ち歩いているが、最近は使っていない",
    "頓服の使用はこの一か月なしとのこと",
    "同僚の退職に伴う担当替えについて、職場と話し合った",
    "先月退職した人のロッカーを片付けた",
    "主任が「今日はみんな疲れたね」と笑って差し入れをくれた",
    "先輩に「眠かったら休憩していいよ」と言われて安心した",
    "作業の丁寧さを上司に褒められたとのこと",
    "主任に「無理しないでね」と声をかけられた",
    "課長に「最近眠れてる？」と聞かれた",
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_precise_categories(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_neutral_wording_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)
