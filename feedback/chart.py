"""The survey result as an SVG bar chart rendered on the server: no script, readable without CSS."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from . import ikm

WIDTH = 340
LABEL_WIDTH = 150
BAR_WIDTH = WIDTH - LABEL_WIDTH - 44
ROW_HEIGHT = 28
TOP = 8


def _value_text(value):
    return number_format(value, 2) if value is not None else "–"


def bar_chart(result, chart_id):
    """Each element's unit value on the 1–4 scale as a horizontal bar, labelled with its value."""
    height = TOP + ROW_HEIGHT * len(ikm.ELEMENTS) + 8
    rows = []
    for position, element in enumerate(ikm.ELEMENTS):
        value = result.unit_values.get(element.field)
        y = TOP + position * ROW_HEIGHT
        width = 0 if value is None else round(BAR_WIDTH * value / ikm.SCALE[-1], 1)
        rows.append(
            (
                y + 17,
                f"{element.code} {element.label}",
                LABEL_WIDTH,
                y + 4,
                width,
                LABEL_WIDTH + width + 6,
                y + 17,
                _value_text(value),
            )
        )
    bars = format_html_join(
        "\n",
        '<text x="0" y="{}" class="chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="18" class="chart__bar"></rect>'
        '<text x="{}" y="{}" class="chart__value">{}</text>',
        rows,
    )
    description = _("Unit value of each of the nine service elements, on a scale from 1 to 4.")
    return format_html(
        '<svg class="chart" id="{id}" viewBox="0 0 {width} {height}" width="100%" role="img" '
        'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        '<line x1="{left}" y1="0" x2="{left}" y2="{height}" class="chart__axis"></line>{bars}</svg>',
        id=chart_id,
        width=WIDTH,
        height=height,
        title=_("Survey result by element"),
        description=description,
        left=LABEL_WIDTH,
        bars=bars,
    )
