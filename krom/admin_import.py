"""Upload, dry run, confirm: how the admin imports Arbetsförmedlingen's files, all of it or
nothing.

The upload is never stored: the dry-run page sends its bytes back in the confirmation form
(base64), and the confirmation reads and checks them again before writing anything."""

import base64
import binascii
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

# The confirmation posts the file back as base64 (4/3 of its size), which must stay under
# Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB). AF's files are 0.06–0.4 MB.
MAX_UPLOAD_SIZE = 1_500_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class UploadForm(forms.Form):
    file = forms.FileField()

    def __init__(self, *args, admin, **kwargs):
        super().__init__(*args, **kwargs)
        self.admin = admin
        field_class = MultipleFileField if admin.many_files else forms.FileField
        self.fields["file"] = field_class(label=admin.upload_label, help_text=admin.upload_help)

    def clean_file(self):
        uploads = self.files.getlist(self.add_prefix("file"))
        if sum(upload.size for upload in uploads) > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(_("Filen är större än 1,5 MB. Är det rätt fil?"))
        if self.admin.many_files:
            # Several files travel as one: a JSON list of [name, text].
            named = [[upload.name, upload.read().decode("utf-8", "replace")] for upload in uploads]
            self.content = json.dumps(named, ensure_ascii=False).encode()
            self.file_name = ", ".join(upload.name for upload in uploads)[:200]
        else:
            self.content, self.file_name = uploads[0].read(), uploads[0].name[:200]
        self.parsed = self.admin.read_for_form(self.content, self.file_name)
        return uploads


class ConfirmForm(forms.Form):
    """The dry run's file, sent back to be imported."""

    content = forms.CharField(widget=forms.HiddenInput)
    file_name = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, admin, **kwargs):
        super().__init__(*args, **kwargs)
        self.admin = admin

    def clean(self):
        try:
            content = base64.b64decode(self.cleaned_data.get("content", ""), validate=True)
        except binascii.Error:
            raise forms.ValidationError(_("Filen kom inte fram hel. Ladda upp den igen.")) from None
        self.file_name = self.cleaned_data.get("file_name", "")
        self.parsed = self.admin.read_for_form(content, self.file_name)
        return self.cleaned_data


class DryRunImportAdmin:
    """A ModelAdmin mixin: an import page beside the changelist. Subclasses say what the
    file is (upload_label, upload_help, import_intro_template, import_dry_run_template),
    who may import (import_permissions), and how to read, plan and report it."""

    import_title = ""
    upload_label = upload_help = ""
    many_files = False
    import_intro_template = import_dry_run_template = ""
    import_permissions = ()
    # Exceptions whose message the admin reads; nothing has been written when they arise.
    import_errors = ()
    change_list_template = "admin/import_change_list.html"

    def read_import(self, content, file_name):
        raise NotImplementedError

    def plan_import(self, parsed, file_name, request, *, dry_run):
        raise NotImplementedError

    def import_message(self, plan):
        raise NotImplementedError

    def import_done_url(self, plan):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")

    @property
    def import_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_import"

    def has_import_permission(self, request):
        return request.user.has_perms(self.import_permissions)

    def read_for_form(self, content, file_name):
        try:
            return self.read_import(content, file_name)
        except self.import_errors as error:
            raise forms.ValidationError(getattr(error, "errors", None) or str(error)) from error

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("importera/", view, name=self.import_url_name), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {
            "has_import_permission": self.has_import_permission(request),
            "import_title": self.import_title,
            "import_url": reverse(f"admin:{self.import_url_name}"),
        }
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    @method_decorator(require_http_methods(["GET", "POST"]))
    def import_view(self, request):
        """Upload shows the dry run; its confirmation imports."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "content" in request.POST:
            return self.confirm_import(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": self.import_title,
            "intro_template": self.import_intro_template,
            "dry_run_template": self.import_dry_run_template,
            "import_url": reverse(f"admin:{self.import_url_name}"),
            "plan": None,
        }
        form_data = [request.POST, request.FILES] if request.method == "POST" else []
        form = UploadForm(*form_data, admin=self)
        if form.is_valid():
            try:
                plan = self.plan_import(form.parsed, form.file_name, request, dry_run=True)
            except self.import_errors as error:
                form.add_error("file", getattr(error, "errors", None) or str(error))
            else:
                context["plan"], context["file_name"] = plan, form.file_name
                context["confirm_form"] = ConfirmForm(
                    admin=self,
                    initial={
                        "content": base64.b64encode(form.content).decode("ascii"),
                        "file_name": form.file_name,
                    },
                )
        context["form"] = form
        return TemplateResponse(request, "admin/import.html", context)

    def confirm_import(self, request):
        form = ConfirmForm(request.POST, admin=self)
        try:
            if not form.is_valid():
                raise forms.ValidationError(form.non_field_errors() or [_("Filen saknas.")])
            plan = self.plan_import(form.parsed, form.file_name, request, dry_run=False)
        except (forms.ValidationError, *self.import_errors) as error:
            reason = " ".join(getattr(error, "messages", None) or [str(error)])
            messages.error(request, _("Inget har sparats.") + " " + reason)
            return redirect(f"admin:{self.import_url_name}")
        messages.success(request, self.import_message(plan))
        return redirect(self.import_done_url(plan))
