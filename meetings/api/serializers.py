"""One JSON object per public record, with the article and character span it comes from.

Each object links to its page on the site (``page``); actors, meetings and articles are
named by their slugs, the ids the site's URLs use.
"""

from __future__ import annotations

import datetime as dt

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import Actor, Article, Country, Evidence, Meeting, Participation, Statement


def page_link(view_name: str, lookup_field: str = "slug"):
    """The record's page on the site, as an absolute URL."""
    return serializers.HyperlinkedIdentityField(
        view_name=f"meetings:{view_name}", lookup_field=lookup_field, read_only=True
    )


class CountryLinkField(serializers.HyperlinkedIdentityField):
    """A country's page: its URL takes the code in lower case."""

    def get_url(self, obj, view_name, request, format):
        return self.reverse(view_name, args=[obj.code.lower()], request=request, format=format)


class CountrySerializer(serializers.ModelSerializer):
    page = CountryLinkField(view_name="meetings:country-detail", read_only=True)

    class Meta:
        model = Country
        fields = ["code", "name", "capital", "page"]


class ActorBriefSerializer(serializers.ModelSerializer):
    """An actor as other records name it."""

    country = serializers.CharField(source="country_id", allow_null=True)
    page = page_link("actor-detail")

    class Meta:
        model = Actor
        fields = ["slug", "name", "kind", "country", "page"]


class OfficeSerializer(serializers.Serializer):
    title = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)


class ActorSerializer(serializers.ModelSerializer):
    """An actor of the actor list, with the office it holds today."""

    country = serializers.CharField(source="country_id", allow_null=True)
    country_name = serializers.CharField(source="country.name", allow_null=True, default=None)
    office = serializers.SerializerMethodField()
    page = page_link("actor-detail")

    class Meta:
        model = Actor
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "country_name",
            "description",
            "wikidata_id",
            "office",
            "page",
        ]

    @extend_schema_field(OfficeSerializer(allow_null=True))
    def get_office(self, actor):
        office = actor.position_on(dt.date.today())  # from the prefetched positions
        return OfficeSerializer(office).data if office else None


class ArticleSerializer(serializers.ModelSerializer):
    """A source article; ``url`` is where it was first published, ``page`` ours."""

    page = page_link("article-detail")

    class Meta:
        model = Article
        fields = ["slug", "title", "outlet", "url", "dateline", "published_on", "page"]


class SourceSerializer(serializers.ModelSerializer):
    """The sentence of an article that supports a meeting: characters [start, end) of its body."""

    article = ArticleSerializer()
    sentence = serializers.CharField(
        source="sentence_text", help_text="The article's text from `start` to `end`."
    )

    class Meta:
        model = Evidence
        fields = ["article", "start", "end", "sentence"]


class ParticipantSerializer(serializers.ModelSerializer):
    actor = ActorBriefSerializer()
    country = serializers.CharField(
        source="country_id", allow_null=True, help_text="The actor's country (ISO code)."
    )

    class Meta:
        model = Participation
        fields = ["actor", "role", "country"]


class VenueSerializer(serializers.Serializer):
    city = serializers.CharField()
    country = serializers.CharField(source="country_id", allow_null=True)
    country_name = serializers.CharField(source="country.name", allow_null=True, default=None)


class MeetingSerializer(serializers.ModelSerializer):
    venue = VenueSerializer(source="*")
    participants = ParticipantSerializer(source="participations", many=True)
    sources = SourceSerializer(source="public_evidence", many=True)
    page = page_link("meeting-detail")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "slug",
            "title",
            "kind",
            "status",
            "start_date",
            "end_date",
            "date_precision",
            "venue",
            "summary",
            "participants",
            "sources",
            "page",
        ]


class MeetingBriefSerializer(serializers.ModelSerializer):
    page = page_link("meeting-detail")

    class Meta:
        model = Meeting
        fields = ["slug", "title", "start_date", "page"]


class StatementSourceSerializer(serializers.ModelSerializer):
    """Where a statement was said: characters [start, end) of its article's body."""

    article = ArticleSerializer()

    class Meta:
        model = Statement
        fields = ["article", "start", "end"]


class StatementSerializer(serializers.ModelSerializer):
    speaker = ActorBriefSerializer()
    via = ActorBriefSerializer(allow_null=True, help_text="Who relayed it (a news agency).")
    meeting = serializers.SerializerMethodField()
    source = StatementSourceSerializer(source="*")
    page = page_link("statement-detail", lookup_field="pk")

    class Meta:
        model = Statement
        fields = ["id", "text", "kind", "said_on", "speaker", "via", "meeting", "source", "page"]

    @extend_schema_field(MeetingBriefSerializer(allow_null=True))
    def get_meeting(self, statement):
        """The meeting it was said at, when that meeting is public (a draft's is not shown)."""
        meeting = statement.meeting
        if meeting is None or not meeting.is_public:
            return None
        return MeetingBriefSerializer(meeting, context=self.context).data


class PartnerSerializer(serializers.Serializer):
    country = serializers.CharField(source="country_id")
    name = serializers.CharField(source="country__name")
    meetings = serializers.IntegerField(source="n")


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    meetings = serializers.IntegerField(source="n")
    multilateral = serializers.IntegerField(
        default=0, help_text="For a pair: the multilateral meetings both attended that year."
    )


# --- the country pages (for the schema: the views build these dicts themselves) ----------------


class TotalSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    more = serializers.BooleanField(help_text="True when there are more than `count`.")
    estimate = serializers.IntegerField(
        allow_null=True, help_text="The planner's estimate, when `more` (PostgreSQL)."
    )


class MeetingPageSerializer(serializers.Serializer):
    total = TotalSerializer()
    next = serializers.URLField(
        allow_null=True, help_text="The next (older) page; null on the last."
    )
    results = MeetingSerializer(many=True)


class CountryPageSerializer(MeetingPageSerializer):
    country = CountrySerializer()
    partners = PartnerSerializer(many=True, help_text="Who met its officials most often.")


class CountryPairPageSerializer(MeetingPageSerializer):
    countries = CountrySerializer(many=True)
    years = YearSerializer(
        many=True, help_text="The pair's bilateral meetings by year, newest first."
    )
    multilateral_count = serializers.IntegerField(
        help_text="Multilateral meetings both countries' officials attended (listed apart)."
    )
