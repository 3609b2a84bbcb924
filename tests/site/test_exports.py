"""The CSV exports hold exactly the filtered rows, safely (meetings/site/exports.py)."""

import csv
import datetime as dt
import io

from django.urls import reverse

from tests import factories

MEETINGS = reverse("meetings:meeting-list")


def csv_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


def test_meeting_csv_has_exactly_the_filtered_rows(client, world):
    world.grow(1)
    query = {"country": "FR", "date_from": "2022-01-01", "date_to": "2022-12-31"}
    rows = csv_rows(client.get(reverse("meetings:meeting-export"), query))
    assert [r["title"] for r in rows] == [world.other_meeting.title]
    assert rows[0]["venue_city"] == "Paris" and rows[0]["venue_country"] == "France"
    assert rows[0]["start_date"] == "2022-06-07"

    rows = csv_rows(client.get(reverse("meetings:meeting-export"), {"country": "CN"}))
    html = client.get(MEETINGS, {"country": "CN"}).content.decode()
    assert len(rows) == html.count('class="record meeting-item"') == 3
    assert all("CN" in r["participant_countries"].split("; ") for r in rows)


def test_meeting_csv_lists_participants_in_role_order_and_only_published_sources(client, world):
    from meetings import services

    older = factories.article(title="Older source", published_on=dt.date(2020, 1, 1))
    newer = factories.article(title="Newer source", published_on=dt.date(2021, 1, 1), url="")
    draft = factories.article(title="Draft source", published=False)
    meeting = services.meeting_create(
        title="Three sources",
        start_date=dt.date(2019, 5, 5),
        participants=[(world.putin, "guest"), (world.li, "host"), (world.shoigu, "participant")],
        evidence=[(older, 0, 10), (draft, 0, 10), (newer, 0, 10), (newer, 12, 20)],
        editorial_status="published",
    )
    rows = csv_rows(client.get(reverse("meetings:meeting-export"), {"date_to": "2019-12-31"}))
    row = next(r for r in rows if r["title"] == "Three sources")
    assert row["participants"] == "Vladimir Putin; Li Shangfu; Sergei Shoigu"
    assert row["participant_countries"] == "CN; RU"
    newer_url = "http://testserver" + newer.get_absolute_url()
    assert row["sources"].split() == [
        newer_url,
        newer_url,
        older.url or "http://testserver" + older.get_absolute_url(),
    ]
    assert row["url"] == "http://testserver" + meeting.get_absolute_url()


def test_statement_csv_has_exactly_the_filtered_rows(client, world):
    world.grow(1)
    rows = csv_rows(
        client.get(
            reverse("meetings:statement-export"), {"actor": "li-shangfu", "kind": "paraphrase"}
        )
    )
    assert [r["text"] for r in rows] == [world.statement.text]
    assert rows[0]["speaker"] == "Li Shangfu" and rows[0]["meeting"].endswith(
        world.moscow.get_absolute_url()
    )


