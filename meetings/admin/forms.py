"""The article form (paste, upload or fetch from a URL), the "this name is an existing actor"
form and the statement form (its passage as words, not offsets)."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect

from meetings import services
from meetings.importing import article_text_from_upload
from meetings.importing.fetch import FetchError, fetch_article
from meetings.importing.urlnorm import normalise_url
from meetings.models import (
    Actor,
    ActorSuggestion,
    Article,
    EditorialStatus,
    Statement,
    content_hash,
)


class ArticleForm(forms.ModelForm):
    """Paste the text, upload a .txt or .html file, or give the page's URL: an uploaded or
    fetched page is reduced to its main text."""

    upload = forms.FileField(
        required=False,
        label="…or upload a file",
        help_text="A .txt file, or an .html page: its main text is kept, menus and ads dropped. "
        "It replaces the text above.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )

    fetch_url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        label="…or fetch it from a URL",
        help_text="Leave the text empty and give the article's address: the page is fetched "
        "and reduced to its main text; its title, date, site name and canonical address fill "
        "the fields left empty.",
        widget=forms.URLInput(attrs={"size": 80}),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "body",
            "outlet",
            "url",
            "dateline",
            "published_on",
            "language",
            "slug",
            "editorial_status",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "body", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "body" in self.fields:
            self.fields["body"].help_text = "Paste the article. Saving runs extraction."
            self.fields["body"].widget.attrs.update({"rows": 18, "cols": 100})
        if "title" in self.fields:
            self.fields["title"].help_text = "For an uploaded page, left empty: the page's title."
            self.fields["title"].widget.attrs.update({"size": 80})
        if "slug" in self.fields:
            self.fields["slug"].help_text = "Left empty, it is made from the title."

    def clean_url(self):
        # One form of a URL, so that tracking parameters or http/https never make a second
        # article of the same page (meetings/importing/urlnorm.py).
        return normalise_url(self.cleaned_data.get("url") or "")

    def _stored_as(self, url: str) -> Article | None:
        if not url:
            return None
        return Article.objects.filter(url=url).exclude(pk=self.instance.pk).only("title").first()

    def _fetch(self, data: dict) -> None:
        """Fill the form's empty fields from the page at ``fetch_url``; errors go on the form."""
        address = data["fetch_url"]
        twin = self._stored_as(normalise_url(address))
        if twin:
            self.add_error("fetch_url", f"This page is already stored, as “{twin.title}”.")
            return
        try:
            page = fetch_article(address)
        except FetchError as exc:
            self.add_error("fetch_url", f"The page could not be fetched: {exc}")
            return
        data["body"] = page.body
        for field, value in (
            ("title", page.title),
            ("url", page.url),
            ("outlet", page.outlet[: Article._meta.get_field("outlet").max_length]),
            ("published_on", page.published_on),
        ):
            if value and not data.get(field):
                data[field] = value

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if data.get("fetch_url"):
            if upload or (data.get("body") or "").strip():
                self.add_error(
                    "fetch_url", "Give the text, a file or a URL to fetch: one of them, not two."
                )
                return data
            self._fetch(data)
            if self.errors:
                return data
        if upload:
            if not upload.name.lower().endswith((".txt", ".html", ".htm", ".xhtml")):
                self.add_error("upload", "Upload a .txt or .html file.")
                return data
            title, text = article_text_from_upload(name=upload.name, data=upload.read())
            if not text:
                self.add_error("upload", "No article text found in this file.")
                return data
            data["body"] = text
            if not data.get("title") and title:
                data["title"] = title
        if not (data.get("body") or "").strip():
            self.add_error("body", "Paste the article's text, upload a file or give its URL.")
        if not (data.get("title") or "").strip():
            self.add_error("title", "Give the article a title.")
        if self.errors:
            return data
        twin = self._stored_as(data.get("url") or "")
        if twin:
            self.add_error("url", f"This URL is already stored, as “{twin.title}”.")
            return data
        if not data.get("slug"):
            when = data.get("published_on")
            base = f"{data['title']} {when.isoformat() if when else ''}"
            data["slug"] = services.unique_slug(Article, base, exclude_pk=self.instance.pk)
        twin = (
            Article.objects.filter(content_hash=content_hash(data["body"]))
            .exclude(pk=self.instance.pk)
            .only("pk", "title")
            .first()
        )
        if twin:
            self.add_error("body", f"This text is already stored, as “{twin.title}”.")
        return data


class LinkForm(forms.Form):
    """ "This suggested name is an existing actor": the admin's own actor autocomplete."""

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"] = forms.ModelChoiceField(
            queryset=Actor.objects.exclude(editorial_status=EditorialStatus.REJECTED),
            widget=AutocompleteSelect(ActorSuggestion._meta.get_field("actor"), admin_site),
            label="Existing actor",
        )


class StatementForm(forms.ModelForm):
    """A statement's place in its article given as the words themselves, not as character
    offsets: the form finds them in the article's text (and says so when they are not there,
    or are there more than once)."""

    passage = forms.CharField(
        label="Passage in the article",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 90}),
        help_text="The words exactly as they appear in the article's text (copy them from "
        "it); where they are in the text is found for you.",
    )

    class Meta:
        model = Statement
        fields = ["speaker", "article", "passage", "text", "kind", "meeting", "said_on", "via"]
        fields += ["editorial_status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk and instance.article_id:
            self.fields["passage"].initial = instance.article.body[instance.start : instance.end]

    def clean(self):
        data = super().clean()
        article, passage = data.get("article"), (data.get("passage") or "").strip()
        if article is None or not passage:
            return data
        body = article.body
        found = _occurrences(body, passage)
        instance = self.instance
        if instance.pk and body[instance.start : instance.end] == passage:
            return data  # unchanged: keep the span the editor or the extractor chose
        if not found:
            self.add_error("passage", f"These words are not in the text of “{article.title}”.")
        elif len(found) > 1:
            self.add_error(
                "passage",
                f"These words appear {len(found)} times in the article: copy a few words "
                "around them, so that they appear once.",
            )
        else:
            instance.start, instance.end = found[0], found[0] + len(passage)
        return data


def _occurrences(body: str, passage: str) -> list[int]:
    starts, at = [], body.find(passage)
    while at != -1 and len(starts) < 10:
        starts.append(at)
        at = body.find(passage, at + 1)
    return starts
