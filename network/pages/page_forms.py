"""Admin form pieces shared by the network's page types."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


def free_slug(parent, slug, page=None):
    """The slug, or the first of "slug-2", "slug-3" and so on not used beside it."""
    candidate, number = slug, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


class NewPageSlugForm(WagtailAdminPageForm):
    """A new page takes a free slug instead of failing on one already used.

    The editor fills the slug in from the title, on the Promote tab, so a draft someone
    started and left (or an older page with the same title) made a new page fail with an
    error on a tab the facilitator was not looking at. Changing the slug of an existing
    page still reports a clash, as that changes a published address.
    """

    def clean(self):
        slug = self.cleaned_data.get("slug")
        if slug and self.instance.pk is None and self.parent_page is not None:
            self.cleaned_data["slug"] = free_slug(self.parent_page, slug, self.instance)
        return super().clean()


class OptionalRadioSelect(forms.RadioSelect):
    """Radios for a short optional list, with the empty choice in words, not "---------"."""

    def __init__(self, *args, none_label="None", **kwargs):
        super().__init__(*args, **kwargs)
        self.none_label = none_label

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        if value in ("", None):
            label = self.none_label
        return super().create_option(name, value, label, selected, index, subindex, attrs)
