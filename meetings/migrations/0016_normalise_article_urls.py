"""Stored article URLs in their normalised form (meetings/importing/urlnorm.py).

New URLs are normalised wherever they are stored or compared; without this, a stored
``http://…/?utm_source=rss`` would not be recognised when the same page comes again as
``https://…``. A URL whose normalised form another article already has is left as it is (the
two articles are the same page: an editor decides which to keep) and counted on stdout.
"""

from django.db import migrations


def normalise_stored_urls(apps, schema_editor):
    from meetings.importing.urlnorm import normalise_url

    Article = apps.get_model("meetings", "Article")
    rows = Article.objects.exclude(url="").values_list("pk", "url").order_by("pk")
    taken = set(Article.objects.exclude(url="").values_list("url", flat=True))
    changed = []
    left = 0
    for pk, url in rows.iterator(chunk_size=2000):
        normal = normalise_url(url)
        if normal == url:
            continue
        if normal in taken:
            left += 1
            continue
        taken.discard(url)
        taken.add(normal)
        changed.append(Article(pk=pk, url=normal))
        if len(changed) >= 1000:
            Article.objects.bulk_update(changed, ["url"])
            changed = []
    if changed:
        Article.objects.bulk_update(changed, ["url"])
    if left:
        print(
            f"\n  {left} article URL(s) left as they were: another article has the same page's "
            "URL (find them in the admin by URL)."
        )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0014_article_line_ends")]

    operations = [migrations.RunPython(normalise_stored_urls, migrations.RunPython.noop)]
