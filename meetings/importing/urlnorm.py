"""One form of an article's URL, so that the same page is one article.

``normalise_url`` is applied wherever an article URL is stored or compared: the importers'
readers (``readers.parse_url``), the admin's article form, ``services.article_create``,
``manage.py import_feed`` and the data migration that brought the stored URLs into this form.
Plain Python, no Django: the readers stay database-free.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say how a reader came to the page, never which page it is: the
# campaign tags of analytics tools, ad-click ids and mailing-list ids.
TRACKING_PREFIXES = ("utm_", "_hs", "mc_", "pk_", "mtm_", "at_")
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "mkt_tok",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "ito",
        "s_cid",
        "ref_src",
        "ref_url",
        "smid",
        "spm",
        "vero_id",
        "oly_anon_id",
        "oly_enc_id",
        "rb_clickid",
        "wickedid",
    }
)

DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def normalise_url(url: str) -> str:
    """The stored form of an http(s) URL: the same page gives the same string.

    ``HTTP://WWW.Example.com:80/news/item/?utm_source=rss&id=7#top`` and
    ``https://www.example.com/news/item?id=7`` are both ``https://www.example.com/news/item?id=7``:
    https for http on the default port (news sites serve both; the https form is the one a
    reader should follow; on another port the scheme is kept, as it names another service),
    host in lower case, no default port, no credentials, no fragment, no tracking parameters,
    the other parameters sorted, no trailing slash (but the root's). The ``www.`` prefix and
    the path's case are kept: on some sites they name another page. Anything that is not an
    http(s) URL comes back stripped of surrounding blanks and otherwise unchanged.
    """
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return url
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if port in (None, DEFAULT_PORTS[scheme]):
        netloc, scheme = host, "https"
    else:  # another port is another service: its scheme stays
        netloc = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))
