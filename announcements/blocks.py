"""StreamField blocks of an announcement's body."""

import copy

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ImageValue(blocks.StructValue):
    @property
    def alt(self):
        """The text a screen reader announces: nothing for a decorative image."""
        return "" if self.get("decorative") else self.get("alt_text", "")


class ImageBlock(blocks.StructBlock):
    """An image with its alt text, required unless the image is marked as decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=255,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers then skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Describe the image, or mark it as decorative.")),
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        value_class = ImageValue
        template = "announcements/blocks/image.html"


class DocumentValue(blocks.StructValue):
    @property
    def link_text(self):
        return self.get("title") or self["document"].title


class DocumentBlock(blocks.StructBlock):
    """A downloadable file, e.g. the full text of a decree or a schedule."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        value_class = DocumentValue
        template = "announcements/blocks/document.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "announcements/blocks/quote.html"


class TranslatableTableBlock(TableBlock):
    """Wagtail's table, with its caption and cells offered to wagtail-localize for translation.

    wagtail-localize skips block types it does not know, which would leave every
    table of an English page in Indonesian.
    """

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for column_index, cell in enumerate(row):
                if cell and str(cell).strip():
                    segments.append(StringSegmentValue(f"cell-{row_index}-{column_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
            elif segment.path.startswith("cell-"):
                _prefix, row_index, column_index = segment.path.split("-")
                value["data"][int(row_index)][int(column_index)] = text
        return value

    class Meta:
        template = "announcements/blocks/table.html"


class AnnouncementBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    heading = blocks.CharBlock(
        max_length=255,
        form_classname="title",
        icon="title",
        label=_("Heading"),
        template="announcements/blocks/heading.html",
    )
    image = ImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    table = TranslatableTableBlock(label=_("Table"))
