"""Practice cases travel in the content file like the rest of the content."""

import copy
import json

import pytest

from screening.content import transfer as content_io
from screening.models import PracticeCase


def case_rows() -> list[tuple]:
    return sorted(
        (
            case.slug,
            case.title_en,
            case.story_ne,
            case.notes_ur,
            case.setting,
            case.age_band,
            case.in_danger,
            case.source,
            case.position,
            case.active,
            tuple(sorted(i.slug for i in case.signs.all())),
        )
        for case in PracticeCase.objects.all()
    )


def test_cases_export_and_import_back_exactly(db):
    case = PracticeCase.objects.get(slug="hotel-room")
    case.story_ne = "नेपाली कथा"
    case.notes_ur = "اردو نوٹ"
    case.save()
    before = case_rows()
    exported = json.loads(content_io.dumps(content_io.export_content()))
    assert {item["slug"] for item in exported["practice"]} >= {"hotel-room", "street-night"}
    PracticeCase.objects.all().delete()

    summary = content_io.import_content(exported)

    assert summary["practice"]["created"] == len(before)
    assert case_rows() == before
    assert content_io.import_content(exported)["practice"]["created"] == 0


def test_a_file_without_practice_cases_leaves_them_as_they_are(db):
    exported = content_io.export_content()
    del exported["practice"]
    before = case_rows()
    summary = content_io.import_content(exported)
    assert "practice" not in summary
    assert case_rows() == before


def test_a_case_missing_from_a_file_that_lists_cases_is_retired_not_deleted(db):
    exported = content_io.export_content()
    exported["practice"] = [c for c in exported["practice"] if c["slug"] != "hotel-room"]
    content_io.import_content(exported)
    assert PracticeCase.objects.get(slug="hotel-room").active is False


@pytest.mark.parametrize(
    "change, message",
    [
        ({"signs": ["no-such-sign"]}, "practice[0].signs: unknown indicator 'no-such-sign'"),
        ({"setting": "moon"}, "practice[0].setting"),
        ({"age_band": 7}, "practice[0].age_band"),
        ({"in_danger": "yes"}, "practice[0].in_danger"),
        ({"signs": "hidden-venue"}, "practice[0].signs: expected a list of indicator codes"),
    ],
)
def test_a_bad_case_is_refused_with_its_place_and_nothing_is_written(db, change, message):
    exported = content_io.export_content()
    bad = copy.deepcopy(exported)
    bad["practice"][0].update(change)
    before = case_rows()
    with pytest.raises(content_io.ContentFileError) as refused:
        content_io.import_content(bad)
    assert any(message in problem for problem in refused.value.messages), refused.value.messages
    assert case_rows() == before
