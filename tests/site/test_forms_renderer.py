"""The fast <select> and <input> renderer writes exactly what Django's templates write."""

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
    words = forms.CharField(
        required=False, max_length=20, widget=forms.TextInput(attrs={"placeholder": 'a "b" <c>'})
    )
    query = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    count = forms.IntegerField(required=False, min_value=1)
    agreed = forms.BooleanField(required=False)
    kinds = forms.MultipleChoiceField(
        choices=CHOICES[1:], required=False, widget=forms.CheckboxSelectMultiple
    )
    one = forms.ChoiceField(choices=CHOICES, required=False, widget=forms.RadioSelect)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"plain": "FR", "several": ["FR", "X&Y"], "grouped": "DE", "numbers": "2025"},
        {"plain": "nope", "several": ["nope"], "flag": "true"},
        {"words": 'x & "y" <z>', "day": "2024-05-06", "count": "3", "agreed": "on"},
        {"kinds": ["FR", "X&Y"], "one": "CI", "day": "not a day", "count": "-1"},
    ],
)
def test_same_markup_as_django(data):
    for name in Sample.base_fields:
        ours = Sample(data or None, renderer=FastSelectRenderer())[name]
        django = Sample(data or None, renderer=DjangoTemplates())[name]
        assert str(ours) == str(django), name


def test_each_option_of_a_list_as_the_form_template_writes_it():
    """``{{ choice.tag }}`` (the input alone) and ``{{ choice }}`` (wrapped in its label),
    as includes/_form_fields.html and Django's own templates write them."""
    for data in ({}, {"kinds": ["CI"], "one": "X&Y"}):
        for name in ("kinds", "one"):
            ours = Sample(data or None, renderer=FastSelectRenderer())[name]
            django = Sample(data or None, renderer=DjangoTemplates())[name]
            assert [c.tag() for c in ours] == [c.tag() for c in django]
            assert [str(c) for c in ours] == [str(c) for c in django]
            assert any("<label" in str(c) for c in ours)


def test_other_widgets_are_left_to_django():
    form = Sample(renderer=FastSelectRenderer())
    assert str(form).startswith("<div>")  # the form template itself still renders


def test_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "meetings.forms_renderer.FastSelectRenderer"
    get_default_renderer.cache_clear()
    assert isinstance(get_default_renderer(), FastSelectRenderer)
