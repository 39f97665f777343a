"""Choice fields and URL parts that never hand the database a number it cannot store.

A tampered form or address can carry an id such as 10**30. SQLite cannot bind it and
raises OverflowError, which would surface as a server error and lose what the member
typed. Ids longer than any the database can hold are refused here, as an invalid
choice in a form or as "not found" in an address.
"""

from django import forms

# Primary keys are 64-bit: 18 digits always fit, 19 may not.
MAX_ID_DIGITS = 18
MAX_ID = 2**63 - 1


def _fits(value):
    text = str(value).strip()
    return not text.isdigit() or int(text) <= MAX_ID


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _fits(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for item in value or ():
            if not _fits(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


class IdConverter:
    """Like Django's int converter, for ids the database can hold; longer ones are 404."""

    regex = f"[0-9]{{1,{MAX_ID_DIGITS}}}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
