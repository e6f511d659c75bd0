"""Denied and resolved signs in the shapes real notes use, and the signs that stay signs.

Our own sentences: a denial after a topic, across a change told with てから / て以来 or a
time taken as a topic (…は、今回はまったくなかった); a bare noun and a comma as topic
(飲み忘れ、…ゼロ); a list of clauses denied as a whole (…とか…とか、そういうことはない);
a past clause and a later clause telling what changed since (…けど、…てからは…ように
なった); a sign a staff member asked about and a reassuring answer. Each is scored with the
real tokenizer and the shipped data.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    ("まだ眠れない日がある", {"sleep"}),
    ("前より眠れなくなった", {"sleep"}),
    ("昨日は一度も眠れなかった", {"sleep"}),
    ("夜、布団に入ってから全然寝れない", {"sleep"}),
    ("食欲、今週はまったくない", {"appetite"}),
    ("やる気、今日はゼロ", {"mood"}),
    ("頭痛は、異動してから治らない", {"physical"}),
    ("疲れは、週末に寝てもぜんぜん抜けない", {"fatigue"}),
    ("薬の飲み忘れは、アラームを設定してからも減らない", {"medication"}),
    ("眠れなかったが、部署が変わってからもまだ眠れない", {"sleep"}),
    ("疲れについて聞いたところ、「大丈夫じゃないです」と話された", {"fatigue"}),
    ("気分の落ち込みについて確認したが、「まだつらい日がある」とのこと", {"mood"}),
    ("気分の波が大きくなった", {"mood"}),
    ("寝つきが悪いとか夜中に目が覚めるとか、そういう悩みが尽きない", {"sleep"}),
    ("ぐっすり眠れる日がない", {"sleep"}),
    ("休職中で、来月復職する予定です", {"quit_intent"}),
    ("頭痛の回数は、異動してから増えている", {"physical"}),
]

HEALTHY: list[str] = [
    # a denial after a topic, across a change or a time taken as a topic
    "飲み忘れは、お薬カレンダーを使い始めてから一回もない",
    "腰痛の訴えは、椅子を替えてからは聞かれなくなった",
    "胃の痛みは、今回の面談でも特にみられなかった",
    "夜中に目が覚めることは、今月は一度もなかった",
    "服薬の飲み忘れについては、今月も一度もないとのこと",
    # a bare noun and a comma as topic
    "肩こり、ストレッチ始めてからゼロになった",
    "だるさ、今週はまったくなし！",
    # a list of clauses denied as a whole
    "頭痛とか腹痛とか、そういうのは最近ぜんぜんないです",
    "眠れないとか食欲がないとかは全然なくて、元気にやってます",
    "上司に怒鳴られるとか、同僚に陰口を言われるとか、そういうことは今の会社では一度もありません",
    "朝がつらいとか、会社に行きたくないとか、そういう気持ちは今のところ湧いてこない",
    "寝つきが悪いとか朝起きられないとか、そういう睡眠の悩みは幸い特にない",
    "疲れやすいという自覚は特にないのですが、健診の結果が気になります",
    "仕事量は多くも少なくもなく、ちょうどいいです",
    # a past clause, then what changed since
    "前は夜中に何度も目が覚めていたが、寝る前のストレッチを始めてからはぐっすり眠れている",
    "上司が怖かったけど、席が変わってからは気にならなくなった",
    "残業が多すぎて参っていたけど、支援員さんが会社に話してくれて、今は落ち着いている",
    "週末に疲れを引きずらなくなってきた",
    "検品のミスが月に8件から1件に減少した",
    "薬を調整してもらって、気分の波が小さくなった",
    # a sign asked about, and a reassuring answer
    "職場での孤立について確認したが、「相談できる先輩がいるので大丈夫」と本人",
    "睡眠の状態について伺うと、問題ないとのこと",
    # a day denied, a measure of the sign lessened
    "眠れない夜は、ここ半年一度もない",
    "頭痛の回数は、前に比べて減ってきているとのこと",
    # a leave that is over
    "うつで休職したのち、別の会社に再就職して一年になります",
    "休職を経て復職し、今は週五日通えています",
    # a worry that did not come true
    "心配していた月曜の朝の腹痛も、今回はまったくなかった",
]


@pytest.fixture(scope="module")
def scorer() -> SignScorer:
    return SignScorer()


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_sign_stays_a_sign(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_denied_or_resolved_sign_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)
