"""A form renderer that writes <select> and <input> elements in Python.

Django renders every <option> through two template includes. A country filter holds about
250 options, which made widget rendering the largest single cost of the timeline and the
meeting list (about 30 ms of a 45 ms page). This renderer produces the same markup as
``django/forms/widgets/select.html`` character for character (tests/site/test_forms_renderer
compares the two), and hands every other template, and any select whose options use a
custom template, to Django's own renderer. Inputs (text, date, search, number, checkbox and
the options of checkbox and radio lists) likewise: each went through three templates (the
widget's, ``input.html``, ``attrs.html``), 2 ms of the timeline's filter form.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
# Widget templates that are ``input.html`` alone, or ``input_option.html`` (an input that its
# option may wrap in its label).
INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "date", "search", "number", "email", "url", "checkbox")
}
INPUT_OPTIONS = {
    f"django/forms/widgets/{name}.html"
    for name in ("input_option", "checkbox_option", "radio_option")
}


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
        elif template_name in INPUTS:
            return mark_safe(self._input(context["widget"]))
        elif template_name in INPUT_OPTIONS:
            return mark_safe(self._input_option(context["widget"]))
        return super().render(template_name, context, request=request)

    @staticmethod
    def _input(widget: dict) -> str:
        """``django/forms/widgets/input.html``."""
        value = widget["value"]
        value = "" if value is None else f' value="{_format_s(value)}"'
        return (
            f'<input type="{conditional_escape(widget["type"])}" '
            f'name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
        )

    def _input_option(self, widget: dict) -> str:
        """``django/forms/widgets/input_option.html``."""
        if not widget.get("wrap_label"):
            return self._input(widget)
        for_id = widget["attrs"].get("id")
        label_for = f' for="{conditional_escape(for_id)}"' if for_id else ""
        # The included input.html ends with a newline, which the label keeps.
        return (
            f"<label{label_for}>{self._input(widget)}\n "
            f"{conditional_escape(widget['label'])}</label>"
        )

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
