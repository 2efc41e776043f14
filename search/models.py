"""Editors' search tools: synonym groups and the log of what citizens search for."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SynonymGroup(index.Indexed, models.Model):
    """Words citizens use for the same thing, e.g. ``KTP, KTP-el, e-KTP, kartu tanda penduduk, ID card``.

    Every term of a group finds what any other term finds, in both languages and
    on every search engine.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_("Words or phrases that mean the same, separated by commas."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]
    search_fields = [index.SearchField("terms"), index.AutocompleteField("terms")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list[:4]) + ("…" if len(self.term_list) > 4 else "")

    def clean(self):
        super().clean()
        if len(self.term_list) < 2:
            raise ValidationError(
                {"terms": _("Give at least two words or phrases, separated by commas: one alone changes nothing.")}
            )

    @property
    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    @classmethod
    def all_groups(cls):
        return [group.term_list for group in cls.objects.all() if len(group.term_list) > 1]


# Eight or more digits in a run, whatever non-letters group them (spaces, dots, dashes,
# brackets, slashes): a phone number ("(0333) 421234", "+62 812-3456-7890") or a NIK.
# A word between two numbers ends the run ("perda 12 tahun 2019" stays), so does a
# short run ("rt 05 rw 03", "pp 96/2012"); two years side by side ("2024 2025") are masked.
PERSONAL_NUMBER = re.compile(r"\+?\d(?:[\W_]*\d){7,}")
MASK = "########"


# An e-mail address, typed whole or in part ("budi.s@gmail", "budi@"): whatever surrounds an "@"
# up to the spaces, unless the "@" begins the word (an office's public handle, "@bpbd_bwi").
EMAIL_ADDRESS = re.compile(r"[^\s@]+@[^\s]*")


def mask_personal_numbers(text: str) -> str:
    """``text`` with every run of 8 or more digits replaced by ``MASK``."""
    return PERSONAL_NUMBER.sub(MASK, text)


def is_masked(text: str) -> bool:
    """Whether personal data was masked out of ``text``: nobody types it as stored."""
    return MASK in text


def mask_personal_data(text: str) -> str:
    """``text`` with e-mail addresses and runs of 8 or more digits replaced by ``MASK``."""
    return mask_personal_numbers(EMAIL_ADDRESS.sub(MASK, text))


LOG_COUNTS = ("searches", "searches_without_results", "results_page_searches")


def remask_rows(model, mask, fold_counts=False) -> int:
    """Mask the stored ``query`` of every row of ``model`` (a current or a migration's historical
    model) with ``mask``; returns the rows changed. With ``fold_counts`` (the log), a row that becomes
    the same query on the same day and in the same language as another is added to it and deleted."""
    # Collected first: the table is not changed under an open cursor.
    rows = [row for row in model.objects.order_by("pk").iterator() if mask(row.query) != row.query]
    for row in rows:
        masked = mask(row.query)
        same = None
        if fold_counts:
            same = model.objects.filter(query=masked, language_code=row.language_code, date=row.date).first()
        if same is None:
            row.query = masked
            row.save(update_fields=["query"])
        else:
            # The counts the model has (a migration's historical model may predate some).
            counts = [name for name in LOG_COUNTS if hasattr(row, name)]
            for name in counts:
                setattr(same, name, getattr(same, name) + getattr(row, name))
            same.save(update_fields=counts)
            row.delete()
    return len(rows)


def logged_query(query: str) -> str:
    """``query`` as the search log keeps it: lower case, single spaces, personal data masked."""
    return mask_personal_data(" ".join(query.casefold().split()))[:200]


