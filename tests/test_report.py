"""The staff report: HTML page content, suggested actions, changes since an earlier date."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sign_detect import Actions, ConfigError, build_report, rank_graduates, render_report
from sign_detect.features.checkins import score_checkins
from sign_detect.report import change_since, left_out_count
from sign_detect.risk.ranking import rank_scored
from sign_detect.simulate import Cohort, simulate_cohort

AS_OF = "2025-06-30"
CRISIS_NOTE = "最近、消えてしまいたいと思う夜がある。"
SLEEP_NOTE = "夜中に何度も目が覚めて、朝がとてもつらいと話される。"


def _note(gid: str, day: str, text: str) -> dict[str, object]:
    return {"graduate_id": gid, "date": pd.Timestamp(day), "channel": "phone", "note": text}


@pytest.fixture(scope="module")
def cohort() -> Cohort:
    """A simulated caseload plus one person who wrote a crisis word and a sleep complaint."""
    base = simulate_cohort(14, days=200, seed=21)
    gone = set(base.outcomes.loc[base.outcomes["date"] <= AS_OF, "graduate_id"])
    person = next(g for g in sorted(base.checkins["graduate_id"].unique()) if g not in gone)
    extra = pd.DataFrame(
        [_note(person, "2025-06-20", SLEEP_NOTE), _note(person, "2025-06-27", CRISIS_NOTE)]
    )
    checkins = pd.concat([base.checkins, extra], ignore_index=True)
    return Cohort(checkins, base.attendance, base.graduates, base.outcomes)


@pytest.fixture(scope="module")
def crisis_person(cohort: Cohort) -> str:
    return str(cohort.checkins["graduate_id"].iloc[-1])


@pytest.fixture(scope="module")
def page(cohort: Cohort) -> str:
    return build_report(
        cohort.checkins,
        cohort.attendance,
        graduates=cohort.graduates,
        outcomes=cohort.outcomes,
        as_of=AS_OF,
        top=4,
    )


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_first_line_of_the_page_is_the_crisis(page: str, crisis_person: str) -> None:
    body = page.split("<body>", 1)[1]
    first = next(line for line in _text(body).splitlines() if line.strip())
    assert first.startswith(f"危機的な発言あり: {crisis_person}")
    assert "2025-06-27" in first and "今日中" in first


def test_the_page_states_date_caseload_and_who_was_left_out(page: str, cohort: Cohort) -> None:
    ranking = rank_graduates(
        cohort.checkins, cohort.attendance, as_of=AS_OF, outcomes=cohort.outcomes
    )
    left = left_out_count(cohort.outcomes, pd.Timestamp(AS_OF))
    assert left > 0
    text = _text(page)
    assert f"基準日{AS_OF}" in text
    counts = f"順位付け {len(ranking)}人、基準日までに退職・休職した {left}人を除く"
    assert f"{len(ranking) + left}人({counts})" in text
    assert "2025-06-02 時点との比較" in text  # four weeks before by default


def test_the_page_is_self_contained_and_holds_no_note_text(page: str) -> None:
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<script" not in page and "@import" not in page
    assert CRISIS_NOTE not in page and "目が覚め" not in page
    assert "記録の本文は含まれていません" in page


def test_flagged_people_have_a_timeline_and_actions(page: str, crisis_person: str) -> None:
    article = page.split(f'id="person-{crisis_person}"', 1)[1].split("</article>", 1)[0]
    assert article.count('<img src="data:image/png;base64,') == 1
    actions = re.findall(r"<li><strong>(.*?)</strong>: (.*?)</li>", article)
    assert actions[0] == ("危機的な発言", Actions.default().reasons["crisis"].action)
    assert ("睡眠", Actions.default().categories["sleep"].action) in actions
    assert 'class="reason-crisis">危機的な発言' in article


def test_levels_are_japanese_with_a_colour_class(page: str) -> None:
    badges = re.findall(r'<span class="badge badge-(\w+)">(.)</span>', page)
    assert badges and {label for _, label in badges} <= {"高", "中", "低"}
    assert all({"high": "高", "medium": "中", "low": "低"}[lv] == label for lv, label in badges)


def test_top_limits_the_list(page: str) -> None:
    assert len(re.findall(r'<tr class="level-', page)) == 4
    assert "上位 4人を表示しています" in page


def test_evidence_shows_the_words_and_dates_only_when_asked(
    cohort: Cohort, crisis_person: str
) -> None:
    page = build_report(
        cohort.checkins, cohort.attendance, as_of=AS_OF, evidence=True, top=1, timelines=False
    )
    article = page.split(f'id="person-{crisis_person}"', 1)[1].split("</article>", 1)[0]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", article)
    assert rows[-1][:2] == ("2025-06-27", "電話")
    assert "「消えてしまいたい」(危機)" in rows[-1][2]
    assert any(day == "2025-06-20" and "睡眠「" in words for day, _, words in rows)
    assert CRISIS_NOTE not in page  # the words that fired, not the whole note
    assert "記録の言葉が含まれます" in page


def test_evidence_needs_the_words_in_the_scored_notes(cohort: Cohort) -> None:
    scored = score_checkins(cohort.checkins)
    ranking = rank_scored(scored, cohort.attendance, pd.Timestamp(AS_OF))
    with pytest.raises(ValueError, match="hits=True"):
        render_report(ranking, scored, cohort.attendance, as_of=AS_OF, evidence=True)


def test_since_must_be_before_as_of(cohort: Cohort) -> None:
    with pytest.raises(ValueError, match="since"):
        build_report(cohort.checkins, cohort.attendance, as_of=AS_OF, since="2025-07-01")


def test_no_flagged_people_says_so(cohort: Cohort) -> None:
    no_notes = cohort.checkins.iloc[:0]
    five_days = cohort.attendance.head(5)  # one person, five ordinary days
    page = build_report(no_notes, five_days, timelines=False)
    assert "注意(高・中)の人はいません" in page


def test_a_date_before_any_record_gives_an_empty_list(cohort: Cohort) -> None:
    page = build_report(cohort.checkins, cohort.attendance, as_of="2024-12-01")
    assert "0人(順位付け 0人)" in _text(page)
    assert "注意(高・中)の人はいません" in page


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [
        ("high", None, "新規"),
        ("high", "medium", "上昇"),
        ("medium", "high", "低下"),
        ("low", "low", ""),
    ],
)
def test_change_since(now: str, before: str | None, expected: str) -> None:
    ranking = pd.DataFrame({"graduate_id": ["G1"], "rank": [1], "level": [now]})
    previous = pd.DataFrame(
        {
            "graduate_id": ["G1"] if before else [],
            "rank": [3] if before else [],
            "level": [before] if before else [],
        }
    )
    out = change_since(ranking, previous)
    assert out["change"].tolist() == [expected]
    assert out["previous_rank"].tolist() == ([3] if before else [pd.NA])


def test_actions_cover_every_category_and_rule_and_crisis_comes_first() -> None:
    actions = Actions.default()
    keys = ["sign_quit_intent", "unanswered", "crisis", "sign_supervisor"]
    labels = [a.label for a in actions.for_keys(keys)]
    assert labels == ["危機的な発言", "離職・出勤への抵抗", "連絡がつかない", "上司・指示"]
    assert "一つずつ" in actions.categories["supervisor"].action
    assert "一週間以内" in actions.categories["quit_intent"].action
    assert "別の連絡手段" in actions.reasons["unanswered"].action
    table = actions.to_frame()
    assert list(table.columns) == ["種類", "項目", "意味", "早めの対応"]
    assert table["項目"].iloc[0] == "危機的な発言"


def test_an_office_file_overrides_one_text_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('[categories.sleep]\naction = "週明けに電話で睡眠の様子を聞く"\n', "utf-8")
    actions = Actions.from_toml(path)
    assert actions.categories["sleep"].action == "週明けに電話で睡眠の様子を聞く"
    assert actions.categories["sleep"].label == "睡眠"
    assert actions.reasons == Actions.default().reasons


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[categories.sleeping]\naction = "x"\n', "sleeping"),
        ('[reasons.phone]\naction = "x"\n', "phone"),
        ('[categories.sleep]\nactoin = "x"\n', "actoin"),
        ("[categories.sleep\n", "not valid TOML"),
    ],
)
def test_a_bad_office_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "office.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        Actions.from_toml(path)
    assert str(path) in str(info.value)
