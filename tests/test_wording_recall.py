"""Signs told indirectly (a scene, a metaphor, an act) and their healthy look-alikes.

Our own sentences in the shapes real blogs, Q&A threads, chats and support records use:
lying awake told as a scene, collapse on arrival home, an empty heart, the body stopping
on the way into work, a supervisor's inconsistency in dialect, medicine changed on one's
own. Each is scored with the real tokenizer and the shipped data.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # lying awake until dawn told as a scene
    ("昨日も明け方まで天井をじっと眺めていた", {"sleep"}),
    ("気がついたら窓の外がうっすら白んでいた", {"sleep"}),
    ("布団の中で新聞配達の音を聞いていた", {"sleep"}),
    ("今日も気づいたら外が明るくなってた", {"sleep"}),
    ("夜中に何度も飛び起きてしまう", {"sleep"}),
    ("寝ようとしても頭が止まらない日が続く", {"sleep"}),
    ("羊を数えても全然だめだった", {"sleep"}),
    ("夜中に何回も時計を確認してしまう", {"sleep"}),
    ("目覚ましのスヌーズを何度も押してしまう", {"sleep"}),
    # collapse on arrival home, fatigue metaphors
    ("帰ると上着も脱がずにベッドへ倒れ込む毎日です", {"fatigue"}),
    ("家に着くなりソファに沈み込んでしまう", {"fatigue"}),
    ("夕方にはもう頭の電池が残りわずか", {"fatigue"}),
    ("今日はHPゼロ", {"fatigue"}),
    ("昼寝しないと午後がもたない", {"fatigue"}),
    # an empty heart, anhedonia
    ("最近ずっと気持ちが空っぽのまま過ごしている", {"mood"}),
    ("好きな音楽を聴いても心が動かない", {"mood"}),
    ("毎日が色あせて見える", {"mood"}),
    ("好きだった漫画も最近は読んでいない", {"mood"}),
    ("何をしても心が満たされない", {"mood"}),
    ("何があっても喜べなくなった", {"mood"}),
    ("趣味にも興味がわかない", {"mood"}),
    ("自分にがっかりしてばかりいる", {"mood"}),
    ("ちょっとしたことに過敏に反応してしまうと話される", {"mood"}),
    # reluctance told by the body or an act
    ("会社のビルの前まで来たのに入れなかった", {"quit_intent"}),
    ("改札を抜けられずにしばらく立ち尽くした", {"quit_intent"}),
    ("職場の最寄り駅で降りられなかった", {"quit_intent"}),
    ("月曜が休みだったらいいのにと毎週思う", {"quit_intent"}),
    # supervisor inconsistency in dialect
    ("リーダーの言うとることが毎日違うんよ", {"supervisor"}),
    ("班長のゆーとることがコロコロ変わる", {"supervisor"}),
    # medication changed or left for a reason
    ("錠剤を半分に割って飲むようにしている", {"medication"}),
    ("飲むとだるくなるけぇ薬は飲んでない", {"medication", "fatigue"}),
    ("通院がもう三か月空いてしまった", {"medication"}),
    ("主治医には内緒で量を減らしている", {"medication"}),
    # the writer named after another subject is the nearer subject
    ("休憩室でみんなが盛り上がっている横で、私だけ寝たふりをしている", {"coworkers"}),
    # a supervisor who jerks the graduate around; medicine become a chore
    ("班長に毎日振り回されている", {"supervisor"}),
    ("最近は薬を飲むのも億劫", {"medication"}),
    # reluctance as a wish that work would vanish
    ("明日の朝、会社に隕石落ちないかな", {"quit_intent"}),
    ("大雪で職場が休みにならないかな", {"quit_intent"}),
    ("足が棒みたいでもう歩けない", {"fatigue"}),
    # scenes of overwork and of no strength left at home
    ("ここ二週間は毎日終電です", {"workload"}),
    ("歯を磨くのも億劫なくらい疲れている", {"fatigue"}),
    ("日曜の夕方はサザエさん症候群になる", {"quit_intent"}),
    # an event before 前 is no past
    ("会議前になると決まって胃が痛くなった", {"physical"}),
]

HEALTHY: list[str] = [
    "家に帰ってソファでくつろぐのが好きです",
    "朝まで友達と遊んでいた、楽しかった",
    "明け方まで飲んで語り明かした",
    "帰宅後は着替えてすぐ夕食の支度をしている",
    "頭が空っぽになるくらい笑った",
    "スマホのバッテリーが古くなってきた",
    "好きだった漫画の続きを今も読んでいる",
    "趣味に興味を持ってもらえて嬉しい",
    "駅まで行ってから傘を取りに引き返した",
    "転職サイトの広告がよく表示される",
    "お酒を飲むのをやめてから体調がいい",
    "改札を通って職場に向かった",
    "目を合わせて挨拶できるようになった",
    "朝日が昇るのを見ながら散歩した",
    "上司の言うことが分かりやすくて助かる",
    "日付が変わるまで友達と電話した",
    "シャワーを浴びてさっぱりした",
    "新聞配達のアルバイトを始めた",
    "錠剤を半分に割るよう主治医に言われた",
    "朝は目がぱっちり覚めて気持ちいい",
    "年末は会社が休みにならないかと家族に聞かれた",
]


@pytest.fixture(scope="module")
def scorer() -> SignScorer:
    return SignScorer()


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_indirect_wording_is_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_healthy_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)
