"""The address a request came from, for login throttling (settings.AXES_CLIENT_IP_CALLABLE)."""

from __future__ import annotations

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR; behind ``settings.TRUSTED_PROXIES`` proxies, the address the nearest of
    them was connected from (X-Forwarded-For read from the right: entries further left are
    whatever the client chose to send)."""
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
