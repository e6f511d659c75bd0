"""Context that makes a sign word no sign of the graduate (area: context).

Worry and sympathy for somebody else, the trouble such a worry is about, questions about
procedures and money, and a past trouble told over two sentences and over now. The sentences
are our own; each is scored with the real tokenizer and the shipped data.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer): the graduate's own signs
SIGNS: list[tuple[str, set[str]]] = [
    ("この先も今の仕事が続くのか心配です", {"quit_intent"}),
    ("明日の面談が心配でたまらない", {"mood"}),
    ("私も上司に叱られて泣いた。", {"supervisor", "mood"}),
    ("祖父が倒れたと聞いて心配で眠れない", {"sleep"}),
    ("通院が負担なのですが、どうすればいいですか", {"medication"}),
    ("前は眠れなかった。でも今もまだ眠れない日がある。", {"sleep"}),
    ("頭痛は、薬を飲んでも全然治らない", {"physical"}),
    ("自分の体調がこの先どうなるか心配", {"mood"}),
    ("叔父の具合が悪いと聞いて心配で眠れない", {"sleep"}),
    ("課長は親切です。でも最近眠れていないみたい。", {"sleep"}),
    ("最近だるいのは、疲れのサインかもしれません。", {"fatigue"}),
    ("先輩の退職で仕事が回らない", {"workload"}),
    ("上司に怒鳴られたという相談を受けた。", {"supervisor"}),
    ("私も職場で上司に叱られて泣いていた", {"supervisor", "mood"}),
]

HEALTHY: list[str] = [
    # worry for somebody else, and that person's trouble
    "隣の席の同期が最近食欲がないと言っていて、少し心配になった",
    "友人が毎日残業していて、体を壊さないか心配",
    "叔母が薬を飲まないことを本人が心配している様子",
    "同じ課のDさんが遅刻がちであることを気にかけていると話される",
    "ほかの利用者が最近休みがちだと、本人が心配そうに話していた",
    "先輩が主任に注意されていて、気の毒だった",
    # a person's state after の, a worry about a person's state, a subject one sentence back
    "先輩の顔色が悪くて心配",
    "部下がぐったりしている様子が気がかりです",
    "元気のない同期がいます。夜もあまり眠れていないようで、食欲もないみたいです。",
    "隣の課に無口な先輩がいて、いつも疲れているように見えます。",
    "隣の部署のKさん、最近休みがちで異動するって噂もある",
    "保護者の方から「家に帰るとぐったりしている」という相談を受けることもあります。",
    "同期の子が課長にきつく怒られて泣いていた",
    "この前の件、もう平気になった！心配かけてごめんね",
    "体調を崩しやすくなる方が少なくありません。",
    # a person with an aside in brackets is the subject
    "職場の後輩(パート)が最近元気がなく、昼もほとんど食べていない",
    # questions about procedures, systems and money
    "休職の手続きはどうすればいいですか？",
    "自立支援医療だと通院の費用はいくらになりますか",
    "有給休暇の申請はいつまでに出せばいいですか",
    "通院で早退すると給料はどのくらい減りますか",
    # a typical worry quoted in an article, a signal named to readers
    "「昼休みが苦痛」という声は、働き始めた方からよく寄せられます。",
    "寝つけない日が続くのは、心が疲れている合図かもしれません。",
    # a past trouble over, told over two sentences or as a topic
    "入社してしばらくは本気で辞めようと思っていた。でも担当が変わって、今は仕事が楽しい。",
    "以前話していた肩の痛みは、ストレッチを続けたことで現在は落ち着いているとのこと",
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_own_sign_stays(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_context_makes_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)
