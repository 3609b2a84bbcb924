"""The read-only JSON API: the public records, filtered by the site's own FilterSets.

Django REST framework serves it (serializers, generic list views, DjangoFilterBackend over
meetings/site/filters.py, throttling); drf-spectacular describes it at /api/schema/ and
shows it at /api/docs/ (Swagger UI from drf-spectacular-sidecar's static files). Only
public rows (``is_public``, published actors) ever reach it, as on the pages.
"""
