"""How often an anonymous client may ask the API (settings.REST_FRAMEWORK)."""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from meetings.client_address import client_address


class AnonymousClientThrottle(AnonRateThrottle):
    """DEFAULT_THROTTLE_RATES["anon"] requests per client address, counted in the default
    cache (shared by every worker when it is Redis).

    The address is the one the login throttling uses (meetings/client_address.py): behind
    DJANGO_TRUSTED_PROXIES proxies, the one the nearest proxy saw, never what the client
    wrote in X-Forwarded-For. The rate is read on each request, not once at import, so a
    changed setting applies at once."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        return client_address(request)
