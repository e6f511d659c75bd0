"""Casual spellings read as the standard forms the tagger knows.

Chat messages stretch and clip their words: 行きたくねー, 眠れなーい, つらいぃぃ, むりっっ.
The tagger reads 行きたくねー as 行きたく + the particle ね, and a stretched vowel breaks a
word apart, so the negation or the word itself is lost. These rules rewrite such runs
before tagging, and return which original character each new one came from, so spans
still point into the note as written.

- ね stretched after く or ん is a negation: 行きたくねー, 行きたくねぇ, わかんねえ -> ない;
- a long-vowel mark after hiragana is dropped (眠れなーい, つらーい), unless っ follows
  (ぼーっと is a word);
- a small vowel that repeats the vowel before it is dropped (つらいぃぃ, ねぇ, だるぅ);
- repeated small っ is one, and a trailing っ after hiragana is dropped (むりっっ);
- Kyushu なか after く is a negation (行きたくなか -> 行きたくない);
- adjectives said the rough way are read plainly (だりぃ -> だるい, ねみー -> ねむい,
  つれぇ -> つらい, いてぇ -> いたい, きちぃ -> きつい), each the same length;
- a few body words written all in hiragana, which the tagger splits into other words,
  are read in kanji (あたまいたい -> 頭いたい, くすりのんでない -> 薬飲んでない).

Examples
--------
>>> read_casual("会社行きたくねーー")
('会社行きたくない', [0, 1, 2, 3, 4, 5, 6, 7])
>>> read_casual("眠れなーい")[0]
'眠れない'
>>> read_casual("よく眠れています")
('よく眠れています', None)
"""

from __future__ import annotations

import re

__all__ = ["read_casual"]

_ROWS = {
    "a": "あかさたなはまやらわがざだばぱぁゃ",
    "i": "いきしちにひみりぎじぢびぴぃ",
    "u": "うくすつぬふむゆるぐずづぶぷぅゅ",
    "e": "えけせてねへめれげぜでべぺぇ",
    "o": "おこそとのほもよろをごぞどぼぽぉょ",
}
_SMALL = {
    "ぁ": "a",
    "ぃ": "i",
    "ぅ": "u",
    "ぇ": "e",
    "ぉ": "o",
    "ァ": "a",
    "ィ": "i",
    "ゥ": "u",
    "ェ": "e",
    "ォ": "o",
}
_VOWEL = {kana: vowel for vowel, row in _ROWS.items() for kana in row}

_NEGATION = re.compile("(?<=[くん])ね[ーぇェえ〜~]+")
_KYUSHU_NEGATION = re.compile("(?<=く)なか(?=$|[。、!?…\\s]|けん|ばい|よ|ね|もん)")
#: Rough spellings of adjectives, rewritten letter for letter (same length).
_ROUGH = {
    "だりぃ": "だるい",
    "だりー": "だるい",
    "ねみぃ": "ねむい",
    "ねみー": "ねむい",
    "つれぇ": "つらい",
    "つれー": "つらい",
    "いてぇ": "いたい",
    "いてー": "いたい",
    "きちぃ": "きつい",
    "きちー": "きつい",
    "うぜぇ": "うざい",
    "うぜー": "うざい",
    # recall: 言う spelt as said in western dialects (昨日とゆーとること違う)
    "ゆーとる": "言うとる",
    "ゆうとる": "言うとる",
    "ゆーてる": "言うてる",
    "ゆうてる": "言うてる",
}
_ROUGH_WORDS = re.compile("|".join(_ROUGH))
_LONG_MARK = re.compile("(?<=[ぁ-ゖ])[ー〜~]+(?!っ)")
_SMALL_VOWELS = re.compile("(?<=[ぁ-ゖ])[ぁぃぅぇぉァィゥェォ]+")
_TRAILING_TSU = re.compile("(?<=[ぁ-ゖ])っ+(?=$|[。、!?…\\s])")
_DOUBLED_TSU = re.compile("っ(っ+)")
#: Body words written all in hiragana, which the tagger splits into other words
#: (あたまいたい -> あ + たまい + たい, ずつうがひどい -> ずつ + う): read in kanji, where the
#: spelling cannot be another word (ずつう only before a particle: 少しずつうまく stays).
_KANA_WORDS = {
    "あたま": "頭",
    "ねぶそく": "寝不足",
    "たいじゅう": "体重",
    "ずつう": "頭痛",
    "のん": "飲ん",
    "いが": "胃が",
    "き": "効",
    "くすり": "薬",
}
_KANA_WORD = re.compile(
    "あたま|ねぶそく|たいじゅう|くすり(?!と)|ずつう(?=[がはもでにのをや、。!?\\s]|$)"
    "|(?:(?<=くすり)|(?<=[薬服剤]))のん(?=で|だ|じゃ)|^いが(?=いた|痛)|(?<=[。、\\s])いが(?=いた|痛)"
    "|(?:(?<=くすり)|(?<=[薬服剤]))き(?=いて|かな|かん|いた)"
)
#: Any text that one of the rules may change (one search; most notes have none).
_ANY = re.compile(
    "ね[ーぇェえ〜~]|くなか|(?<=[ぁ-ゖ])[ー〜~ぁぃぅぇぉァィゥェォ]|っっ|(?<=[ぁ-ゖ])っ(?=$|[。、!?…\\s])"
    "|" + "|".join(_ROUGH)
)
#: Letters one of the hiragana body words needs (a plain substring test is far cheaper than
#: the look-behinds of ``_KANA_WORD`` on every note).
_KANA_HINTS = ("あたま", "ねぶそく", "たいじゅう", "くすり", "ずつう", "いが", "薬", "服", "剤")


