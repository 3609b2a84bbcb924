"""With DEBUG on (``make run``), a reader who mistypes an address gets Django's technical
404 page: a developer's page, wider than a phone's screen. This middleware shows our own
404 page instead, with the technical reason folded inside it for whoever runs the site."""

from __future__ import annotations

import re

from django.conf import settings
from django.shortcuts import render
from django.utils.html import strip_tags

# What Django's technical 404 page says of itself (django/views/templates/technical_404.html).
TECHNICAL = b"because you have <code>DEBUG = True</code>"
REASON = re.compile(rb'<pre class="exception_value">(.*?)</pre>', re.S)


class DebugNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not settings.DEBUG
            or response.status_code != 404
            or response.streaming
            or TECHNICAL not in response.content
            or request.path.startswith("/admin/")
        ):
            return response
        reason = REASON.search(response.content)
        detail = strip_tags(reason.group(1).decode(errors="replace")).strip() if reason else ""
        detail = detail or f"No URL pattern matches {request.path}."
        return render(request, "404.html", {"debug_reason": detail}, status=404)
