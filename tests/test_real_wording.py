"""Signs worded the way graduates and staff really write them, and healthy look-alikes.

The sentences are our own, written in the shapes the wordings research found (blogs, Q&A
threads, support records): dropped subjects, casual and dialect negation, passives of
people, staff-record phrasing. Each is scored with the real tokenizer and the shipped data.
"""

from __future__ import annotations

import pytest

from sign_detect import Lexicon, SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    ("ここ一週間、夜中に二回は目が覚めてしまう", {"sleep"}),
    ("アラームを三つかけたのに起きれんかった", {"sleep"}),
    ("週末は昼過ぎまで布団から出られなかった", {"sleep"}),
    ("最近は職場の夢ばかり見てしまう", {"sleep"}),
    ("明け方に目が覚めて、そのまま朝を迎えた", {"sleep"}),
    ("入眠困難があると本人から話があった", {"sleep"}),
    ("眠剤を飲んでも途中で起きてしまう", {"sleep"}),
    ("帰宅したら玄関で座り込んでしまう", {"fatigue"}),
    ("朝から足に力が入らない", {"fatigue"}),
    ("もう体が言うこと聞かないよ", {"fatigue"}),
    ("気疲れがたまって何もできない", {"fatigue"}),
    ("疲労困憊で帰ってきた", {"fatigue"}),
    ("休日はほとんど寝て終わる", {"fatigue"}),
    ("午前中で体力を使い切ってしまう", {"fatigue"}),
    ("係長の当たりが最近さらに強い", {"supervisor"}),
    ("主任の顔色ばかりうかがってしまう", {"supervisor"}),
    ("班長の指示が人によって違うので困る", {"supervisor"}),
    ("課長にまたキレられた", {"supervisor"}),
    ("店長からの罵声が頭から離れない", {"supervisor", "mood"}),  # rumination is mood too
    ("上司になかなか報告できない", {"supervisor"}),
    ("職員さんがいつもピリピリしている", {"supervisor"}),
    ("朝の挨拶を返してくれない人がいる", {"coworkers"}),
    ("休憩中は誰も口をきいてくれない", {"coworkers"}),
    ("先週から同期に距離を置かれている", {"coworkers"}),
    ("パートさんに嫌味を言われる", {"coworkers"}),
    ("質問すると先輩に嫌な顔をされる", {"coworkers"}),
    ("グループの中でハブられてる気がする", {"coworkers"}),
    ("昼休みは毎日一人でいる", {"coworkers"}),
    ("職場の飲み会に声がかからない", {"coworkers"}),
    ("伝票の入力が全然終わらん", {"workload"}),
    ("やることが一向に減らない", {"workload"}),
    ("確認漏れが続いてしまった", {"workload"}),
    ("頼まれた仕事を全部抱え込んでしまった", {"workload"}),
    ("今月は定時で帰れない日ばかり", {"workload"}),
    ("検品の数がまた合わない", {"workload"}),
    ("人手が足りなくて作業が回らない", {"workload"}),
    ("人前で注意されてめちゃくちゃ凹んだ", {"mood", "supervisor"}),
    ("このままだと病みそう", {"mood"}),
    ("メンタルやられてる感じがする", {"mood"}),
    ("好きなことも楽しめなくなった", {"mood"}),
    ("気持ちがずっと重いまま", {"mood"}),
    ("気分の波が激しくて疲れる", {"fatigue", "mood"}),
    ("そわそわしてじっとしていられない", {"mood"}),
    ("通勤中に気分が悪くなって途中下車した", {"physical"}),
    ("会議の前は冷や汗が出る", {"physical"}),
    ("こめかみがズキズキして痛い", {"physical"}),
    ("朝から喉がイガイガする", {"physical"}),
    ("腕にじんましんが出た", {"physical"}),
    ("出勤前に嘔気がある", {"physical"}),
    ("立ち上がるとふらつく", {"physical"}),
    ("食欲が全然わかない", {"appetite"}),
    ("朝は食べ物を体が受け付けない", {"appetite"}),
    ("お弁当を半分残してしまった", {"appetite"}),
    ("帰ってからお菓子を一気に食べてしまう", {"appetite"}),
    ("最近は夜ご飯いらん", {"appetite"}),
    ("食べるのも面倒になってきた", {"appetite"}),
    ("眠剤がもうないけど病院に行けてない", {"medication"}),
    ("次の受診までに薬がなくなりそう", {"medication"}),
    ("クリニックの予約を取り忘れた", {"medication"}),
    ("副作用で一日中だるい", {"medication"}),
    ("薬のせいか口がやたら渇く", {"medication"}),
    ("先月から通院を中断している", {"medication"}),
    ("新しい薬は効いた感じがしない", {"medication"}),
    ("月曜が来るのが憂鬱で仕方ない", {"quit_intent"}),
    ("駅まで行ったけど途中で引き返した", {"quit_intent"}),
    ("今日は会社サボった", {"quit_intent"}),
    ("もう帰りたい、まだ十時なのに", {"quit_intent"}),
    ("どうしても足が職場に向かない", {"quit_intent"}),
    ("別の会社に移りたいと思っている", {"quit_intent"}),
    ("今の職場を続けるか迷っている", {"quit_intent"}),
]

