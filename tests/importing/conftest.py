from tests.webserver import web

__all__ = ["web"]
