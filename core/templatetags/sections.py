"""What other apps show on a page: ``{% page_sections "notices" page %}``.

An app fills a slot with a Wagtail hook ``page_section_<slot>``: a function
``(context, page)`` returning HTML (or ``""``), registered in its ``wagtail_hooks.py``.
The page's template names the slot and never loads the library of the app that
fills it, so the directory's pages show the news without the directory knowing it.
A slot may be filled for any object, not only a page: ``{% page_sections "contact_card" contact %}``.
"""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, slot, page):
    """The HTML every ``page_section_<slot>`` hook gives for ``page``, in registration order."""
    parts = [section(context, page) for section in hooks.get_hooks(f"page_section_{slot}")]
    return format_html_join("", "{}", ((part,) for part in parts if part))