# Negated lists, somebody else's state, advice, wishes, recoveries, affirmed abilities.
HEALTHY: list[str] = [
    "挨拶を返してくれる人が増えた",
    "先輩が手順を丁寧に教えてくれた",
    "上司に信用されていると感じる",
    "大きな仕事を任せてもらえるようになった",
    "今日は定時で帰れた",
    "作業は予定通り終わった",
    "ご飯はいつも通り食べている",
    "副作用がなくなって楽になった",
    "通院の必要がなくなった",
    "将来の仕事の夢はパン屋さんを開くこと",
    "風呂も済んだし、あとは寝るだけ",
    "週末はゆっくり休みたいな",
    "次の連休は寝だめしたい",
    "忘れ物に気づいて家に引き返した",
    "食欲はちゃんとある",
    "頭痛も吐き気もない",
    "副作用は特にない",
    "以前は布団から出られなかったけど今は平気",
    "母が最近眠れないらしい",
    "同僚が体調を崩して休んでいる",
    "疲れたときは早めに休みましょう",
    "眠れないときは無理に寝ないようにしましょう",
    "薬がちゃんと合っている",
    "夜はよく眠れている",
    "お昼ご飯がおいしかった",
    "職場の人に恵まれている",
    "もっと仕事を覚えたい",
    "来週は通院の予定がある",
    "主治医と相談して薬を減らせた",
    "遅刻も欠勤もなく順調に通えている",
    "薬の飲み忘れもなくなった",
    "休憩室でみんなと雑談できた",
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_real_wording_is_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_healthy_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)


def _real_wording_examples() -> list[tuple[str, str]]:
    """(category, example) for every lexicon entry whose source gives a real wording."""
    prefix = "real-wording: "
    examples = []
    for entry in Lexicon.default().entries:
        if entry.source.startswith(prefix):
            wordings = entry.source.removeprefix(prefix).split(" (")[0]
            examples += [(entry.category, w.strip()) for w in wordings.split(" / ")]
    return examples


def test_every_real_wording_entry_names_an_example() -> None:
    examples = _real_wording_examples()
    assert len(examples) >= 100
    assert all(example for _, example in examples)


@pytest.mark.parametrize(("category", "example"), _real_wording_examples())
def test_real_wording_entry_fires_on_its_example(
    scorer: SignScorer, category: str, example: str
) -> None:
    assert category in scorer.score(example).detected


@pytest.mark.parametrize(
    ("text", "target", "evaluation"),
    [
        ("検品の数がまた合わない", "検品", "合わ"),
        ("こめかみがズキズキして痛い", "こめかみ", "ズキズキ"),
    ],
)
def test_composed_wording_names_target_and_evaluation(
    scorer: SignScorer, text: str, target: str, evaluation: str
) -> None:
    (hit,) = [h for h in scorer.score(text).hits if h.is_sign]
    assert (hit.source, hit.target, hit.evaluation) == ("composed", target, evaluation)


@pytest.mark.parametrize(
    ("guarded", "sign", "category"),
    [
        ("週末はゆっくり休みたい", "仕事中なのにもう休みたい", "quit_intent"),
        ("副作用がなくなった", "副作用で眠い", "medication"),
        ("通院の必要がなくなった", "通院を中断している", "medication"),
        ("睡眠・食欲とも問題なし", "食欲がまったくない", "appetite"),
        ("通院は特に問題ない", "病院に行く気がしない", "medication"),
    ],
)
def test_guards_hold_back_only_the_healthy_wording(
    scorer: SignScorer, guarded: str, sign: str, category: str
) -> None:
    assert scorer.score(guarded).detected == []
    assert category in scorer.score(sign).detected
