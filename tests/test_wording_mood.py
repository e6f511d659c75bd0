"""Low mood and fatigue worded as people really write them, and healthy look-alikes.

Low mood is often told as worth, rumination, emptiness and self-blame rather than as an
emotion word; fatigue as an idiom (電池切れ, 充電が追いつかない). A feeling conceded and then
overcome (緊張したけど上手くいった) is no sign, and a one-word feeling beside a sign of
another category is the reaction to that cause (上司が厳しく萎縮している: supervisor).
The sentences are our own; each is scored with the real tokenizer and the shipped data.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # self-worth and self-blame
    ("また職場に迷惑ばかりかけてる気がする", {"mood"}),
    ("どうせ自分には無理なんだと思ってしまう", {"mood"}),
    ("僕なんかいない方がチームは回るのかも", {"mood"}),
    ("自分なんていない方がみんな楽だと思う", {"mood"}),
    ("最近、自分が嫌になることが多い", {"mood"}),
    ("自分は何の役にも立っていないと話される", {"mood"}),
    ("役に立っていない自分がつらい", {"mood"}),
    ("自分には価値がないように思えてくる", {"mood"}),
    # the speaker evaluated: 自分 / 私 as the subject of a negative evaluation
    ("自分が情けなくて仕方ない", {"mood"}),
    ("私って本当に無能だなと思う", {"mood"}),
    ("全部自分が悪いんだと考えてしまう", {"mood"}),
    ("自分はお荷物なのかなと思う", {"mood"}),
    ("自分は役立たずだ", {"mood"}),
    ("自己評価が低く、どうせできないと口にする", {"mood"}),
    ("朝から気力が湧かない", {"fatigue"}),
    ("なんで自分ってこうなんだろう", {"mood"}),
    ("周りに申し訳ないと繰り返し話される", {"mood"}),
    ("毎日楽しみが一つもない", {"mood"}),
    ("もうヘトヘトで何も考えられない", {"fatigue"}),
    # emptiness
    ("何のために通っているのか分からなくなる", {"mood"}),
    ("好きな音楽を聴いても何も感じない", {"mood"}),
    ("週の終わりには心がすり減っている", {"mood"}),
    ("帰り道にふと虚しくなる", {"mood"}),
    # rumination
    ("寝る前に失敗したことばかり思い出す", {"mood"}),
    ("言われた一言が頭から離れない", {"mood"}),
    ("終わったことをずっと考えてしまう", {"mood"}),
    # irritability
    ("帰宅してから家族に当たってしまうとのこと", {"mood"}),
    # fatigue idioms
    ("土日だけじゃ充電が追いつかない", {"fatigue"}),
    ("水曜にはもうHPが残ってない", {"fatigue"}),
    ("家に着いたところで力尽きた", {"fatigue"}),
    ("人混みの通勤だけで消耗してしまう", {"fatigue"}),
    ("帰ってからは動けなくてソファで過ごす", {"fatigue"}),
    ("夕飯を作る元気も残っていない", {"fatigue"}),
    ("夕方には気力が尽きている", {"fatigue"}),
    ("休みの日は死んだように寝ている", {"fatigue"}),
    ("朝の電車で立っているのもやっと", {"fatigue"}),
    ("体バキバキ、しんど", {"fatigue", "physical"}),
    ("両腕が鉛みたいに重い", {"fatigue"}),
    ("何をしても楽しめない", {"mood"}),
    ("何もかも面倒になってきた", {"mood"}),
    ("自分だけ取り残されている気がする", {"mood"}),
    ("仕事のあとは電源が切れたみたいになる", {"fatigue"}),
    # a strong feeling beside a cause stays a sign of its own
    ("休憩時間にトイレで泣いてしまった", {"mood"}),
    ("不安感が強くて落ち着かない", {"mood"}),
    ("自分の存在が邪魔なんじゃないかと思う", {"mood"}),
    ("一日働くと燃え尽きたようになる", {"fatigue"}),
    ("頭に霧がかかったみたいで文章が読めない", {"fatigue"}),
    ("週末も気が休まらない", {"mood"}),
    ("疲れたときに休憩をもらえなかった", {"fatigue"}),
    ("面談で涙ぐむ場面があった", {"mood"}),
    ("上司に注意されて落ち込んでいる", {"supervisor", "mood"}),
    ("動悸がして、怖くて仕方ない", {"physical", "mood"}),
]

HEALTHY: list[str] = [
    # a feeling conceded and overcome in the same sentence
    "緊張したけど、発表はうまくいった",
    "不安もあったけど、研修は楽しかった",
    "心配していた面談が無事に終わってほっとした",
    "最初は不安だったが、先輩がフォローしてくれた",
    "考えてしまうこともあるけど、うまく切り替えられている",
    # a past that is over
    "先月の落ち込みが嘘みたいに、今週は元気に過ごせた",
    # not a sign at all
    "お客様に迷惑をかけないよう早めに連絡した",
    "役に立つマニュアルを作れた",
    "映画を観て泣いた、いい話だった",
    "消耗品の補充を任された",
    "スマホの充電はもういらないと言われた",
    "感情のコントロールについて研修で学んだ",
    "キーボードが古くて打ちづらい",
    "ため息をつかれることもなくなった",
    "パソコンの電源が切れた",
    "旅行を思いきり楽しめた",
    "初出勤は緊張したけど、みんな優しかった",
    "不安な気持ちが和らいできた",
    # a feeling word that names a thing: a compound, a work, a trait
    "不安障害の診断で通院していて、今は安定している",
    "ストレス発散にカラオケへ行った",
    "悲しい映画を観に行った",
    "怖い話が好き",
    "緊張しやすい性格なので前の日に練習した",
    "怒りとの付き合い方を研修で学んだ",
    # 自分 / 私 not as the one evaluated
    "自分の字が汚いのは昔から",
    "自分の部屋が散らかっている",
    "私は空気を読むのが苦手",
    # a resolve or a good day after a conceded feeling
    "少し不安もあるけど、新しい部署でやってみようと思う",
    "今日は疲れたけど楽しかった",
    "疲れたけどいい汗かいた",
    "落ち込むのは誰にでもあることだと言われた",
    "週末が楽しみ",
    "疲労感の訴えはなく、表情も明るい",
    "イライラした時に深呼吸して落ち着けた",
    # set aside with …というより
    "悲しいというより、まあそうだよねという気持ち",
    # a coping success: a sign in a clause about a time, then the coping done
    "心配なことはその都度相談できている",
    "だるいと感じた時点で休憩を申し出られた",
    "不安になったときに支援員さんに相談できた",
    # somebody else's state, general statements
    "同僚が落ち込んでいたので話を聞いた",
    "上司も心配してくれている",
    "後輩が注意されて落ち込んでいたので励ました",
    "初めての給料が嬉しくて泣いた",
    "心配性なので早めに家を出ている",
    "落ち込むことは誰にでもあると言われている",
]

# A one-word feeling beside a sign of another category is the reaction to it.
REACTIONS: list[tuple[str, set[str]]] = [
    ("上司の口調がきつく、萎縮しているとのこと", {"supervisor"}),
    ("ストレスでお菓子ばかり食べてしまう", {"appetite"}),
    ("疲れがとれなくてつらい", {"fatigue"}),
    ("目の前がぐるぐる回る", {"physical"}),
    ("締め切りが重なって頭の中がぐちゃぐちゃ", {"workload"}),
    # a weak fear with a person as the only target of its sentence is felt about them
    ("店長に呼ばれるたび、何か言われるんじゃないかとびくびくする", {"supervisor"}),
]


@pytest.mark.parametrize(("text", "expected"), SIGNS + REACTIONS)
def test_mood_and_fatigue_wording_is_detected(
    scorer: SignScorer, text: str, expected: set[str]
) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_healthy_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)


def test_reaction_rule_keeps_crisis_words(scorer: SignScorer) -> None:
    result = scorer.score("上司に毎日怒鳴られて、もう消えたい")
    assert {"supervisor", "mood"} <= set(result.detected)
    assert result.crisis


@pytest.mark.parametrize(
    "text",
    ["私なんか消えた方がいい", "自分なんていない方がいい", "もう消えたい", "死んだ方がましかも"],
)
def test_wishes_to_vanish_stay_crisis(scorer: SignScorer, text: str) -> None:
    assert scorer.score(text).crisis


def test_fast_path_agrees(scorer: SignScorer) -> None:
    texts = [t for t, _ in SIGNS + REACTIONS] + HEALTHY
    for text, vector in zip(texts, scorer.vectors(texts), strict=True):
        assert {h.category for h in vector.hits} == set(scorer.score(text).detected)
