import pytest
from django.core.management import call_command
from django.db.models import F
from django.test import RequestFactory

from meetings.models import (
    Actor,
    Alias,
    Article,
    Country,
    Evidence,
    Meeting,
    Participation,
    Position,
    Statement,
)

pytestmark = pytest.mark.django_db

TABLES = [Country, Actor, Alias, Position, Article, Meeting, Participation, Evidence, Statement]


def snapshot():
    return {
        model.__name__: sorted(
            tuple(sorted((k, str(v)) for k, v in row.items() if k not in {"updated_at"}))
            for row in model.objects.values()
        )
        for model in TABLES
    }


def test_load_reference_loads_every_country_with_a_state_actor():
    call_command("load_reference")
    assert Country.objects.count() >= 245
    china = Country.objects.get(code="CN")
    assert china.name == "China"
    assert "Chinese" in china.demonyms
    assert "Beijing" in china.capital
    assert Actor.objects.get(kind="state", country="RU").name == "Russia"


def test_load_demo_twice_gives_the_same_rows():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_load_demo_takes_revised_demo_texts_into_a_database_loaded_before():
    call_command("load_demo")
    expected = snapshot()
    article = Article.objects.get(slug="li-shangfu-meets-putin-2023")
    # As if this database had loaded an earlier wording of the article.
    Article.objects.filter(pk=article.pk).update(body="An earlier wording. " + article.body)
    Statement.objects.filter(article=article).update(start=F("start") + 20, end=F("end") + 20)
    call_command("load_demo")
    revised = snapshot()
    assert revised["Article"] == expected["Article"]
    for statement in Statement.objects.select_related("article"):
        assert statement.article.body[statement.start : statement.end] == statement.text
    for evidence in Evidence.objects.select_related("article"):
        assert evidence.sentence.strip()
    assert Evidence.objects.count() == len(expected["Evidence"])
    assert Statement.objects.count() == len(expected["Statement"])


def test_demo_contains_the_li_shangfu_putin_meeting_in_moscow():
    call_command("load_demo")
    meeting = (
        Meeting.objects.published()
        .filter(participations__actor__name="Li Shangfu")
        .filter(participations__actor__name="Vladimir Putin")
        .get()
    )
    assert meeting.start_date.isoformat() == "2023-04-16"
    assert meeting.city == "Moscow"
    assert meeting.country_id == "RU"


def test_a_role_alias_keeps_each_term():
    call_command("load_demo")
    terms = Alias.objects.filter(
        actor__name="Vladimir Putin", text="the Russian president", is_role=True
    ).order_by("valid_from")
    assert [(a.valid_from.isoformat(), a.valid_to and a.valid_to.isoformat()) for a in terms] == [
        ("2000-05-07", "2008-05-07"),
        ("2012-05-07", None),
    ]


def test_demo_data_is_published_and_every_span_matches_its_text():
    call_command("load_demo")
    assert Meeting.objects.published().count() == Meeting.objects.count()
    for statement in Statement.objects.select_related("article"):
        assert statement.article.body[statement.start : statement.end] == statement.text
    for evidence in Evidence.objects.select_related("article"):
        assert evidence.sentence.strip()


def test_create_editor_prints_a_login_that_works(client, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("create_editor")
    password = (tmp_path / "editor-password.txt").read_text().strip()
    assert password in capsys.readouterr().out
    # django-axes checks each login against its request (a throttled address is refused).
    assert client.login(
        request=RequestFactory().post("/admin/login/"), username="editor", password=password
    )
    call_command("create_editor")  # a second run keeps the same password
    assert (tmp_path / "editor-password.txt").read_text().strip() == password
