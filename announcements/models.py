"""News and announcements (berita, pengumuman) of the regency, in both languages."""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.cache import accept_query
from core.mixins import STABLE_ID_VALIDATOR, IntroductionMixin, StableSlugMixin
from core.privacy import visible_to_public
from core.seo import open_graph_properties
from directory.models import OfficePage
from directory.models.structured_data import office_reference

from .blocks import AnnouncementBodyBlock
from .feeds import AnnouncementFeed

SERVICE_NOTICE = "service-notice"
PAGE_SIZE = 10
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
NEWEST_FIRST = ("-date", "-first_published_at", "-pk")


class AnnouncementCategory(TranslatableMixin, models.Model):
    """News, announcement, agenda, service notice: editable, translated like pages."""

    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("code"),
        max_length=40,
        validators=[STABLE_ID_VALIDATOR],
        help_text=_(
            "Stable identifier used in links such as ?category=news. Announcements of the category "
            "“service-notice” need an end date and are shown as a banner until then."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]

    translatable_fields = [TranslatableField("name"), SynchronizedField("code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("announcement category")
        verbose_name_plural = _("announcement categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_announcement_category_code_per_locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_service_notice(self):
        return self.code == SERVICE_NOTICE


class AnnouncementIndexPage(RoutablePageMixin, IntroductionMixin, Page):
    """Every announcement of one language, newest first, filterable without JavaScript."""

    parent_page_types = ["melayani.HomePage"]
    subpage_types = ["announcements.AnnouncementPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("announcement index")

    def announcements(self):
        return AnnouncementPage.published().child_of(self)

    def offices(self):
        """Offices that announcements of this index mention, in the index's language, A–Z."""
        keys = RelatedOffice.objects.filter(page__in=self.announcements().values("pk")).values(
            "office__translation_key"
        )
        offices = OfficePage.objects.filter(locale_id=self.locale_id, translation_key__in=keys)
        return visible_to_public(offices).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        announcements = self.announcements()
        categories = list(AnnouncementCategory.objects.filter(locale_id=self.locale_id))
        offices = list(self.offices())
        years = [str(day.year) for day in announcements.dates("date", "year", order="DESC")]

        # Values outside the offered choices are ignored, never an error.
        filters = {}
        category = request.GET.get("category", "")
        if category in {item.code for item in categories}:
            filters["category"] = category
            announcements = announcements.filter(category__code=category)
        office = next((item for item in offices if item.stable_slug == request.GET.get("office")), None)
        if office is not None:
            filters["office"] = office.stable_slug
            announcements = announcements.filter(pk__in=RelatedOffice.announcement_ids(office))
        year = request.GET.get("year", "")
        if year in years:
            filters["year"] = year
            announcements = announcements.filter(date__year=int(year))

        paginator = Paginator(announcements, PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        accept_query(request, **filters)
        if request.GET.get("page") == str(page_obj.number):
            accept_query(request, page=page_obj.number)
        context.update(
            {
                "announcements": page_obj.object_list,
                "page_obj": page_obj,
                "pagination": pagination_links(page_obj, self.get_url(request), filters),
                "categories": categories,
                "offices": offices,
                "years": years,
                "filters": filters,
                "feed_url": self.feed_url(request),
            }
        )
        return context

    def feed_url(self, request=None):
        url = self.get_url(request)
        return url + self.reverse_subpage("feed") if url else ""

    @path("feed/", name="feed")
    def feed(self, request):
        """The Atom feed of this index's language."""
        return AnnouncementFeed()(request, index_page=self)


def pagination_links(page_obj, base_url, filters):
    """Previous, next and numbered page links that keep the active filters."""

    def url(number):
        query = urlencode({**filters, "page": number} if number > 1 else filters)
        return f"{base_url}?{query}" if query else base_url

    return {
        "previous": url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next": url(page_obj.next_page_number()) if page_obj.has_next() else "",
        "pages": [
            {"number": number, "url": url(number), "current": number == page_obj.number}
            if isinstance(number, int)
            else {"number": None}
            for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
        ],
    }


class AnnouncementPage(StableSlugMixin, Page):
    """A piece of news, an announcement, an agenda item or a service notice."""

    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.ForeignKey(
        AnnouncementCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    lead = models.TextField(_("lead"), help_text=_("One or two sentences: what happens, for whom, from when."))
    body = StreamField(AnnouncementBodyBlock(), blank=True, verbose_name=_("body"))
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_alt = models.CharField(
        _("featured image alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    notice_ends_on = models.DateField(
        _("notice ends on"),
        null=True,
        blank=True,
        help_text=_("Service notices: the last day the notice applies. Its banner disappears the day after."),
    )

    search_result_type = "news"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("category"), FieldPanel("notice_ends_on")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        InlinePanel("related_offices", label=_("Related offices")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
        index.FilterField("notice_ends_on"),
    ]

    override_translatable_fields = [
        SynchronizedField("stable_slug"),
        # Offices are chosen once and shown in the page's own language at render
        # time (see ``offices``): wagtail-localize does not translate foreign keys
        # on inline children (wagtail-localize#710).
        SynchronizedField("related_offices"),
    ]

    parent_page_types = ["announcements.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def clean(self):
        super().clean()
        errors = {}
        if self.category_id and self.category.is_service_notice and not self.notice_ends_on:
            errors["notice_ends_on"] = _("A service notice needs the last day it applies.")
        elif self.notice_ends_on and self.date and self.notice_ends_on < self.date:
            errors["notice_ends_on"] = _("The notice cannot end before its date.")
        if self.featured_image_id and not self.featured_image_alt.strip():
            errors["featured_image_alt"] = _("Describe the featured image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def published(cls):
        """Live, public announcements of every language, newest first."""
        return visible_to_public(cls.objects.all()).select_related("category").order_by(*NEWEST_FIRST)

    @property
    def is_service_notice(self):
        return self.category.is_service_notice

    def is_current_notice(self, today=None):
        """True for a service notice until the end of its last day (site time zone)."""
        today = today or timezone.localdate()
        return self.is_service_notice and self.notice_ends_on is not None and self.notice_ends_on >= today

    @property
    def published_at(self):
        """When the announcement came out: its first publication, or the start of ``date`` when backdated."""
        if self.first_published_at and timezone.localdate(self.first_published_at) == self.date:
            return self.first_published_at
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    @property
    def updated_at(self):
        return max(filter(None, [self.published_at, self.last_published_at]))

    @property
    def meta_description(self):
        text = " ".join((self.search_description or self.lead).split())
        return Truncator(text).chars(160)

    def offices(self):
        """Related offices in this page's language (the original when not translated), in the editor's order."""
        links = list(self.related_offices.select_related("office"))
        keys = [link.office.translation_key for link in links]
        visible = visible_to_public(OfficePage.objects.filter(translation_key__in=keys))
        localized = {office.translation_key: office for office in visible.filter(locale_id=self.locale_id)}
        shown = set(visible.values_list("pk", flat=True))
        return [localized.get(link.office.translation_key, link.office) for link in links if link.office_id in shown]

    @cached_property
    def share_image(self):
        """The featured image cropped for link previews (Open Graph, NewsArticle), or None."""
        if self.featured_image is None:
            return None
        return self.featured_image.get_rendition(SHARE_IMAGE_SPEC)

    def open_graph(self, request):
        """[(property, content), …] for ``<meta property=… content=…>``."""
        tags = [
            ("og:type", "article") if name == "og:type" else (name, content)
            for name, content in open_graph_properties(self, self.meta_description, request)
        ]
        if self.share_image is not None:
            tags += [
                ("og:image", request.build_absolute_uri(self.share_image.url)),
                ("og:image:width", str(self.share_image.width)),
                ("og:image:height", str(self.share_image.height)),
                ("og:image:alt", self.featured_image_alt),
            ]
        tags.append(("article:published_time", self.published_at.isoformat()))
        tags.append(("article:modified_time", self.updated_at.isoformat()))
        tags.append(("article:section", self.category.name))
        return tags

    def news_article(self, request, offices):
        """schema.org ``NewsArticle`` data for search engines, as a dict ready for JSON."""
        url = self.get_full_url(request)
        regency = {
            "@type": "GovernmentOrganization",
            "name": gettext("Banyuwangi Regency Government"),
            "url": request.build_absolute_uri("/"),
        }
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": Truncator(self.title).chars(110),
            "description": self.lead,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": self.locale.language_code,
            "datePublished": self.published_at.isoformat(),
            "dateModified": self.updated_at.isoformat(),
            "articleSection": self.category.name,
            "author": regency,
            "publisher": regency,
        }
        if self.share_image is not None:
            data["image"] = [request.build_absolute_uri(self.share_image.url)]
        if self.notice_ends_on:
            data["expires"] = self.notice_ends_on.isoformat()
        if offices:
            data["about"] = [office_reference(office, office.get_full_url(request)) for office in offices]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offices = self.offices()
        context["index_page"] = self.get_parent()
        context["offices"] = offices
        context["is_current_notice"] = self.is_current_notice()
        context["open_graph"] = self.open_graph(request)
        context["news_article"] = self.news_article(request, offices)
        return context


class RelatedOffice(Orderable):
    """Links an announcement to an office it concerns; the office page then lists it."""

    page = ParentalKey(AnnouncementPage, on_delete=models.CASCADE, related_name="related_offices")
    office = models.ForeignKey(
        OfficePage,
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("office")]

    class Meta(Orderable.Meta):
        verbose_name = _("related office")
        verbose_name_plural = _("related offices")

    @staticmethod
    def announcement_ids(office):
        """Primary keys of the announcements related to ``office`` in any of its languages, as a subquery."""
        return RelatedOffice.objects.filter(office__translation_key=office.translation_key).values("page_id")
