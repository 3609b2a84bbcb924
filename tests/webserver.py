"""A real HTTP server on 127.0.0.1, in a thread, serving pages and feeds a test writes.

``web`` (a fixture; conftests re-export it) starts one per test on a free port and allows
fetching from private addresses for that test only (``MEETINGS_FETCH_ALLOW_PRIVATE``), since
the server is on loopback. ``web.route(path, body, ...)`` serves a page; ``web.requests``
lists the paths asked for, so a test can tell what was fetched.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict | None = None
    delay: float = 0.0


class LocalSite:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                site.requests.append(self.path)
                path = self.path.split("?")[0]
                route = (
                    site.routes.get(self.path)
                    or site.routes.get(path)
                    or site.routes.get(path.rstrip("/"))  # as a site serves /a/ and /a
                )
                if route is None:
                    route = Route(b"<html><body>Not here.</body></html>", status=404)
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in (route.headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                # The client may give up on purpose (size or time limit).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: str | bytes, **options) -> str:
        self.routes[path] = Route(body.encode() if isinstance(body, str) else body, **options)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.route(path, b"", status=status, headers={"Location": to})


@pytest.fixture
def web(settings):
    settings.MEETINGS_FETCH_ALLOW_PRIVATE = True
    site = LocalSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture
def tls_web(settings, tmp_path):
    """The same server over https, with a certificate for "localhost" from a throwaway CA
    that the fetch is told to trust (``MEETINGS_FETCH_CA_BUNDLE``)."""
    import ssl

    import trustme

    settings.MEETINGS_FETCH_ALLOW_PRIVATE = True
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost").configure_cert(context)
    bundle = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    settings.MEETINGS_FETCH_CA_BUNDLE = str(bundle)
    site = LocalSite()
    site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
    # A refused handshake (the test that reaches the server by its address) is expected.
    site.server.handle_error = lambda request, client_address: None
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


def article_page(
    *,
    title: str,
    paragraphs: list[str],
    canonical: str = "",
    site_name: str = "The Harbour Courier",
    published: str = "2024-03-08",
) -> str:
    """An HTML page of our own: menus and a footer around the article, metadata in <head>."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {site_name}</title>{link}
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site_name}">
<meta property="article:published_time" content="{published}T09:30:00+00:00">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<main><article><h1>{title}</h1>
{body}
</article></main>
<footer>© 2024 The Harbour Courier. All rights reserved. Cookie settings.</footer></body></html>"""


WEBER_DAHL = [
    "VIENNA, March 8 — Austrian Foreign Minister Karl Weber met Norwegian Foreign Minister "
    "Ingrid Dahl in Vienna on Thursday to discuss fisheries and the future of the northern seas.",
    "“We agreed to meet again before the summer,” Weber told reporters after the talks, which "
    "lasted for more than three hours at the ministry on the Minoritenplatz.",
]

LINDQVIST_OKAFOR = [
    "OSLO, March 9 — Swedish Trade Minister Anna Lindqvist held talks with Nigerian Trade "
    "Minister Chidi Okafor in Oslo on Friday about shipping routes and port fees.",
    "“Our ports should work as one network,” Lindqvist said after the meeting, which both "
    "delegations called useful.",
]
