"""Demo announcements in both languages, dated relative to the day the demo is loaded.

Keyed on stable identifiers: a second run finds them all and changes nothing.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.translation import translate_page
from directory.models import OfficePage

from .models import AnnouncementCategory, AnnouncementPage, RelatedOffice
from .structure import ensure_announcement_index

LAUNCH_IMAGE_TITLE = "Banyuwangi Melayani — peluncuran"


def p(indonesian, english):
    return ("paragraph", {"id": indonesian, "en": english})


def h(indonesian, english):
    return ("heading", {"id": indonesian, "en": english})


ANNOUNCEMENTS = [
    {
        "stable_slug": "peluncuran-banyuwangi-melayani",
        "slug": {"id": "peluncuran-banyuwangi-melayani", "en": "banyuwangi-melayani-launched"},
        "category": "news",
        "days_ago": 21,
        "offices": ["setda"],
        "featured_image": True,
        "title": {
            "id": "Banyuwangi Melayani resmi diluncurkan",
            "en": "Banyuwangi Melayani launched",
        },
        "lead": {
            "id": "Warga kini dapat menemukan petugas yang tepat di setiap perangkat daerah, lengkap dengan nomor "
            "telepon, WhatsApp dan standar pelayanannya, dalam bahasa Indonesia dan Inggris.",
            "en": "Citizens can now find the right officer at every regency office, with phone and WhatsApp "
            "numbers and the published service standards, in Indonesian and English.",
        },
        "featured_image_alt": {
            "id": "Tulisan Banyuwangi Melayani di atas latar hijau",
            "en": "The words Banyuwangi Melayani on a green background",
        },
        "body": [
            p(
                "Pemerintah Kabupaten Banyuwangi meluncurkan Banyuwangi Melayani, direktori daring seluruh "
                "perangkat daerah, kecamatan dan rumah sakit daerah.",
                "The Banyuwangi regency government has launched Banyuwangi Melayani, an online directory of "
                "every regency office, district office and regional hospital.",
            ),
            h("Apa yang bisa dilakukan warga", "What citizens can do"),
            p(
                "Cari urusan Anda dengan kata sehari-hari, misalnya KTP hilang atau akta kelahiran, lalu hubungi "
                "langsung petugas yang menanganinya. Persyaratan, prosedur, waktu dan biaya setiap layanan "
                "tercantum pada halamannya.",
                "Search for your matter in everyday words, such as lost ID card or birth certificate, then "
                "contact the officer who handles it directly. The requirements, procedure, duration and cost "
                "of each service are on its page.",
            ),
            (
                "quote",
                {
                    "quote": {
                        "id": "Warga tidak perlu lagi bertanya dari meja ke meja. Cukup satu pencarian untuk "
                        "menemukan petugas yang tepat.",
                        "en": "Citizens no longer need to ask from desk to desk. One search finds the right officer.",
                    },
                    "attribution": {
                        "id": "Sekretariat Daerah Kabupaten Banyuwangi",
                        "en": "Regional Secretariat of Banyuwangi Regency",
                    },
                },
            ),
            p(
                "Keluhan yang belum terjawab tetap dapat disampaikan melalui call centre 112, yang dijawab dalam "
                "empat jam.",
                "Complaints that remain unanswered can still be reported to the 112 call centre, which answers "
                "within four hours.",
            ),
        ],
    },
    {
        "stable_slug": "renovasi-ruang-pelayanan-dispendukcapil",
        "slug": {
            "id": "renovasi-ruang-pelayanan-dispendukcapil",
            "en": "dispendukcapil-service-hall-renovation",
        },
        "category": "service-notice",
        "days_ago": 2,
        "ends_in_days": 60,
        "offices": ["dispendukcapil"],
        "title": {
            "id": "Ruang pelayanan Dispendukcapil direnovasi: layanan pindah sementara",
            "en": "Dispendukcapil service hall under renovation: services move temporarily",
        },
        "lead": {
            "id": "Selama renovasi ruang pelayanan, perekaman KTP-el, kartu keluarga dan akta dilayani di Mal "
            "Pelayanan Publik Banyuwangi. Layanan daring tetap berjalan seperti biasa.",
            "en": "While the service hall is renovated, e-ID recording, family cards and certificates are served "
            "at the Banyuwangi Public Service Mall. Online services continue as usual.",
        },
        "body": [
            p(
                "Dinas Kependudukan dan Pencatatan Sipil merenovasi ruang pelayanannya agar lebih nyaman dan "
                "mudah diakses oleh penyandang disabilitas.",
                "The Population and Civil Registration Office is renovating its service hall to make it more "
                "comfortable and accessible to people with disabilities.",
            ),
            h("Lokasi dan jam layanan sementara", "Temporary locations and hours"),
            (
                "table",
                {
                    "caption": {"id": "Layanan selama renovasi", "en": "Services during the renovation"},
                    "rows": [
                        [
                            {"id": "Layanan", "en": "Service"},
                            {"id": "Lokasi", "en": "Location"},
                            {"id": "Jam", "en": "Hours"},
                        ],
                        [
                            {"id": "Perekaman KTP-el", "en": "E-ID recording"},
                            {"id": "Mal Pelayanan Publik, loket 5", "en": "Public Service Mall, counter 5"},
                            {"id": "Senin–Jumat 08.00–15.00", "en": "Monday–Friday 08:00–15:00"},
                        ],
                        [
                            {"id": "Kartu keluarga dan akta", "en": "Family cards and certificates"},
                            {"id": "Mal Pelayanan Publik, loket 6", "en": "Public Service Mall, counter 6"},
                            {"id": "Senin–Jumat 08.00–15.00", "en": "Monday–Friday 08:00–15:00"},
                        ],
                        [
                            {"id": "Pengaduan", "en": "Complaints"},
                            {"id": "WhatsApp dan telepon kantor", "en": "Office WhatsApp and phone"},
                            {"id": "Senin–Jumat 07.30–15.30", "en": "Monday–Friday 07:30–15:30"},
                        ],
                    ],
                },
            ),
            p(
                "Bawa dokumen asli sesuai persyaratan setiap layanan. Nomor antrean dapat diambil di Mal "
                "Pelayanan Publik sejak pukul 07.30.",
                "Bring the original documents listed in each service's requirements. Queue numbers are "
                "handed out at the Public Service Mall from 07:30.",
            ),
        ],
    },
    {
        "stable_slug": "pemadaman-listrik-kecamatan-licin",
        "slug": {"id": "pemadaman-listrik-kecamatan-licin", "en": "power-cut-licin-district-office"},
        "category": "service-notice",
        "days_ago": 20,
        "ends_in_days": -10,
        "offices": ["kecamatan-licin"],
        "title": {
            "id": "Pelayanan Kantor Kecamatan Licin ditiadakan saat pemadaman listrik terjadwal",
            "en": "No counter service at the Licin district office during a scheduled power cut",
        },
        "lead": {
            "id": "Karena pemadaman listrik terjadwal, loket Kantor Kecamatan Licin tutup selama dua hari. "
            "Surat pengantar yang mendesak dapat diurus melalui kantor desa.",
            "en": "Because of a scheduled power cut, the counters of the Licin district office are closed for "
            "two days. Urgent cover letters can be obtained at the village office.",
        },
        "body": [
            p(
                "Pelayanan kembali normal setelah pemadaman selesai. Mohon maaf atas ketidaknyamanannya.",
                "Service returns to normal once the power cut is over. We apologise for the inconvenience.",
            ),
        ],
    },
    {
        "stable_slug": "jemput-bola-ktp-el-licin",
        "slug": {"id": "jemput-bola-ktp-el-licin", "en": "mobile-e-id-recording-licin"},
        "category": "agenda",
        "days_ago": 3,
        "offices": ["dispendukcapil", "kecamatan-licin"],
        "title": {
            "id": "Jemput bola perekaman KTP-el di Kecamatan Licin",
            "en": "Mobile e-ID recording in Licin district",
        },
        "lead": {
            "id": "Petugas Dispendukcapil membuka layanan perekaman KTP-el keliling di Kantor Kecamatan Licin, "
            "khusus bagi warga lanjut usia, penyandang disabilitas dan pemilih pemula.",
            "en": "Dispendukcapil officers run a mobile e-ID recording service at the Licin district office, "
            "for older people, people with disabilities and first-time voters.",
        },
        "body": [
            h("Yang perlu dibawa", "What to bring"),
            p(
                "Fotokopi kartu keluarga. Warga yang tidak dapat datang dapat meminta perekaman di rumah melalui "
                "kepala desa.",
                "A copy of the family card. Residents who cannot come may ask for recording at home through "
                "their village head.",
            ),
        ],
    },
    {
        "stable_slug": "jam-pelayanan-ramadan",
        "slug": {"id": "jam-pelayanan-ramadan", "en": "service-hours-during-ramadan"},
        "category": "announcement",
        "days_ago": 45,
        "offices": [],
        "title": {
            "id": "Penyesuaian jam pelayanan perangkat daerah selama Ramadan",
            "en": "Adjusted service hours of regency offices during Ramadan",
        },
        "lead": {
            "id": "Selama bulan Ramadan, loket pelayanan perangkat daerah buka pukul 08.00–14.00 pada Senin–Kamis "
            "dan 08.00–11.30 pada hari Jumat.",
            "en": "During Ramadan, the counters of regency offices open 08:00–14:00 Monday to Thursday and "
            "08:00–11:30 on Fridays.",
        },
        "body": [
            p(
                "Rumah sakit daerah dan layanan gawat darurat tetap buka 24 jam. Call centre 112 tetap melayani "
                "setiap hari.",
                "Regional hospitals and emergency services stay open around the clock. The 112 call centre "
                "answers every day.",
            ),
        ],
    },
    {
        "stable_slug": "akta-kelahiran-dari-desa",
        "slug": {"id": "akta-kelahiran-dari-desa", "en": "birth-certificates-from-the-village"},
        "category": "news",
        "days_ago": 400,
        "offices": ["dispendukcapil"],
        "title": {
            "id": "Akta kelahiran kini dapat diajukan dari kantor desa",
            "en": "Birth certificates can now be requested at the village office",
        },
        "lead": {
            "id": "Orang tua tidak perlu lagi datang ke kantor Dispendukcapil: permohonan akta kelahiran dapat "
            "diajukan di kantor desa dan aktanya dikirim ke sana.",
            "en": "Parents no longer need to travel to the Dispendukcapil office: birth certificates can be "
            "requested at the village office and are delivered there.",
        },
        "body": [
            p(
                "Petugas desa memeriksa berkas dan mengirimkannya secara daring. Akta yang sudah terbit dapat "
                "dicetak sendiri di kantor desa.",
                "Village officers check the documents and send them online. Issued certificates can be printed "
                "at the village office.",
            ),
        ],
    },
]


@transaction.atomic
def load_demo_announcements(home=None):
    """Create the demo announcements that do not exist yet; returns how many.

    ``home`` is the source-language home page (``ensure_site_structure`` makes it).
    """
    if home is None:
        from melayani.models import HomePage

        home = HomePage.objects.get(locale=Locale.get_default())
    index_page = ensure_announcement_index(home)
    english = Locale.objects.get(language_code="en")
    today = timezone.localdate()
    created = 0
    for record in ANNOUNCEMENTS:
        if AnnouncementPage.objects.filter(stable_slug=record["stable_slug"], locale=index_page.locale).exists():
            continue
        page = index_page.add_child(instance=_announcement(record, index_page.locale, today))
        page.save_revision().publish()
        translate_page(page, _english_paths(page, record), english)
        created += 1
    return created


def _announcement(record, locale, today):
    page = AnnouncementPage(
        title=record["title"]["id"],
        slug=record["slug"]["id"],
        stable_slug=record["stable_slug"],
        locale=locale,
        date=today - datetime.timedelta(days=record["days_ago"]),
        category=AnnouncementCategory.objects.get(code=record["category"], locale=locale),
        lead=record["lead"]["id"],
        body=[(kind, _block_value(kind, content, "id")) for kind, content in record["body"]],
    )
    if "ends_in_days" in record:
        page.notice_ends_on = today + datetime.timedelta(days=record["ends_in_days"])
    if record.get("featured_image"):
        page.featured_image = _launch_image()
        page.featured_image_alt = record["featured_image_alt"]["id"]
    offices = OfficePage.objects.filter(stable_slug__in=record["offices"], locale=locale)
    by_slug = {office.stable_slug: office for office in offices}
    page.related_offices = [
        RelatedOffice(office=by_slug[slug], sort_order=position)
        for position, slug in enumerate(record["offices"])
        if slug in by_slug
    ]
    return page


def _block_value(kind, content, language):
    if kind == "paragraph":
        return RichText(f"<p>{content[language]}</p>")
    if kind == "heading":
        return content[language]
    if kind == "quote":
        return {"quote": content["quote"][language], "attribution": content["attribution"][language]}
    if kind == "table":
        return {
            "data": [[cell[language] for cell in row] for row in content["rows"]],
            "table_caption": content["caption"][language],
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
        }
    raise ValueError(f"No demo content for block type {kind!r}")


def _english_paths(page, record):
    """wagtail-localize segment paths of the page with their English text."""
    paths = {"title": record["title"]["en"], "slug": record["slug"]["en"], "lead": record["lead"]["en"]}
    if record.get("featured_image"):
        paths["featured_image_alt"] = record["featured_image_alt"]["en"]
    for block, (kind, content) in zip(page.body, record["body"], strict=True):
        base = f"body.{block.id}"
        if kind in ("paragraph", "heading"):
            paths[base] = content["en"]
        elif kind == "quote":
            paths[f"{base}.quote"] = content["quote"]["en"]
            paths[f"{base}.attribution"] = content["attribution"]["en"]
        elif kind == "table":
            paths[f"{base}.caption"] = content["caption"]["en"]
            for row_index, row in enumerate(content["rows"]):
                for column_index, cell in enumerate(row):
                    paths[f"{base}.cell-{row_index}-{column_index}"] = cell["en"]
    return paths


def _launch_image():
    """A simple picture for the launch news, drawn once and reused."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw, ImageFont

    Image = get_image_model()
    existing = Image.objects.filter(title=LAUNCH_IMAGE_TITLE).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", (1200, 630), "#0b6b35")
    draw = ImageDraw.Draw(picture)
    draw.text((600, 315), "Banyuwangi Melayani", fill="white", anchor="mm", font=ImageFont.load_default(size=96))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=LAUNCH_IMAGE_TITLE, file=ImageFile(buffer, name="banyuwangi-melayani.png"))
    image.save()
    return image
