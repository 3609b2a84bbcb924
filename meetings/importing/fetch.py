"""Fetching a page or a feed from the web, safely, and reducing a page to an article.

``fetch`` gets one URL: a time limit for the whole fetch, a size limit for the body (after
decompression), redirects followed by hand so that every hop is checked again, and no
connection to an address the site should not reach. The host of each hop is resolved once,
every address it resolves to is checked, and the connection goes to a checked address (the
name is still sent for TLS and in the Host header), so a second DNS answer cannot point the
fetch somewhere else.

Refused always: link-local addresses (169.254.0.0/16, fe80::/10, where cloud metadata services
answer), multicast, unspecified and reserved ones. Refused unless the setting
``MEETINGS_FETCH_ALLOW_PRIVATE`` is true: loopback and private networks (127.0.0.0/8, ::1,
10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10) — an intranet deployment or the tests' own
server may need them.

``fetch_article`` turns a fetched HTML page into the fields of an article: its main text
(trafilatura, as for uploaded pages), title, date, outlet (the site name) and canonical URL
from the page's metadata, the URL in its normalised form.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from meetings.importing.urlnorm import normalise_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)

MAX_REDIRECTS = 5
USER_AGENT = "diplomatic-meetings/0.1 (article import)"
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched, with a message for the person who gave it."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # where the body came from, after redirects
    content_type: str  # lower case, without parameters
    body: bytes


@dataclass(frozen=True)
class FetchedArticle:
    url: str  # canonical when the page declares one, normalised
    title: str
    body: str
    published_on: dt.date | None
    outlet: str


def _settings():
    from django.conf import settings

    return (
        bool(getattr(settings, "MEETINGS_FETCH_ALLOW_PRIVATE", False)),
        float(getattr(settings, "MEETINGS_FETCH_TIMEOUT", 10)),
        int(getattr(settings, "MEETINGS_FETCH_MAX_BYTES", 5 * 1024 * 1024)),
    )


def _ca_bundle() -> str:
    """The certificate authorities https pages are checked against: certifi's (Mozilla's
    list), or the file ``MEETINGS_FETCH_CA_BUNDLE`` names (an intranet's own CA)."""
    from django.conf import settings

    configured = getattr(settings, "MEETINGS_FETCH_CA_BUNDLE", "")
    if configured:
        return configured
    import certifi

    return certifi.where()


def _why_refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_private: bool):
    """Why the fetch may not connect to ``address``, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return "not an address a web page can have"
    if address.is_loopback:
        return None if allow_private else "a loopback address (this machine)"
    if not address.is_global:
        return None if allow_private else "a private network address"
    return None


def _checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses ``host`` resolves to, every one of them allowed; else FetchError."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        found = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"The host {host} could not be found ({exc}).") from None
        found = []
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%")[0])
            if address not in found:
                found.append(address)
    for address in found:
        reason = _why_refused(address, allow_private)
        if reason:
            hint = (
                " (MEETINGS_FETCH_ALLOW_PRIVATE allows such addresses)"
                if reason.startswith(("a loopback", "a private"))
                else ""
            )
            where = host if literal is not None else f"{host} resolves to {address}, which"
            raise FetchError(f"Refused: {where} is {reason}{hint}.")
    return [str(address) for address in found]


def _split(url: str):
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(f"Not a valid URL: {url}") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"Only http and https URLs can be fetched, not {url!r}.")
    scheme = parts.scheme.lower()
    port = port or (443 if scheme == "https" else 80)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, target


def _open(scheme, host, port, target, addresses, timeout, seconds):
    """GET ``target`` from the first of ``addresses`` that answers: the connection pool and
    the response, unread (the caller closes both)."""
    import urllib3

    default_port = 443 if scheme == "https" else 80
    headers = {
        "Host": host if port == default_port else f"{host}:{port}",
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    last_error = None
    for address in addresses:
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                port,
                timeout=timeout,
                retries=False,
                maxsize=1,
                cert_reqs="CERT_REQUIRED",
                ca_certs=_ca_bundle(),
                server_hostname=host,
                assert_hostname=host,
            )
        else:
            pool = urllib3.HTTPConnectionPool(
                address, port, timeout=timeout, retries=False, maxsize=1
            )
        try:
            return pool, pool.urlopen(
                "GET",
                target,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                decode_content=True,
            )
        except urllib3.exceptions.TimeoutError:
            last_error = FetchError(f"{host} did not answer within {seconds:g} seconds.")
        except urllib3.exceptions.SSLError as exc:
            pool.close()
            raise FetchError(f"{host}: the secure connection failed ({exc}).") from None
        except urllib3.exceptions.HTTPError as exc:
            last_error = FetchError(f"{host} could not be reached ({type(exc).__name__}).")
        pool.close()
    raise last_error or FetchError(f"{host} could not be reached.")


def fetch(url: str, *, accept: tuple[str, ...] = HTML_TYPES) -> FetchedPage:
    """The body of ``url`` (redirects followed, each hop checked); FetchError otherwise."""
    import urllib3

    allow_private, seconds, max_bytes = _settings()
    deadline = time.monotonic() + seconds
    current = url.strip()
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, target = _split(current)
        addresses = _checked_addresses(host, port, allow_private)
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"{host} did not answer within {seconds:g} seconds.")
        timeout = urllib3.Timeout(total=left)
        pool, response = _open(scheme, host, port, target, addresses, timeout, seconds)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"{current} redirects without saying where to.")
                current = urljoin(current, location.strip())
                continue
            if response.status != 200:
                raise FetchError(f"{current} answered {response.status} {response.reason}.")
            content_type = (response.headers.get("Content-Type") or "").split(";")[0]
            content_type = content_type.strip().lower()
            if accept and content_type and content_type not in accept:
                raise FetchError(
                    f"{current} is {content_type}, not a page this can read ({', '.join(accept)})."
                )
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_large(current, max_bytes))
            body = _read(response, current, host, seconds, deadline, max_bytes)
            return FetchedPage(url=current, content_type=content_type, body=body)
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times.")


def _read(response, url, host, seconds, deadline, max_bytes) -> bytes:
    import urllib3

    received = bytearray()
    try:
        for piece in response.stream(CHUNK, decode_content=True):
            received += piece
            if len(received) > max_bytes:
                raise FetchError(_too_large(url, max_bytes))
            if time.monotonic() > deadline:
                raise FetchError(f"{host} did not send the page within {seconds:g} seconds.")
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"{host} did not send the page within {seconds:g} seconds.") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"{url}: the download broke off ({type(exc).__name__}).") from None
    return bytes(received)


def _too_large(url: str, max_bytes: int) -> str:
    return f"{url} is larger than {max_bytes / 1024 / 1024:g} MB, the limit for a page."


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def article_from_html(html: bytes | str, *, url: str) -> FetchedArticle:
    """The article in a page fetched from ``url``: main text and metadata; FetchError when the
    page has no article text."""
    from meetings.importing.readers import html_to_text

    text, meta = html_to_text(html)
    if not text.strip():
        raise FetchError(f"No article text was found on {url}.")
    canonical = meta.get("url") or ""
    if canonical:
        canonical = urljoin(url, canonical)
        if urlsplit(canonical).scheme not in {"http", "https"}:
            canonical = ""
    return FetchedArticle(
        url=normalise_url(canonical or url),
        title=(meta.get("title") or "").strip(),
        body=text,
        published_on=_date(meta.get("published")),
        outlet=(meta.get("outlet") or "").strip(),
    )


def fetch_article(url: str) -> FetchedArticle:
    """Fetch the page at ``url`` and reduce it to an article; FetchError with a message."""
    page = fetch(url, accept=HTML_TYPES)
    return article_from_html(page.body, url=page.url)
