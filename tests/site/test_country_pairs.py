"""CountryPair rows always equal what the participations say, whatever wrote them, and the
country-pair page counts from them exactly what it lists."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from itertools import combinations

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from meetings import services
from meetings.models import CountryPair, Meeting, Participation
from tests import factories


def recomputed() -> set[tuple]:
    """The pairs from scratch: every public meeting, each two of its participants' countries."""
    countries: dict[int, set[str]] = {}
    for row in Participation.objects.filter(is_public=True, country__isnull=False):
        countries.setdefault(row.meeting_id, set()).add(row.country_id)
    dates = dict(Meeting.objects.values_list("pk", "start_date"))
    return {
        (meeting_id, first, second, dates[meeting_id].year if dates[meeting_id] else None)
        for meeting_id, codes in countries.items()
        for first, second in combinations(sorted(codes), 2)
    }


def stored() -> set[tuple]:
    rows = CountryPair.objects.values_list("meeting_id", "first", "second", "year")
    assert rows.count() == len(set(rows))
    return set(rows)


def test_pairs_follow_every_kind_of_write(world):
    assert stored() == recomputed() and stored()
    pair = (world.moscow.pk, "CN", "RU", 2023)
    assert pair in stored()

    # A third country joins the meeting (a participation saved on its own).
    us = factories.actor("Pat Envoy", country_code="US")
    Participation.objects.create(meeting=world.moscow, actor=us, role="participant")
    assert {(world.moscow.pk, "CN", "US"), (world.moscow.pk, "RU", "US")} <= {
        row[:3] for row in stored()
    }
    assert stored() == recomputed()

    # The meeting's date changes (participations_sync: a bulk update).
    Meeting.objects.filter(pk=world.moscow.pk).update(start_date=dt.date(2024, 4, 20))
    world.moscow.refresh_from_db()
    services.participations_sync(meeting=world.moscow)
    assert (world.moscow.pk, "CN", "RU", 2024) in stored()
    assert stored() == recomputed()

    # An actor's country changes (a queryset update over all their participations).
    us.country_id = "FR"
    us.save()
    services.actor_participations_sync(actor=us)
    assert (world.moscow.pk, "CN", "FR") in {row[:3] for row in stored()}
    assert stored() == recomputed()

    # The only source is unpublished, then published again (visibility_refresh).
    services.article_unpublish(article=world.article)
    assert not [row for row in stored() if row[0] == world.moscow.pk]
    services.article_publish(article=world.article)
    assert [row for row in stored() if row[0] == world.moscow.pk]
    assert stored() == recomputed()

    # A participant leaves (delete of one row), then the meeting is deleted.
    Participation.objects.filter(meeting=world.moscow, actor=us).delete()
    assert stored() == recomputed()
    Meeting.objects.filter(pk=world.moscow.pk).delete()
    assert not [row for row in stored() if row[0] == world.moscow.pk]
    assert stored() == recomputed()


def test_pairs_follow_a_merge_of_actors(world):
    # A published duplicate: a draft participant would keep the meeting private (no pairs).
    duplicate = factories.actor("Li Shang-fu", country_code="CN")
    met = factories.meeting(
        participants=[duplicate, factories.actor("Ann Other", country_code="FR")]
    )
    assert (met.pk, "CN", "FR") in {row[:3] for row in stored()}
    services.actor_absorb(draft=duplicate, into=world.putin)  # now a Russian took part
    assert (met.pk, "FR", "RU") in {row[:3] for row in stored()}
    assert stored() == recomputed()


def test_pair_page_counts_what_it_lists(client, world):
    world.grow(3)
    for n in range(4):  # and two undated, one draft
        factories.meeting(
            participants=[world.li, world.putin],
            start_date=None if n < 2 else dt.date(2019, 5, 1 + n),
            published=n != 3,
        )
    assert stored() == recomputed()
    html = client.get(reverse("meetings:country-pair", args=["cn", "ru"])).content.decode()
    listed = Meeting.objects.published().between_countries("CN", "RU").count()
    assert listed == CountryPair.objects.filter(first="CN", second="RU").count()
    bilateral = Meeting.objects.in_pair("CN", "RU", bilateral=True).count()
    assert listed - bilateral == Meeting.objects.in_pair("CN", "RU", bilateral=False).count()
    assert re.search(rf"\b{bilateral} bilateral meetings\b", html), bilateral


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_two_transactions_adding_participants_to_one_meeting_leave_every_pair():
    for code in ("CN", "RU", "US", "FR"):
        factories.country(code)
    meeting = factories.meeting(
        participants=[
            factories.actor("Ana Tester", country_code="CN"),
            factories.actor("Bo", country_code="RU"),
        ]
    )
    newcomers = [factories.actor("Cy", country_code="US"), factories.actor("Di", country_code="FR")]
    first_wrote, failures = threading.Event(), []

    def first():
        try:
            with transaction.atomic():
                Participation.objects.create(meeting=meeting, actor=newcomers[0])
                first_wrote.set()
                time.sleep(0.5)  # the second writer starts while this one holds its rows
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_wrote.wait(10)
    with transaction.atomic():
        Participation.objects.create(meeting=meeting, actor=newcomers[1])
    thread.join(10)
    assert not failures
    assert {row[1:3] for row in stored()} == {
        ("CN", "FR"),
        ("CN", "RU"),
        ("CN", "US"),
        ("FR", "RU"),
        ("FR", "US"),
        ("RU", "US"),
    }
    assert stored() == recomputed()
