"""The page a locked-out editor sees instead of the admin login (django-axes' AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.template.response import TemplateResponse


def locked_out(request, original_response=None, credentials=None):
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return TemplateResponse(request, "melayani/login_locked.html", context, status=429).render()
