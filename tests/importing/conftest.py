from tests.webserver import tls_web, web

__all__ = ["tls_web", "web"]