def _may_hold_kana_word(text: str) -> bool:
    return any(hint in text for hint in _KANA_HINTS)


def read_casual(text: str) -> tuple[str, list[int] | None]:
    """``(text, kept)``: the rewritten text and, for each of its characters, the index of
    the character of ``text`` it comes from (``None`` when nothing changed)."""
    if _ANY.search(text) is None and not (
        _may_hold_kana_word(text) and _KANA_WORD.search(text) is not None
    ):
        return text, None
    chars = list(text)
    source = list(range(len(text)))
    for match in _ROUGH_WORDS.finditer(text):  # same length: indices stay
        chars[match.start() : match.end()] = list(_ROUGH[match.group()])
    for match in _KYUSHU_NEGATION.finditer(text):
        chars[match.start() : match.end()] = ["な", "い"]
    for match in reversed(list(_NEGATION.finditer(text))):
        start, end = match.span()
        chars[start:end] = ["な", "い"]
        source[start:end] = [start, start + 1]
    rewritten = "".join(chars)
    keep = [True] * len(chars)
    for match in _LONG_MARK.finditer(rewritten):
        keep[match.start() : match.end()] = [False] * (match.end() - match.start())
    for match in _SMALL_VOWELS.finditer(rewritten):
        vowel = _VOWEL.get(rewritten[match.start() - 1])
        if vowel is not None and all(_SMALL[c] == vowel for c in match.group()):
            keep[match.start() : match.end()] = [False] * (match.end() - match.start())
    for match in _TRAILING_TSU.finditer(rewritten):
        keep[match.start() : match.end()] = [False] * (match.end() - match.start())
    for match in _DOUBLED_TSU.finditer(rewritten):
        keep[match.start(1) : match.end(1)] = [False] * (match.end(1) - match.start(1))
    out = "".join(c for c, k in zip(chars, keep, strict=True) if k)
    kept = [s for s, k in zip(source, keep, strict=True) if k]
    kana_words = _KANA_WORD.finditer(out) if _may_hold_kana_word(out) else ()
    for match in reversed(list(kana_words)):  # never longer: indices stay
        start, end = match.span()
        word = _KANA_WORDS[match.group()]
        out = out[:start] + word + out[end:]
        # The new word's first and last characters point at the old word's first and last.
        tail = [kept[end - 1]] if len(word) > 1 else []
        kept[start:end] = kept[start : start + len(word) - len(tail)] + tail
    if out == text:
        return text, None
    return out, kept
