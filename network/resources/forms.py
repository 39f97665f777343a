"""The admin's document upload form, which checks each file by its contents.

Wagtail uses this as the base of every document form (the documents area, the chooser's
upload tab and multiple upload), set by WAGTAILDOCS_DOCUMENT_FORM_BASE, so no path into
the library skips the check.
"""

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from . import files


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return upload
        if files.extension_of(upload.name) not in files.KINDS:
            return upload  # Wagtail's own check names the endings it takes
        label = files.label_for(upload.name)
        try:
            files.check(upload, upload.name)
        except files.NotThatKindError as error:
            raise ValidationError(
                f"This file {error}, though its name ends .{files.extension_of(upload.name)} "
                f"({label}). Save it again in that format, or give it the ending of the kind "
                "of file it really is.",
                code="not_that_kind",
            ) from error
        return upload

    def _post_clean(self):
        """One message per problem: a file refused above is not also blamed for having no
        extension by Wagtail's model check, which sees the file field empty."""
        refused = list(self._errors.get("file", [])) if hasattr(self, "_errors") else []
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)
