"""Editor-written text is escaped, never evaluated; phone numbers become safe tel: links."""

from screening.templatetags.screening_tags import paragraphs, tel_href


def test_paragraphs_split_on_blank_lines_and_make_bullets():
    html = paragraphs("First line\nsecond line\n\n- one\n- two\n\nLast")
    assert html == ("<p>First line<br>second line</p><ul><li>one</li><li>two</li></ul><p>Last</p>")


def test_paragraphs_escape_markup_from_editors():
    html = paragraphs('<script>alert(1)</script>\n\n- <img src=x onerror="x()">')
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_empty_guidance_renders_nothing():
    assert paragraphs("") == ""
    assert paragraphs(None) == ""


def test_tel_href_keeps_digits_and_a_leading_plus_only():
    assert tel_href("+977 1 4433 000") == "tel:+97714433000"
    assert tel_href("1098") == "tel:1098"
    assert tel_href("(02) 555-0100 javascript:x") == "tel:025550100"
