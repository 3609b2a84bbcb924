from tests.proposals import article, fake_pipeline, weber
from tests.webserver import web

__all__ = ["article", "fake_pipeline", "weber", "web"]
