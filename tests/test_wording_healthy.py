"""Healthy look-alikes from explanations, headings and advice, and the first-person signs
worded the same way that must still count (area: healthy sentences).

Our own sentences, in the shapes office blogs and Q&A answers use: general explanations
(…のサインの一つです, …ケースがあります, …方も多いです), headings (…ときの対処法),
reader-addressing questions (…で悩んでいませんか?), and advice (…する必要はありません).
"""

from __future__ import annotations

import pytest

from sign_detect import SignScorer

HEALTHY: list[str] = [
    # frames of explanation after the cue
    "朝起きられなくなるのは、うつのサインの一つです。",
    "職場でのいじめは、早期離職の要因です。",
    "睡眠不足が続くと、集中力が落ちる原因になります。",
    "疲れを我慢して働き続けてしまうケースがあります。",
    "服薬を急にやめると、症状がぶり返すおそれがあります。",
    "発達障害のある人は、感覚過敏で疲れやすい傾向があります。",
    # …ことがあります after a general condition
    "ストレスが続くと、食欲が落ちることがあります。",
    # people in general
    "上司への報告が苦手な方も多いです。",
    "仕事を辞めたいと考える人は少なくありません。",
    "人間関係に悩む方は、まず支援員に話してみてください。",
    "働く障害者の多くが、将来に不安を抱えています。",
    # headings and readers addressed
    "眠れない夜の過ごし方",
    "会社に行きたくない朝の対処法",
    "食欲がないときに試したいこと",
    "疲れが抜けない、眠りが浅いといったお悩みをお持ちの方へ",
    "職場の人間関係で悩んでいませんか?",
    "仕事を辞めたいと思ったことはありませんか?",
    # advice
    "ミスをしても落ち込む必要はありません。",
    "薬の副作用でふらつくこともあるので注意が必要です。",
    # a state called normal, people in general, article words
    "新しい環境で緊張するのは当然のことです。",
    "慣れないうちは誰でも疲れるものです。",
    "寝つきが悪くなるのは、この薬ではよくあることです。",
    "不安を感じやすい方にとって、電話対応は負担が大きい業務です。",
    "職場で浮いてしまいがちな人には、こまめな声かけが役立ちます。",
    "仕事を辞めたいと感じたときの対処法を紹介します。",
    "服薬の飲み忘れを防ぐには、スマホのリマインダーが便利です。",
    "寝不足の原因は人によって異なります。",
    "うつ病の代表的な症状には、不眠や食欲低下があります。",
    "頭痛や腹痛といった不調は見られないとのこと。",
    "支援員と話すうちに、仕事への不安が軽減されました。",
    # answers to a question: sympathy, leave, options
    "夜中に目が覚めるのはつらいですよね。",
    "無理に食べようとしなくても大丈夫ですよ。",
    "職場が合わないなら、退職も一つの選択肢だと思います。",
    "人前で緊張してしまう気持ちはよくわかります。",
    "朝起きられないのは甘えではありません。",
    "頓服の使い方を主治医に確認しておくと安心です。",
    "頭痛が続く場合は、別の病気の可能性もあります。",
    "同期のDさんが最近元気がなくて心配です。",
    # recovery and plans
    "一時は食が細くなったけど、体重はもう元に戻った。",
    "あの頃の憂うつが嘘みたいに、毎日楽しく働けている。",
    "夏休みになったら一日中ごろごろ寝るんだ",
    # common to many, and words of an article
    "働いていれば、上司との関係に悩むことは決して珍しくありません。",
    "「会社に行きたくない」と思う朝は、誰にでもあります。",
    "残業が多くて疲れるという声も多く聞かれます。",
    "季節の変わり目は、気分が落ち込みやすい時期です。",
    "食べられない、眠れないといった状態が続いたら、受診の目安です。",
    "人間関係に悩んでいる方に向けて、相談先をまとめました。",
    # an era that is over, and symptoms that do not appear
    "入社したばかりの頃は、緊張でなかなか寝つけませんでした。",
    "あの頃は上司の声を聞くだけで胃が痛くなっていました。",
    "一時期は本気で転職を考えていました。",
    "動悸や息苦しさなどの症状は今のところ出ていない。",
    "眠気やだるさを感じることもなく、作業に集中できている。",
    # general statements about a condition or people
    "パニック障害では、電車の中で動悸が起きることがあります。",
    "発達障害がある場合、口頭の指示だけでは混乱しやすくなります。",
    "人によっては、昼休みの雑談にストレスを感じることもあります。",
    "責任感の強い人ほど、仕事を抱え込んでしまいがちです。",
    "うつの特徴として、朝に気分が重いことが挙げられます。",
    "睡眠を削らないことが何より重要です。",
    # successes told with lessening and return
    "不安になることが前より少なくなりました。",
    "めまいの回数がずいぶん減りました。",
    "休職から復帰して一年、順調に働けています。",
    # people heard often, days as cases of advice, headings
    "「夜中に目が覚める」という人もいます。",
    "職場に行くのがつらいという相談をよく受けます。",
    "イライラした日は、ゆっくりお風呂に入るのもいいですね。",
    "寝つけない夜に試してほしい呼吸法",
    "上司に叱られた日の気持ちの切り替え方",
    "緊張が強いときに使えるリラックス法があります。",
    # a list joined by commas, closed by など, under one negation
    "腹痛、下痢、めまいなどの症状は見られない。",
    # a past, then the present as a topic
    "夜はなかなか寝つけなかったです。でも今は布団に入るとすぐ眠れます。",
    "食欲が落ちていたけど、最近は三食しっかり食べている。",
    # what may happen
    "上司に叱られただけで出勤できなくなることも起こり得ます。",
    "服薬を中断してしまう場合も少なくありません。",
    # a …ながら clause takes the tense of the clause it joins
    "あの頃は毎朝泣きながら出勤していました。",
]

