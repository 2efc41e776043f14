"""Local development: debug on, a throwaway secret, e-mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Templates and content change under the developer's eyes: no page cache.
PAGE_CACHE_TIMEOUT = 0
# Unknown URLs show the site's own 404 page, as in production (melayani/middleware.py).
MIDDLEWARE = [*MIDDLEWARE, "melayani.middleware.SiteNotFoundPageMiddleware"]  # noqa: F405
