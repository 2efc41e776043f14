"""Announcements built once for the whole package, about three offices built for them with the factories.

Built in a transaction around the package's tests (each test sees them and rolls
back only its own changes) and rolled back after them, so that other packages see
the directory without them.
"""

import datetime
import io
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from announcements.models import AnnouncementIndexPage, AnnouncementPage
from core.translation import translate_page
from directory.models import OfficeKind, OfficePage
from tests.factories.announcements import AnnouncementPageFactory, announcement_index
from tests.factories.directory import OfficePageFactory, publish, translate
from tests.support.database import built_once

# The offices the announcements are about (stable identifiers apart from the sample directory's).
SECRETARIAT = "sekretariat-daerah-percobaan"
REGISTRY = "dukcapil-percobaan"
DISTRICT = "kecamatan-licin-percobaan"
OFFICES = {
    SECRETARIAT: (OfficeKind.SEKRETARIAT, "Sekretariat Daerah Percobaan", "Trial Regional Secretariat"),
    REGISTRY: (
        OfficeKind.DINAS,
        "Dinas Kependudukan dan Pencatatan Sipil Percobaan",
        "Population and Civil Registration Trial Office",
    ),
    DISTRICT: (OfficeKind.KECAMATAN, "Kecamatan Licin Percobaan", "Licin Trial District"),
}


def build_offices():
    offices = []
    for slug, (kind, title, english_title) in OFFICES.items():
        office = publish(OfficePageFactory(slug=slug, title=title, kind=kind))
        translate(office, {"title": english_title, "slug": slug})
        offices.append(office)
    return offices


@dataclass
class AnnouncementsSite:
    index: AnnouncementIndexPage
    today: datetime.date
    launch: AnnouncementPage
    current_notice: AnnouncementPage
    expired_notice: AnnouncementPage
    agenda: AnnouncementPage
    announcement: AnnouncementPage
    offices: list


def add_announcement(index, *, slug, title, category, date, lead, offices=(), english=None, body=(), **fields):
    """A published announcement under ``index``, translated into English from ``english`` ({path: text})."""
    locale = index.locale
    by_slug = {office.stable_slug: office for office in OfficePage.objects.filter(locale=locale)}
    page = AnnouncementPageFactory(
        parent=index,
        title=title,
        slug=slug,
        category_code=category,
        date=date,
        lead=lead,
        body=list(body),
        offices=[by_slug[office] for office in offices],
        **fields,
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
    offices = build_offices()
    index = announcement_index()
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
        offices=[SECRETARIAT],
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
        offices=[REGISTRY],
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
        offices=[DISTRICT],
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
        offices=[REGISTRY, DISTRICT],
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
    return AnnouncementsSite(index, today, launch, current_notice, expired_notice, agenda, announcement, offices)


@pytest.fixture(scope="package")
def announcements_site(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build_site)


@pytest.fixture
def site(announcements_site, db):
    return announcements_site
