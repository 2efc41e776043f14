"""Announcements built once for the whole package on top of the session's imported offices.

Built outside the per-test transactions (so each test sees them and rolls back
only its own changes) and removed again afterwards, so that other packages see
the directory as the session fixture left it.
"""

import datetime
import io
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

from announcements.models import AnnouncementCategory, AnnouncementIndexPage, AnnouncementPage, RelatedOffice
from announcements.structure import ensure_announcement_index
from core.translation import translate_page
from directory.models import OfficePage
from melayani.models import HomePage


@dataclass
class AnnouncementsSite:
    index: AnnouncementIndexPage
    today: datetime.date
    launch: AnnouncementPage
    current_notice: AnnouncementPage
    expired_notice: AnnouncementPage
    agenda: AnnouncementPage
    announcement: AnnouncementPage
    created_index: bool


def add_announcement(index, *, slug, title, category, date, lead, offices=(), english=None, body=(), **fields):
    """A published announcement under ``index``, translated into English from ``english`` ({path: text})."""
    locale = index.locale
    by_slug = {office.stable_slug: office for office in OfficePage.objects.filter(locale=locale)}
    page = index.add_child(
        instance=AnnouncementPage(
            title=title,
            slug=slug,
            category=AnnouncementCategory.objects.get(code=category, locale=locale),
            date=date,
            lead=lead,
            body=list(body),
            related_offices=[RelatedOffice(office=by_slug[office]) for office in offices],
            **fields,
        )
    )
    page.save_revision().publish()
    if english is not None:
        paths = english(page) if callable(english) else english
        translate_page(page, paths, Locale.objects.get(language_code="en"))
    return AnnouncementPage.objects.get(pk=page.pk)


def small_image(title="Peluncuran"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (60, 40), "#0b6b35").save(buffer, format="PNG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name="peluncuran.png"))
    image.save()
    return image


def launch_english(page):
    blocks = {block.block_type: block.id for block in page.body}
    return {
        "title": "Banyuwangi Melayani launched",
        "slug": "banyuwangi-melayani-launched",
        "lead": "Find the right officer at every regency office.",
        "featured_image_alt": "Officers at the launch",
        f"body.{blocks['paragraph']}": "The regency opened its directory to citizens.",
        f"body.{blocks['heading']}": "What citizens can do",
        f"body.{blocks['image']}.alt_text": "The service hall on launch day",
        f"body.{blocks['quote']}.quote": "One search finds the right officer.",
        f"body.{blocks['table']}.caption": "Opening hours",
        f"body.{blocks['table']}.cell-0-0": "Day",
        f"body.{blocks['table']}.cell-0-1": "Hours",
        f"body.{blocks['table']}.cell-1-0": "Monday",
    }


def build_site():
    home = HomePage.objects.get(locale=Locale.get_default())
    created_index = not AnnouncementIndexPage.objects.child_of(home).exists()
    index = ensure_announcement_index(home)
    today = timezone.localdate()
    image = small_image()
    document = get_document_model()(title="Jadwal pelayanan", file=ContentFile(b"%PDF-1.4 demo", name="jadwal.pdf"))
    document.save()
    launch = add_announcement(
        index,
        slug="peluncuran",
        title="Banyuwangi Melayani diluncurkan",
        category="news",
        date=datetime.date(2025, 3, 10),
        lead="Temukan petugas yang tepat di setiap perangkat daerah.",
        offices=["setda"],
        featured_image=image,
        featured_image_alt="Petugas pada acara peluncuran",
        body=[
            ("paragraph", RichText("<p>Kabupaten membuka direktorinya untuk warga.</p>")),
            ("heading", "Apa yang bisa dilakukan warga"),
            ("image", {"image": image, "alt_text": "Ruang pelayanan pada hari peluncuran", "caption": ""}),
            ("document", {"document": document, "title": ""}),
            ("quote", {"quote": "Satu pencarian menemukan petugas yang tepat.", "attribution": ""}),
            (
                "table",
                {
                    "data": [["Hari", "Jam"], ["Senin", "08.00–15.00"]],
                    "table_caption": "Jam buka",
                    "table_header_choice": "row",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            ),
        ],
        english=launch_english,
    )
    current_notice = add_announcement(
        index,
        slug="renovasi-dispendukcapil",
        title="Ruang pelayanan Dispendukcapil direnovasi",
        category="service-notice",
        date=today - datetime.timedelta(days=1),
        notice_ends_on=today + datetime.timedelta(days=30),
        lead="Layanan pindah sementara ke Mal Pelayanan Publik.",
        offices=["dispendukcapil"],
        english={
            "title": "Dispendukcapil service hall under renovation",
            "slug": "dispendukcapil-renovation",
            "lead": "Services move temporarily to the Public Service Mall.",
        },
    )
    expired_notice = add_announcement(
        index,
        slug="pemadaman-listrik-licin",
        title="Kantor Kecamatan Licin tutup saat pemadaman listrik",
        category="service-notice",
        date=today - datetime.timedelta(days=20),
        notice_ends_on=today - datetime.timedelta(days=1),
        lead="Loket tutup selama dua hari.",
        offices=["kecamatan-licin"],
        english={
            "title": "Licin district office closed during a power cut",
            "slug": "licin-power-cut",
            "lead": "Counters are closed for two days.",
        },
    )
    agenda = add_announcement(
        index,
        slug="jemput-bola-ktp-el",
        title="Jemput bola perekaman KTP-el di Licin",
        category="agenda",
        date=datetime.date(2024, 6, 1),
        lead="Perekaman KTP-el keliling di Kantor Kecamatan Licin.",
        offices=["dispendukcapil", "kecamatan-licin"],
        english={
            "title": "Mobile e-ID recording in Licin",
            "slug": "mobile-e-id-recording",
            "lead": "Mobile e-ID recording at the Licin district office.",
        },
    )
    # Left untranslated: English visitors find it through the Indonesian fallback only.
    announcement = add_announcement(
        index,
        slug="jam-layanan-ramadan",
        title="Jam pelayanan selama Ramadan",
        category="announcement",
        date=datetime.date(2024, 1, 15),
        lead="Loket buka pukul 08.00–14.00.",
    )
    return AnnouncementsSite(
        index, today, launch, current_notice, expired_notice, agenda, announcement, created_index=created_index
    )


def remove_site(site):
    """Take away what ``build_site`` added; the index and categories only if it created them."""
    AnnouncementPage.objects.all().delete()
    content_types = [ContentType.objects.get_for_model(AnnouncementPage)]
    if site.created_index:
        AnnouncementIndexPage.objects.all().delete()
        AnnouncementCategory.objects.all().delete()
        content_types += ContentType.objects.get_for_models(AnnouncementCategory, AnnouncementIndexPage).values()
    TranslationSource.objects.filter(specific_content_type__in=content_types).delete()
    get_image_model().objects.filter(pk=site.launch.featured_image_id).delete()
    get_document_model().objects.filter(title="Jadwal pelayanan").delete()


@pytest.fixture(scope="package")
def announcements_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        site = build_site()
        yield site
        remove_site(site)


@pytest.fixture
def site(announcements_site, db):
    return announcements_site
