"""Sleep, body, appetite and medication worded as people write them, and look-alikes.

Our own sentences, in the shapes read in blogs, Q&A threads and support records: running
out of medicine, skipped visits, side effects put down to the medicine, no effect, meals of
one thing only, clothes that no longer fit, lying awake. Scored with the real tokenizer and
the shipped data.
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

# (text, the categories it must show, no more and no fewer)
SIGNS: list[tuple[str, set[str]]] = [
    # medication: running out, skipped visits
    ("処方がもうすぐ切れかけてる", {"medication"}),
    ("眠剤の残りがわずかになってきた", {"medication"}),
    ("残りの薬があと二日分しかない", {"medication"}),
    ("今月の受診をすっぽかしてしまった", {"medication"}),
    ("クリニックの予約を二回も延ばしている", {"medication"}),
    ("病院に行く時間がなかなか取れない", {"medication"}),
    ("薬をもらいに行く時間が作れない", {"medication"}),
    ("今月はまだ受診できていないとのこと", {"medication"}),
    # medication: side effects put down to the medicine
    ("薬のせいか指先がずっと震えている", {"medication"}),
    ("新しい薬に変わってから日中ずっと眠い", {"medication"}),
    ("抗うつ薬を飲むと午後に頭がぼーっとする", {"medication"}),
    ("副作用の眠気で午前中は使い物にならない", {"medication"}),
    ("最近喉がやたら渇く。副作用なのかな?", {"medication"}),
    ("薬を変えてから食欲が止まらない", {"medication", "appetite"}),
    ("薬を変えてから体がだるい", {"medication", "fatigue"}),
    # medication: no effect, changing alone, forgetting
    ("今の薬、効いてる気がしない", {"medication"}),
    ("頓服が効いている実感がない", {"medication"}),
    ("頓服に頼る日が続いている", {"medication"}),
    ("自分の判断で薬を半分にしている", {"medication"}),
    ("しばらく錠剤はお休みしている", {"medication"}),
    ("昼の分を抜かしてしまう日がある", {"medication"}),
    ("昨夜の分を飲んだかどうか覚えていない", {"medication"}),
    # appetite
    ("空腹をまったく感じない", {"appetite"}),
    ("昼はコンビニのおにぎりだけ", {"appetite"}),
    ("朝はヨーグルトしか食べられない", {"appetite"}),
    ("夕飯はゼリー一個で終わり", {"appetite"}),
    ("夜はお茶だけで済ませてしまう", {"appetite"}),
    ("スカートがぶかぶかになってきた", {"appetite"}),
    ("去年の服がもう入らない", {"appetite"}),
    ("三か月で6キロ太った", {"appetite"}),
    ("帰ってからスナック菓子を二袋開けてしまう", {"appetite"}),
    ("弁当にほとんど手がつけられない", {"appetite"}),
    # sleep
    ("テレビの前で寝落ちしてばかり", {"sleep"}),
    ("深夜に布団の中で動画を見てしまう", {"sleep"}),
    ("アラームが鳴っても全然気づかない", {"sleep"}),
    ("日曜は夕方まで寝てしまう", {"sleep"}),
    ("寝つくのが毎晩三時になる", {"sleep"}),
    ("夜中になると頭が冴えてしまう", {"sleep"}),
    ("睡眠薬を飲んでも4時に目が覚める", {"sleep"}),
    ("嫌な夢ばかり見る", {"sleep"}),
    # physical
    ("生理がいつもより重い", {"physical"}),
    ("顎のあたりの肌荒れがひどい", {"physical"}),
    ("立ち上がると目の前が真っ暗になる", {"physical"}),
    ("朝からお腹が下っている", {"physical"}),
    ("頭がずーんと重い", {"physical"}),
    ("電車の中で目の前がぐるぐる回る", {"physical"}),
    ("腰痛で受診を勧めたと記録あり。本人より腰の痛みの訴えがあった", {"physical"}),
]

HEALTHY: list[str] = [
    # obligations are no refusal
    "薬を飲まないといけないので先に失礼します",
    "寝る前の薬を飲まなきゃ",
    "明日は通院しなければならない",
    # other people, advice, successes
    "祖母が薬をよく飲み忘れるらしい",
    "兄が病院の予約を延ばしていると聞いた",
    "薬は自己判断でやめないようにしましょう",
    "主治医と相談して薬を一種類減らせた",
    "新しい薬にしてからぐっすり眠れている",
    "副作用はもうほとんど気にならない",
    "眠気がだいぶ軽くなった",
    # negated and everyday
    "頓服はここ一か月使っていない",
    "夜中にスマホを触らないようにしている",
    "病院に行く時間はちゃんと取れている",
    "受診できたので一安心",
    "昼はパンとスープを買って食べた",
    "朝はしっかりご飯を食べてきた",
    "仕事帰りにふらっと本屋に寄った",
    "悪夢のような繁忙期がやっと終わった",
    "夢ばかり語っていても仕方ない",
    "予約を来週にずらしてもらった",
    "朝7時に目が覚めた",
    "次の連休は昼まで寝たい",
]


@pytest.fixture(scope="module")
def scorer() -> SignScorer:
    return SignScorer()


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_body_wording_is_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize("text", HEALTHY)
def test_body_look_alike_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)


MORE_SIGNS: list[tuple[str, set[str]]] = [
    ("また二度寝してしまった", {"sleep"}),
    ("休日に寝すぎてしまう", {"sleep"}),
    ("自己判断で受診をやめてしまった", {"medication"}),
    ("治療を途中で投げ出してしまった", {"medication"}),
]


@pytest.mark.parametrize(("text", "expected"), MORE_SIGNS)
def test_more_body_wording_is_detected(
    scorer: SignScorer, text: str, expected: set[str]
) -> None:
    assert set(scorer.score(text).detected) == expected


BODY_SIGNS: list[tuple[str, set[str]]] = [
    ("手足がいつも冷たい", {"physical"}),
    ("背中がずっとバキバキ", {"physical"}),
    ("夕方になると目がかすむ", {"physical"}),
    ("朝から腰痛がひどい", {"physical"}),
    ("最近髪がよく抜ける", {"physical"}),
    ("人混みだと息がしづらい", {"physical"}),
]


@pytest.mark.parametrize(("text", "expected"), BODY_SIGNS)
def test_body_signs_are_detected(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


LEAVE_AND_PREVENTION: list[str] = [
    "食欲がないときは無理に食べなくても大丈夫",
    "飲み忘れを防ぐためにアラームをかけている",
    "飲み忘れ防止にお薬カレンダーを使っている",
]


@pytest.mark.parametrize("text", LEAVE_AND_PREVENTION)
def test_leave_and_prevention_are_no_sign(scorer: SignScorer, text: str) -> None:
    assert scorer.score(text).detected == []


HIRAGANA_SIGNS: list[tuple[str, set[str]]] = [
    ("きょうもあたまいたい", {"physical"}),
    ("くすりのんでない", {"medication"}),
    ("くすりきいてないかも", {"medication"}),
    ("ねぶそくでつらい", {"sleep"}),
    ("ずつうがひどい", {"physical"}),
]
HIRAGANA_HEALTHY = ["少しずつうまくなってきた", "思わずくすりと笑った", "あまりきいてない話だった"]


@pytest.mark.parametrize(("text", "expected"), HIRAGANA_SIGNS)
def test_hiragana_body_words_are_read(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert expected <= set(scorer.score(text).detected)


@pytest.mark.parametrize("text", HIRAGANA_HEALTHY)
def test_hiragana_look_alikes_stay_healthy(scorer: SignScorer, text: str) -> None:
    assert scorer.score(text).detected == []


def test_taking_a_medicine_before_a_symptom_is_no_side_effect(scorer: SignScorer) -> None:
    # 飲んでから is a sequence of acts; only a change of medicine before てから is a cause.
    detected = scorer.score("頓服を飲んでから出勤したけど頭痛がひどい").detected
    assert "physical" in detected


def test_drowsiness_with_a_medicine_named_is_the_medicines(scorer: SignScorer) -> None:
    text = "眠気がひどいので、自分の判断で夜の錠剤を減らしている"
    assert scorer.score(text).detected == ["medication"]


MEDICINE_NAMES: list[tuple[str, set[str]]] = [
    ("リーマスを飲み始めてから指が震える", {"medication"}),
    ("デパス切らしちゃった", {"medication"}),
    ("眠剤あと3錠しかない", {"medication"}),
    ("この薬、効いているのかわからない", {"medication"}),
    ("ご飯を口に入れても飲み込めない", {"appetite"}),
]


@pytest.mark.parametrize(("text", "expected"), MEDICINE_NAMES)
def test_medicine_names_and_counts(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


def test_a_rule_ending_in_naikoto_is_general(scorer: SignScorer) -> None:
    assert scorer.score("眠剤は自己判断で増やさないこと。").detected == []


def test_drinking_alcohol_is_no_medicine(scorer: SignScorer) -> None:
    assert scorer.score("お酒を飲み始めてから胃が痛い").detected == ["physical"]


def test_a_report_from_family_is_the_graduates_sign(scorer: SignScorer) -> None:
    # The mother reports it (…と母から聞いた); she is not whose appetite it is.
    assert scorer.score("食事量が減っていると母から聞いた。").detected == ["appetite"]


def test_untold_doctor_is_medication(scorer: SignScorer) -> None:
    # ている after 話せ is an auxiliary, not 居る (staying at the workplace).
    assert scorer.score("主治医に職場のことを話せていない").detected == ["medication"]


def test_a_lapse_of_treatment_last_month_lasts(scorer: SignScorer) -> None:
    assert scorer.score("うっかり先月の受診をすっぽかした").detected == ["medication"]


@pytest.mark.parametrize(
    "text",
    ["先月は飲み忘れが多かったが、今はアプリで管理できている。", "以前は通院をさぼりがちだった"],
)
def test_lapses_that_are_over_are_no_sign(scorer: SignScorer, text: str) -> None:
    assert scorer.score(text).detected == []


TREATMENT_AT_WORK: list[tuple[str, set[str]]] = [
    ("通院がだんだん負担になってきた", {"medication"}),
    ("昼の錠剤を職場で飲みづらい", {"medication"}),
    ("通院の日に休みをもらいにくい", {"medication"}),
    # not daring to ask for the day off is also a sign about the workplace (supervisor)
    ("通院のための休みが言い出せない", {"medication", "supervisor"}),
    ("睡眠薬が手放せない", {"medication"}),
]


@pytest.mark.parametrize(("text", "expected"), TREATMENT_AT_WORK)
def test_treatment_at_work(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected


@pytest.mark.parametrize(
    "text", ["通院のため休みをもらった", "通院は負担になっていない", "朝の分は机に置いておく"]
)
def test_treatment_look_alikes(scorer: SignScorer, text: str) -> None:
    assert scorer.score(text).detected == []


@pytest.mark.parametrize(
    "text", ["昼はおにぎりだけじゃ足りないので唐揚げも買う", "先生に薬を減らしてもらえた"]
)
def test_more_look_alikes(scorer: SignScorer, text: str) -> None:
    assert scorer.score(text).detected == []
