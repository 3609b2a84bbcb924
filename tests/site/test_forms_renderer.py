"""The fast <select> renderer writes exactly what Django's templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from meetings.forms_renderer import FastSelectRenderer

CHOICES = [("", "Any country"), ("FR", "France"), ("CI", "Côte d'Ivoire"), ("X&Y", "<b>x</b>")]


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    several = forms.MultipleChoiceField(
        choices=CHOICES[1:],
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6, "data-note": 'say "hi"'}),
        help_text="Hold Ctrl to choose several.",
    )
    grouped = forms.ChoiceField(
        choices=[("Europe", [("FR", "France"), ("DE", "Germany")]), ("ZZ", "Elsewhere")],
        required=False,
    )
    numbers = forms.TypedChoiceField(
        choices=[(2024, 2024), (2025, mark_safe("<i>2025</i>"))], coerce=int, required=False
    )
    flag = forms.NullBooleanField(required=False)
    disabled = forms.ChoiceField(choices=CHOICES, disabled=True, required=False)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"plain": "FR", "several": ["FR", "X&Y"], "grouped": "DE", "numbers": "2025"},
        {"plain": "nope", "several": ["nope"], "flag": "true"},
    ],
)
def test_same_markup_as_django(data):
    for name in Sample.base_fields:
        ours = Sample(data or None, renderer=FastSelectRenderer())[name]
        django = Sample(data or None, renderer=DjangoTemplates())[name]
        assert str(ours) == str(django), name


def test_other_widgets_are_left_to_django():
    form = Sample(renderer=FastSelectRenderer())
    assert str(form).startswith("<div>")  # the form template itself still renders


def test_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "meetings.forms_renderer.FastSelectRenderer"
    get_default_renderer.cache_clear()
    assert isinstance(get_default_renderer(), FastSelectRenderer)
