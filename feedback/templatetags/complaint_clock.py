"""``{% complaint_promise as promise %}``: the promised answer time ("within 4 working hours") for a sentence."""

from django import template

from feedback import clock

register = template.Library()


@register.simple_tag
def complaint_promise():
    return clock.promise()