SIGNS: list[tuple[str, set[str]]] = [
    # the same shapes told of the writer's own present stay signs
    ("最近、夜中に目が覚めることがあります。", {"sleep"}),
    ("私は疲れやすい傾向があって、最近は特にひどいです。", {"fatigue"}),
    ("最近だるいのは、うつのサインでしょうか?", {"fatigue", "mood"}),
    ("仕事中に頭がズキズキすることがあります。", {"physical"}),
    ("休んだ方がいいのか迷うほど疲れています。", {"fatigue"}),
    ("朝の挨拶を返してくれない人がいる", {"coworkers"}),
    ("休職の手続きについて教えてください。", {"quit_intent"}),
    # a habit of the writer's own day told with …すると…ことがあります
    ("出勤前になると吐き気がすることがよくあります。", {"physical"}),
    ("朝になると会社に行きたくないと思うことがあります。", {"quit_intent"}),
    ("上司に話しかけようとすると、手が震えることがあります。", {"physical"}),
    # frames told as the writer's own past or thought stay signs
    ("寝つけないのは仕事の不安が原因だと主治医に言われました。", {"sleep", "mood"}),
    ("吐き気を我慢して出勤するのは当然だと思っていました。", {"physical"}),
    ("眠れなくて、薬を変えてもらう必要があるか迷っています。", {"sleep"}),
    # 方 as "rather" is nobody else
    ("休職した方がいいのか迷うくらい、毎朝しんどいです。", {"fatigue", "quit_intent"}),
    ("残業が多い部署は避けたほうが良いでしょう。", set()),
    # a return into a bad state, or again, is no recovery
    ("また夜中に何度も目が覚める生活に戻ってしまった。", {"sleep"}),
    ("休みの日になると昼過ぎまで寝てしまう。", {"sleep"}),
    # 頃 / 時期 that are no past
    ("昼頃になると決まって頭が重くなる。", {"physical"}),
    ("異動した頃から、朝起きるのがつらい。", {"sleep"}),
    # lessening in another clause, or denied, is no recovery
    ("上司との関係に悩んでいて、食べる量も減っている。", {"supervisor", "appetite"}),
    ("頭痛がなかなか減らない。", {"physical"}),
    # a day told as a habit, and a staff record ending in …とのこと
    ("眠れない日はついお酒を飲んでしまう。", {"sleep"}),
    ("朝食をとれない日が続いているとのこと。", {"appetite"}),
    # the first person's casual …んですよね / …のは当然だよね stay signs
    ("上司がほんと怖いんですよね", {"supervisor"}),
    ("眠れなくて、朝がつらいんですよね", {"sleep"}),
    ("仕事行きたくないですよね、月曜って", {"quit_intent"}),
    # …の方が多い compares, it names no people
    ("最近は眠れない日の方が多いです。", {"sleep"}),
    # people doing something to the graduate are a complaint, however many
    ("職場には挨拶を返してくれない人も多い。", {"coworkers"}),
    # a comma with no list marker is no list
    ("頭痛、吐き気がひどい。", {"physical"}),
    # …最近はもっとひどい carries the past on
    ("だるさはあったけど、最近はもっとひどくなった。", {"fatigue"}),
    ("毎朝泣きながら出勤している。", {"mood"}),
]


@pytest.mark.parametrize("text", HEALTHY)
def test_explanation_is_no_sign(scorer: SignScorer, text: str) -> None:
    result = scorer.score(text)
    assert result.detected == []
    assert not any(hit.is_sign for hit in result.hits)


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_own_present_stays_a_sign(scorer: SignScorer, text: str, expected: set[str]) -> None:
    assert set(scorer.score(text).detected) == expected
