"""A form renderer that writes <select> elements in Python.

Django renders every <option> through two template includes. A country filter holds about
250 options, which made widget rendering the largest single cost of the timeline and the
meeting list (about 30 ms of a 45 ms page). This renderer produces the same markup as
``django/forms/widgets/select.html`` character for character (tests/site/test_forms_renderer
compares the two), and hands every other template, and any select whose options use a
custom template, to Django's own renderer.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _format_s(value) -> str:
    """``{{ value|stringformat:'s' }}``: the filter keeps a safe input safe, escapes the rest."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs: dict) -> str:
    """``django/forms/widgets/attrs.html``."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{_format_s(value)}"')
    return "".join(parts)


class FastSelectRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name == SELECT:
            html = self._select(context["widget"])
            if html is not None:
                return mark_safe(html)
        return super().render(template_name, context, request=request)

    def _select(self, widget: dict) -> str | None:
        out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                if option["template_name"] != OPTION:
                    return None  # a custom option template: let Django render it
                # The option template ends with a newline, which the include keeps.
                out.append(
                    f'\n  <option value="{_format_s(option["value"])}"'
                    f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")
        return "".join(out)
