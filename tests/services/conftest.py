from tests.proposals import article, fake_pipeline, weber

__all__ = ["article", "fake_pipeline", "weber"]
