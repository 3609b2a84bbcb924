"""Text rules shared by the models and the (Django-free) import readers."""

import re


def normalize_line_ends(text: str) -> str:
    """``\\n`` for every line end: a browser submits a textarea with ``\\r\\n``, a CSV cell or
    a Windows file brings ``\\r\\n``, old Mac files ``\\r``; the paragraph rule and every
    stored span offset count on ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ", TASS reported." / ", Xinhua news agency reported." / ", the ministry said." / ", he added."
# at the end of a sentence of a reported statement: the attribution, which the page shows
# once, below the words.
_ATTRIBUTION = re.compile(
    r",\s+(?P<who>(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}(?:news\s+agency|[A-Z][\w.'’-]*)"
    r"|the\s+(?:[\w'’-]+\s+){0,3}(?:ministry|government|agency|embassy|office|presidency"
    r"|spokes(?:man|woman|person)|statement|readout|communiqu[eé])"
    r"|he|she|they)\s+(?:reported|said|added|noted|stated)(?=\s*(?:[.;]|$))"
)


def split_attribution(text: str) -> tuple[str, str]:
    """(the words, who reported them) of a statement whose text repeats its attribution:
    "Trade would grow, TASS reported." -> ("Trade would grow.", "TASS"). The reporter is
    the first named one (not a pronoun); "" when the text names none."""
    reporter = ""
    for match in _ATTRIBUTION.finditer(text):
        who = match["who"]
        if not reporter and who not in {"he", "she", "they"}:
            reporter = who.removeprefix("the ").strip()
    return _ATTRIBUTION.sub("", text), reporter
