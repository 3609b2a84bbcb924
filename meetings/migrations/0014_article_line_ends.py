"""Stored bodies get ``\\n`` line ends (pasted ones had ``\\r\\n``: shown as one block), and
every span into them moves with its text: evidence, statements, suggestions, and the
fingerprints that name a span, so the next extraction still recognises its proposals."""

import bisect
import hashlib

from django.db import migrations


def _fingerprint(*parts) -> str:
    # meetings.services.base.fingerprint as it is when this migration is written.
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def _offset_map(body: str):
    """old offset -> new offset once every ``\\r`` before it has been removed or replaced."""
    # "\r\n" loses its "\r"; a lone "\r" becomes "\n" (same length).
    dropped = [i for i, ch in enumerate(body) if ch == "\r" and body[i + 1 : i + 2] == "\n"]

    def new(offset: int) -> int:
        return offset - bisect.bisect_left(dropped, offset)

    return new


def normalise_bodies(apps, schema_editor):
    Article = apps.get_model("meetings", "Article")
    Evidence = apps.get_model("meetings", "Evidence")
    Statement = apps.get_model("meetings", "Statement")
    ActorSuggestion = apps.get_model("meetings", "ActorSuggestion")
    Meeting = apps.get_model("meetings", "Meeting")
    for article in Article.objects.filter(body__contains="\r").iterator():
        new = _offset_map(article.body)
        for evidence in Evidence.objects.filter(article=article):
            span = new(evidence.start), new(evidence.end)
            meeting = Meeting.objects.filter(pk=evidence.meeting_id).first()
            if meeting is not None and meeting.fingerprint:
                for n in range(20):  # the ordinal of proposals sharing one sentence
                    old = _fingerprint("meeting", article.pk, evidence.start, evidence.end, n)
                    if meeting.fingerprint == old:
                        meeting.fingerprint = _fingerprint("meeting", article.pk, *span, n)
                        Meeting.objects.filter(pk=meeting.pk).update(fingerprint=meeting.fingerprint)
                        break
            Evidence.objects.filter(pk=evidence.pk).update(start=span[0], end=span[1])
        for statement in Statement.objects.filter(article=article):
            span = new(statement.start), new(statement.end)
            fp = _fingerprint("statement", article.pk, *span) if statement.fingerprint else ""
            Statement.objects.filter(pk=statement.pk).update(
                start=span[0], end=span[1], fingerprint=fp
            )
        for suggestion in ActorSuggestion.objects.filter(article=article):
            ActorSuggestion.objects.filter(pk=suggestion.pk).update(
                start=new(suggestion.start), end=new(suggestion.end)
            )
        body = article.body.replace("\r\n", "\n").replace("\r", "\n")
        Article.objects.filter(pk=article.pk).update(body=body)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0013_search_unaccent")]

    operations = [migrations.RunPython(normalise_bodies, migrations.RunPython.noop)]
