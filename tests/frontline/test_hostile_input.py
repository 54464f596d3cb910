"""Property-based attacks (hypothesis): hostile checklist POSTs and hostile content files.

Never a 500; an invalid submission leaves no record; an invalid file changes no content.
Examples are few and without deadline so the suite stays quick on a small CI machine."""

import json
import string

from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from screening.choices import AgeBand, Setting
from screening.content import transfer as content_io
from screening.models import UsageRecord
from tests.content.test_content_io import snapshot, upload, valid_file
from tests.frontline.test_checklist import field, start_checklist

QUICK = settings(
    max_examples=25,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CHECKLIST = reverse("screening:checklist")
VALID_ANSWERS = {"", "yes", "no", "not_sure"}

# Text an attacker sends: control characters, other scripts, markup, very long strings.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["<script>", "' OR 1=1 --", "\x00", "%FF", "yes\x00", "YES", " yes", "9" * 5000]
    ),
    st.text(alphabet=string.printable, min_size=300, max_size=2000),
)


def forged(valid: set[str]):
    return hostile_text.filter(lambda value: value not in valid)


@QUICK
@given(data=st.data())
def test_hostile_checklist_posts_never_give_a_500_or_a_record(worker_client, content, data):
    indicators = [field(indicator) for indicator in content["indicators"].values()]
    # One field certainly forged; the others anything, valid or not.
    target = data.draw(
        st.sampled_from([*indicators, "region", "setting", "age_band", "immediate_danger"])
    )
    valid = {
        "region": {"", "north", "south"},
        "setting": {"", *Setting.values},
        "age_band": {"", *AgeBand.values},
    }.get(target, VALID_ANSWERS)
    post = data.draw(
        st.dictionaries(
            st.one_of(st.sampled_from(indicators), st.text(max_size=12)),
            st.one_of(hostile_text, st.sampled_from(sorted(VALID_ANSWERS))),
            max_size=8,
        )
    )
    post[target] = data.draw(forged(valid))
    post["token"] = data.draw(st.one_of(st.just(start_checklist(worker_client)), hostile_text))
    before = UsageRecord.objects.count()

    response = worker_client.post(CHECKLIST, post)

    assert response.status_code in (200, 400), response.status_code
    assert UsageRecord.objects.count() == before


json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
# A value of the wrong kind for every field of a content item (none takes a float, a
# non-empty list of numbers, or an object keyed by no language).
wrong_kind = st.one_of(
    st.floats(allow_nan=False).filter(lambda x: not float(x).is_integer()),
    st.lists(st.integers(), min_size=1, max_size=3),
    st.dictionaries(
        st.text(max_size=5).map(lambda key: f"x-{key}"), json_values, min_size=1, max_size=3
    ),
)


@QUICK
@given(raw=st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode())))
@example(raw=b"[" + b"9" * 4301 + b"]")  # past Python's integer conversion limit
@example(raw=b'{"format": ' * 2000)
def test_hostile_content_files_are_refused_and_change_nothing(editor_client, content, raw):
    before = snapshot()
    response = editor_client.post(reverse("admin:screening_content_transfer"), upload(raw))
    assert response.status_code == 400
    html = response.content.decode()
    # The import's list of problems, or the form's own ("The submitted file is empty.").
    assert "nothing was changed" in html or 'class="errorlist' in html
    assert snapshot() == before


@QUICK
@given(data=st.data())
def test_a_content_file_with_one_wrong_value_is_refused_whole(content, data):
    file = valid_file()
    kind = data.draw(st.sampled_from(["regions", "sections", "indicators", "guidance", "contacts"]))
    items = file[kind]
    item = items[data.draw(st.integers(0, len(items) - 1))]
    key = data.draw(st.sampled_from(sorted(item)))
    item[key] = data.draw(wrong_kind)
    before = snapshot()
    try:
        content_io.import_content(content_io.loads(json.dumps(file)))
    except content_io.ContentFileError as exc:
        assert exc.messages
    else:
        raise AssertionError(f"{kind}.{key} = {item[key]!r} was accepted")
    assert snapshot() == before