def test_invalid_csv_filter_is_400_text(client, world):
    response = client.get(reverse("meetings:meeting-export"), {"date_from": "x"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()


def test_csv_cells_never_start_a_spreadsheet_formula(client, world):
    factories.meeting(
        participants=[world.putin, world.shoigu], title='=HYPERLINK("http://evil")', city="@x"
    )
    rows = csv_rows(client.get(reverse("meetings:meeting-export")))
    row = next(r for r in rows if "HYPERLINK" in r["title"])
    assert row["title"] == '\'=HYPERLINK("http://evil")' and row["venue_city"] == "'@x"


def _csv_rows(response):
    import csv as csv_module
    import io

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv_module.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_actor_list_exports_what_it_shows(client, world):
    from django.urls import reverse

    html = client.get(reverse("meetings:actor-list"), {"country": "CN"}).content.decode()
    assert 'href="/actors.csv?country=CN" download>Download these as CSV' in html
    rows = _csv_rows(client.get(reverse("meetings:actor-export"), {"country": "CN"}))
    names = [row["name"] for row in rows]
    assert "Li Shangfu" in names and "Vladimir Putin" not in names
    assert names == sorted(names, key=str.casefold) or len(names) <= 1
    li = next(row for row in rows if row["name"] == "Li Shangfu")
    assert li["url"] == f"http://testserver{world.li.get_absolute_url()}"
    assert li["country"] == "CN" and li["country_name"] == "China"
    for draft in world.drafts.values():
        assert all(draft.get_absolute_url() not in row["url"] for row in rows)


def test_search_results_export_every_match_by_type(client, world):
    from django.urls import reverse

    html = client.get(reverse("meetings:search"), {"q": "Putin"}).content.decode()
    assert 'href="/search.csv?q=Putin" download>Download every match as CSV' in html
    rows = _csv_rows(client.get(reverse("meetings:search-export"), {"q": "Putin"}))
    urls = {row["type"]: set() for row in rows}
    for row in rows:
        urls[row["type"]].add(row["url"].removeprefix("http://testserver"))
    assert world.putin.get_absolute_url() in urls["actor"]
    assert world.moscow.get_absolute_url() in urls["meeting"]
    assert world.article.get_absolute_url() in urls["article"]
    text = " ".join(" ".join(row.values()) for row in rows)
    for word in ("Zanzibarian", "Pineapplegate", "Hiddenvale", "Quietlake"):
        assert word not in text


def test_a_search_export_without_words_says_so(client):
    from django.urls import reverse

    response = client.get(reverse("meetings:search-export"))
    assert response.status_code == 400 and "Give the words" in response.content.decode()


def test_meeting_csv_is_the_same_read_in_small_chunks(client, world, monkeypatch):
    # Keyset chunks of CHUNK meetings: rows split across chunks, undated ones last, are the
    # rows of one chunk, in the same order, with the same participants and sources.
    from meetings.site import exports

    world.grow(3)
    factories.meeting(participants=[world.li, world.putin], start_date=None, city="Nowhere")
    url = reverse("meetings:meeting-export")
    whole = b"".join(client.get(url).streaming_content)
    monkeypatch.setattr(exports, "CHUNK", 2)
    monkeypatch.setattr(exports, "LINES_PER_WRITE", 3)
    chunked = b"".join(client.get(url).streaming_content)
    assert chunked == whole
    assert whole.count(b"\n") > 8 and b"Nowhere" in whole.splitlines()[-1]


def meeting_row(client, title: str) -> dict:
    rows = csv_rows(client.get(reverse("meetings:meeting-export")))
    return next(r for r in rows if r["title"] == title)


def test_the_meeting_csv_reads_one_query_per_chunk(client, world, monkeypatch):
    # The filter once for the ids, then one query per CHUNK meetings (their participants
    # and sources are stored on their rows): never a query per meeting.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.models import Meeting
    from meetings.site import exports

    world.grow(2)
    n = Meeting.objects.published().count()
    assert n >= 6

    def queries(chunk: int) -> int:
        monkeypatch.setattr(exports, "CHUNK", chunk)
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get(reverse("meetings:meeting-export")).streaming_content)
        return len(captured)

    whole = queries(10_000)
    assert queries(3) == whole - 1 + -(-n // 3)


def test_the_csv_texts_follow_every_change_they_show(client, world):
    from meetings import services
    from meetings.models import Actor, Article, Participation

    guest = factories.actor("Ana Quispe", country_code="PE")
    source = factories.article(title="Lima talks source", published_on=dt.date(2024, 3, 1))
    second = factories.article(title="Lima follow-up", published_on=dt.date(2024, 3, 2))
    meeting = services.meeting_create(
        title="Lima talks",
        start_date=dt.date(2024, 3, 1),
        participants=[(world.li, "host"), (guest, "guest")],
        evidence=[(source, 0, 10), (second, 0, 10)],
        editorial_status="published",
    )
    row = meeting_row(client, "Lima talks")
    assert row["participants"] == "Ana Quispe; Li Shangfu"
    assert row["participant_countries"] == "CN; PE"

    guest.name = "Ana Quispe Mamani"
    guest.save()  # one actor renamed
    assert meeting_row(client, "Lima talks")["participants"] == "Ana Quispe Mamani; Li Shangfu"
    Actor.objects.filter(pk=world.li.pk).update(name="Li Shangfu Bulk")  # renamed in bulk
    assert meeting_row(client, "Lima talks")["participants"] == "Ana Quispe Mamani; Li Shangfu Bulk"

    Participation.objects.filter(meeting=meeting, actor=guest).update(role="participant")
    assert meeting_row(client, "Lima talks")["participants"] == "Li Shangfu Bulk; Ana Quispe Mamani"
    Participation.objects.create(
        meeting=meeting, actor=factories.actor("Kofi Mensah", country_code="GH"), role="guest"
    )
    row = meeting_row(client, "Lima talks")
    assert row["participants"] == "Kofi Mensah; Li Shangfu Bulk; Ana Quispe Mamani"
    assert row["participant_countries"] == "CN; GH; PE"
    Participation.objects.get(meeting=meeting, actor=guest).delete()
    assert meeting_row(client, "Lima talks")["participant_countries"] == "CN; GH"

    def sources() -> list[str]:
        return meeting_row(client, "Lima talks")["sources"].split()

    def link(article) -> str:
        return article.url or "http://testserver" + article.get_absolute_url()

    assert sources() == [link(second), link(source)]
    second.url = "https://example.org/lima-follow-up"
    second.save()  # a URL corrected
    assert sources() == ["https://example.org/lima-follow-up", link(source)]
    Article.objects.filter(pk=source.pk).update(published_on=dt.date(2024, 3, 5))  # in bulk
    assert sources() == [link(source), "https://example.org/lima-follow-up"]
    Article.objects.filter(pk=source.pk).update(slug="lima-talks-renamed")
    assert sources() == ["http://testserver/articles/lima-talks-renamed/", link(second)]
    services.article_unpublish(article=second)
    assert sources() == ["http://testserver/articles/lima-talks-renamed/"]


def test_the_csv_texts_follow_a_merge_of_actors(client, world):
    from meetings import services

    twin = factories.actor("Li Shangfu (twin)", country_code="CN")
    source = factories.article(title="Twin source", published_on=dt.date(2024, 4, 1))
    services.meeting_create(
        title="Twin talks",
        start_date=dt.date(2024, 4, 1),
        participants=[(twin, "host"), (world.putin, "guest")],
        evidence=[(source, 0, 10)],
        editorial_status="published",
    )
    services.actor_merge(keep=world.li, other=twin)
    assert meeting_row(client, "Twin talks")["participants"] == "Vladimir Putin; Li Shangfu"


def test_rebuilding_the_csv_texts_gives_what_the_writes_kept(world):
    # The corpus generator's rebuild (set-based SQL on PostgreSQL) agrees with the texts
    # every write keeps (meetings/services/copies.py).
    from meetings.models import Meeting
    from meetings.models.meetings import EXPORT_COPY_FIELDS
    from meetings.services import copies

    world.grow(2)
    kept = list(Meeting.objects.order_by("pk").values_list("pk", *EXPORT_COPY_FIELDS))
    assert any(row[1] for row in kept) and any(row[3] for row in kept)
    Meeting.objects.update(**dict.fromkeys(EXPORT_COPY_FIELDS, ""))
    copies.export_copies_rebuild()
    assert list(Meeting.objects.order_by("pk").values_list("pk", *EXPORT_COPY_FIELDS)) == kept
