"""The editors' workplace: the routine ModelAdmins (records.py) and the article review
(review.py), where extraction is reviewed. Importing the modules registers them."""

from meetings.admin import records, review

__all__ = ["records", "review"]
