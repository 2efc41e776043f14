"""The one SEO tag library: meta description, Open Graph and JSON-LD.

    {% load seo %}
    <meta name="description" content="{{ page|meta_description }}">
    {% block extra_head %}{% open_graph page %}{% structured_data page %}{% endblock %}

A page describes itself for ``{% structured_data %}`` with a ``schema_org(request, context)``
method returning a schema.org dictionary; pages without one print nothing.
"""

from django import template
from django.utils.html import format_html_join

from core import seo

register = template.Library()

register.filter("meta_description", seo.meta_description)


@register.filter
def json_ld(data):
    """``{{ data|json_ld }}``: a ``<script type="application/ld+json">`` element holding ``data``."""
    return seo.json_ld_script(data)


@register.simple_tag(takes_context=True)
def open_graph(context, page):
    """``{% open_graph page %}``: the Open Graph ``<meta>`` tags of a Wagtail page."""
    properties = seo.open_graph_properties(page, seo.meta_description(page), context.get("request"))
    return format_html_join("\n", '<meta property="{}" content="{}">', properties)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """``{% structured_data page %}``: the page's JSON-LD, from what its context already holds."""
    describe = getattr(page, "schema_org", None)
    if describe is None:
        return ""
    return seo.json_ld_script(describe(context.get("request"), context))
