from django import forms

from places.models import Municipality


class PlaceForm(forms.Form):
    """`kommun` on the pages that show distances from a municipality (the supplier page,
    the comparison): its SCB code. Anything else is ignored, as if no place were given."""

    kommun = forms.CharField(required=False, strip=False)

    def clean_kommun(self):
        return Municipality.objects.from_query(self.cleaned_data["kommun"])

    def municipality(self):
        """The municipality asked for, or None."""
        return self.cleaned_data["kommun"] if self.is_valid() else None
