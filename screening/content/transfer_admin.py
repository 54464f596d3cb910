"""The admin page that moves the whole content set between deployments as one file."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from screening.content import transfer as content_io
from screening.models import Guidance, Indicator, Region, Section, SupportContact

CONTENT_MODELS = (Region, Section, Indicator, Guidance, SupportContact)


def _has_all(user, actions: tuple[str, ...]) -> bool:
    return (
        user.is_active
        and user.is_staff
        and all(
            user.has_perm(f"screening.{action}_{model._meta.model_name}")
            for model in CONTENT_MODELS
            for action in actions
        )
    )


def can_export(user) -> bool:
    """Say whether user may see every kind of content, and so download it all."""
    return _has_all(user, ("view",))


def can_import(user) -> bool:
    """Say whether user may add and change every kind of content, and so import a file."""
    return _has_all(user, ("add", "change"))


class ContentImportForm(forms.Form):
    file = forms.FileField(
        label=_("Content file"),
        help_text=_(
            "A .json file made with 'Export' on this page or with "
            "'manage.py export_content'. At most 2 MB."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I understand that content missing from the file will be made inactive"),
        help_text=_(
            "Items in the file are updated or added. Items that are here but not in the file "
            "are made inactive, never deleted, so past records keep their meaning."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > content_io.MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Is it a content file from this app?")
            )
        return upload


def content_export_view(request: HttpRequest) -> HttpResponse:
    """Send the whole content set as a dated JSON download."""
    if not can_export(request.user):
        raise PermissionDenied
    response = HttpResponse(
        content_io.dumps(content_io.export_content()),
        content_type="application/json; charset=utf-8",
    )
    filename = f"recognise-and-refer-content-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def content_transfer_view(request: HttpRequest, *, model_admin: admin.ModelAdmin) -> HttpResponse:
    """Offer the export, and import an uploaded file for editors allowed to change it all."""
    if not can_export(request.user):
        raise PermissionDenied
    allowed_to_import = can_import(request.user)
    problems: list[str] = []
    form = ContentImportForm()
    if request.method == "POST":
        if not allowed_to_import:
            raise PermissionDenied
        form = ContentImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                data = content_io.loads(form.cleaned_data["file"].read())
                summary = content_io.import_content(data)
            except content_io.ContentFileError as exc:
                problems = exc.messages
            else:
                messages.success(
                    request,
                    _("Content imported. %(summary)s.")
                    % {"summary": content_io.summary_text(summary)},
                )
                return redirect("admin:screening_content_transfer")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Move content between deployments"),
        "opts": model_admin.model._meta,
        "form": form,
        "problems": problems,
        "can_import": allowed_to_import,
    }
    status = 400 if problems or form.errors else 200
    return TemplateResponse(
        request, "admin/screening/content_transfer.html", context, status=status
    )
