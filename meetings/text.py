"""Text rules shared by the models and the (Django-free) import readers."""


def normalize_line_ends(text: str) -> str:
    """``\\n`` for every line end: a browser submits a textarea with ``\\r\\n``, a CSV cell or
    a Windows file brings ``\\r\\n``, old Mac files ``\\r``; the paragraph rule and every
    stored span offset count on ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
