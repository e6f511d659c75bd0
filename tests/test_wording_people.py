"""Signs about the supervisor and the coworkers worded indirectly, and healthy look-alikes.

The people area reads classes of predicates rather than phrases: a social act not done to
the graduate (誘われない, 話しかけてこない, 私だけ知らなかった: left out), an approach to a
person not dared (聞けない, 話しかけづらい, 報告するのが怖い: avoidance), a start of the body
after a person (足音で手が止まる: fear), and the person before a cue decides whether it is
about the supervisor or the coworkers. The sentences are our own.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # exclusion: a social act, passive / favour / coming, negated
    ("休憩のとき誰も話しかけてこない", {"coworkers"}),
    ("同じ課の飲み会に本人だけ呼ばれなかったとのこと。", {"coworkers"}),
    ("部署の予定変更を私だけ知らされていなかった。", {"coworkers"}),
    ("おはようございますって言っても誰も目を合わせてくれない", {"coworkers"}),
    ("先輩たちの間で情報が回ってきません。", {"coworkers"}),
    ("自分だけ送別会のことを知らなかった", {"coworkers"}),
    ("チームの誰からも声をかけられることがない", {"coworkers"}),
    ("先輩が全然相手にしてくれない", {"coworkers"}),
    ("私ってこの職場で空気みたい", {"coworkers"}),
    ("今日も職場で誰ともしゃべらなかった", {"coworkers"}),
    ("グループLINEに入れてくれない", {"coworkers"}),
    ("隣の人、私にだけ話しかけてくれない", {"coworkers"}),
    # avoidance: an approach not possible, hard or feared
    ("上司が忙しそうで、分からないことを聞けないまま作業しています。", {"supervisor"}),
    ("課長に話しかけるの怖すぎる", {"supervisor"}),
    ("係長への報告が怖く、ミスを言い出せずにいるとのこと。", {"supervisor"}),
    ("部長と目を合わせられない", {"supervisor"}),
    ("前に叱られてから、主任に声をかけづらい", {"supervisor"}),
    ("同じ班の人と話すのがしんどい", {"coworkers"}),
    ("先輩と顔を合わせるのがつらいとのこと。", {"coworkers"}),
    ("上司に報告するタイミングがつかめない", {"supervisor"}),
    ("店長に報告するの毎回こわい", {"supervisor"}),
    # talk behind the graduate's back
    ("同期に陰で笑われている", {"coworkers"}),
    ("先輩に陰で「仕事が遅い」って言われた", {"coworkers"}),
    # fear: a start of the body after a person
    ("部長の足音が聞こえると体がこわばる。", {"supervisor"}),
    ("店長が近くに来るだけで手が止まってしまう", {"supervisor"}),
    ("班長に呼ばれるたびにビクッとする", {"supervisor"}),
    ("上司の前に立つと頭が真っ白になる", {"supervisor"}),
    # the person decides: supervisor or coworkers
    ("上司にため息つかれた…", {"supervisor"}),
    ("先輩にため息をつかれた", {"coworkers"}),
    ("年上の先輩の言い方がきつい", {"coworkers"}),
    # unclear or harsh instructions
    ("店長の言うこと昨日と今日で全然ちがう", {"supervisor"}),
    ("リーダーの説明がふわっとしていて困る", {"supervisor"}),
    ("主任から次々に指示される", {"supervisor"}),
    ("班長によって言うことがバラバラ", {"supervisor"}),
    ("また詰められた", {"supervisor"}),
    ("先輩に急かされてばかり", {"coworkers"}),
    ("仕事を丸投げされて、やり方が分からない", {"supervisor"}),
    ("相談したら上司に甘えだと言われました。", {"supervisor"}),
]

HEALTHY: list[str] = [
    "上司に分からないところを聞けた!ちゃんと教えてくれた",
    "同僚がリーダーに叱られていたのを見て驚いたと本人より。",
    "同期が先輩に無視されているようで心配です。",
    "上司が優しく教えてくれるので、質問しやすい。",
    "今日ランチに誘われた!うれしい",
    "先輩が飲み会に呼んでくれた",
    "以前は上司に話しかけづらかったが、今は自分から報告できているとのこと。",
    "課長の指示わかりやすくて助かる",
    "先輩に聞けば分かる",
    "質問しにくいことはない",
    "母に相談できない",
    "支援員さんに聞けなかった",
    "飲み会は誘われたけど断った",
    "私だけ知っていた",
    "自分だけ呼ばれてうれしかった",
    "課長の足音がしたから急いで片付けた笑",
    "電話が鳴ると手が止まる",
    "上司が来て、一緒に固まったデータを直した",
    "挨拶したら先輩がちゃんと返してくれた",
    "上司は話しかけやすい",
    "人前で話せない",
    "友達と会えない",
    "班長から明日の作業の説明を受け、メモを取っていた。",
    "面談で聞けなかった点は次回確認する。",
    "本人から詳しく聞けなかった。",
    "母が陰で支えてくれている",
    "先輩と話せて楽しかった",
    "面接で頭が真っ白になった",
    "同僚が課長に詰められていた",
    "誰とも話さなくて済むから楽",
    "上司は指示を紙に書いて渡してくれるので助かっています。",
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_people_wording_is_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_people_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)
