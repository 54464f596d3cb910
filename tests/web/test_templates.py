"""Nothing inline that the Content Security Policy forbids, in any template or rendered page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import sign_in
from tests.dashboard.test_dashboard import known  # noqa: F401  (a fixture)
from tests.frontline.test_checklist import field, submit

FORBIDDEN = {
    "a style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.I),
    "a <style> element": re.compile(r"<style[\s>]", re.I),
    "a <script> without src": re.compile(r"<script(?![^>]*\ssrc\s*=)[^>]*>", re.I),
    "an inline event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "a javascript: URL": re.compile(r"javascript:", re.I),
}


def template_files() -> list[Path]:
    roots = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    roots.append(Path(settings.BASE_DIR) / "screening" / "templates")
    return sorted(p for root in roots if root.exists() for p in root.rglob("*.html"))


def problems(text: str) -> list[str]:
    return [name for name, pattern in FORBIDDEN.items() if pattern.search(text)]


def test_it_finds_the_project_templates():
    names = {p.name for p in template_files()}
    assert {"base.html", "start.html", "checklist.html", "result.html"} <= names


@pytest.mark.parametrize(
    "path", template_files(), ids=lambda p: str(p.relative_to(settings.BASE_DIR))
)
def test_no_template_has_inline_style_or_script(path):
    assert problems(path.read_text(encoding="utf-8")) == []


def test_no_rendered_page_has_inline_style_or_script(worker_client, supervisor, known):  # noqa: F811
    ind = known["indicators"]
    submit(worker_client, immediate_danger="yes", region="north", **{field(ind["venue"]): "yes"})
    pages = {
        name: worker_client.get(reverse(name)).content.decode()
        for name in [
            "screening:start",
            "screening:checklist",
            "screening:result",
            "screening:guidance",
            "screening:contacts",
        ]
    }
    sign_in(worker_client, supervisor)
    pages["dashboard"] = worker_client.get(reverse("screening:dashboard"), {"period": "2026-Q2"})
    pages["dashboard"] = pages["dashboard"].content.decode()
    assert "<svg" in pages["dashboard"]
    worker_client.logout()
    pages["login"] = worker_client.get(reverse("login")).content.decode()
    for name, html in pages.items():
        assert problems(html) == [], name