class SearchQueryLog(models.Model):
    """How often a query was searched on a day, per language, and whether it found anything."""

    query = models.CharField(_("query"), max_length=200)
    language_code = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"), default=timezone.localdate)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    # Those made on the results page, where the results opened are followed (the API's are not).
    results_page_searches = models.PositiveIntegerField(_("searches on the results page"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(fields=["query", "language_code", "date"], name="unique_query_per_language_day")
        ]
        indexes = [models.Index(fields=["date", "language_code"])]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, language_code, result_count, on_results_page=False):
        """Count one search; queries are stored normalised (lower case, single spaces).

        Phone numbers, NIKs and e-mail addresses are masked first: the log keeps no personal data.
        One upsert statement: a search must not cost several write transactions.
        """
        normalised = logged_query(query)
        if not normalised:
            return
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (query, language_code, date, searches, searches_without_results, "
                "results_page_searches) VALUES (%s, %s, %s, 1, %s, %s) "
                "ON CONFLICT (query, language_code, date) DO UPDATE SET "
                f"searches = {table}.searches + 1, "
                f"searches_without_results = {table}.searches_without_results + excluded.searches_without_results, "
                f"results_page_searches = {table}.results_page_searches + excluded.results_page_searches",
                [normalised, language_code, timezone.localdate(), 0 if result_count else 1, int(on_results_page)],
            )

    @classmethod
    def purge_expired(cls, today=None) -> int:
        """Delete entries older than ``SEARCH_LOG_RETENTION_DAYS``; returns how many went."""
        days = getattr(settings, "SEARCH_LOG_RETENTION_DAYS", 90)
        cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
        deleted, _ = cls.objects.filter(date__lt=cutoff).delete()
        return deleted


class DocumentEmbedding(models.Model):
    """The stored sentence embedding of one searchable object in one language, or of one of its passages.

    Computed when content is published or imported (``search.embedding_store``) and read
    by every worker when it builds its search engine, so a restart or a new worker
    recomputes nothing. ``text_hash`` covers the model and the embedded text: a change of
    either makes the row stale.
    """

    kind = models.CharField(max_length=20)
    identifier = models.CharField(max_length=255)
    language_code = models.CharField(max_length=10)
    # 0 for the document itself; 1, 2 … for its passages (a service's situations), each a vector of its own.
    passage = models.PositiveSmallIntegerField(default=0)
    # The part of the index its page rebuilds (an office, an announcement): what a publish refreshes.
    scope = models.CharField(max_length=255, blank=True, db_index=True)
    text_hash = models.CharField(max_length=40)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search embedding")
        verbose_name_plural = _("search embeddings")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "identifier", "language_code", "passage"], name="unique_embedding_per_passage"
            )
        ]

    def __str__(self):
        passage = f" #{self.passage}" if self.passage else ""
        return f"{self.kind}:{self.identifier} ({self.language_code}){passage}"


class SearchFollowUp(models.Model):
    """What one results page led to: the results opened and the answer to "did you find what you needed?".

    Its reference is drawn at random for that results page, not for a person: no IP address,
    session or user is kept, and the query is kept as the search log keeps it (``logged_query``).
    """

    reference = models.CharField(max_length=32, unique=True)
    query = models.CharField(_("query"), max_length=200)
    language_code = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"), default=timezone.localdate)
    found = models.BooleanField(_("found what they needed"), null=True)

    class Meta:
        verbose_name = _("search follow-up")
        verbose_name_plural = _("search follow-ups")
        indexes = [models.Index(fields=["date", "language_code"])]

    def __str__(self):
        return self.query

    @classmethod
    def purge_expired(cls, today=None) -> int:
        """Delete follow-ups older than ``SEARCH_LOG_RETENTION_DAYS``, like the log; returns how many went."""
        cutoff = (today or timezone.localdate()) - datetime.timedelta(days=settings.SEARCH_LOG_RETENTION_DAYS)
        deleted, _ = cls.objects.filter(date__lt=cutoff).delete()
        return deleted


class SearchOpen(models.Model):
    """A result opened from a results page: which one (``service:ktp-baru``), as it was titled, at which rank."""

    follow_up = models.ForeignKey(SearchFollowUp, on_delete=models.CASCADE, related_name="opens")
    result = models.CharField(_("result"), max_length=300)
    title = models.CharField(_("title"), max_length=255)
    # The page behind the result, which editors may promote for the query.
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    position = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        verbose_name = _("opened search result")
        verbose_name_plural = _("opened search results")
        constraints = [models.UniqueConstraint(fields=["follow_up", "result"], name="unique_open_per_follow_up")]

    def __str__(self):
        return self.title
