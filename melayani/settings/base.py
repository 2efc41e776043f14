"""Settings shared by every environment; safe for production on their own.

Every value a deployment may change comes from the environment; docs/configuration.md
lists each variable with its default.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from core.csp import inline_style_hashes

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A refused form gives the citizen's text back instead of Django's bare 403.
CSRF_FAILURE_VIEW = "core.csrf.csrf_failure"

INSTALLED_APPS = [
    "melayani",
    "core",
    "directory",
    "announcements",
    "search",
    "feedback",
    "opendata",
    "mailer",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Ninja's own copy of Swagger UI for /api/docs: without the app, ninja loads it from a CDN.
    "ninja",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so that pages answered from it carry the policy too.
    "csp.middleware.CSPMiddleware",
    # Cached pages are answered here, before sessions, locale and Wagtail (core/cache/pages.py).
    "core.cache.pages.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "melayani.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Stopping a synced translation and converting to an alias stay with the communications team.
    "directory.translation.team_actions.TeamOnlyTranslationActionsMiddleware",
    # A database locked or down answers 503 with Retry-After, never a 500 (core/unavailable.py).
    "core.unavailable.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "melayani.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "melayani.wsgi.application"

# SQLite is the embedded default so that a newcomer needs no server;
# production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A persistent connection is checked before reuse: after a database restart the next
        # request reconnects instead of failing on a dead connection.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer commits; IMMEDIATE avoids "database is locked"
    # on lock upgrades between gunicorn workers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
# Seconds a query waits for a lock another connection holds, then fails: a citizen's form
# then answers 503 with Retry-After and shows the answers again, instead of holding the
# worker until gunicorn kills it (PostgreSQL waits for ever by default). 0: wait for ever.
DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "5"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DATABASE_LOCK_TIMEOUT:
    DATABASES["default"]["OPTIONS"]["timeout"] = DATABASE_LOCK_TIMEOUT
elif DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    _lock_timeout = f"-c lock_timeout={int(DATABASE_LOCK_TIMEOUT * 1000)}"
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} {_lock_timeout}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The admin login is throttled by django-axes: after AXES_FAILURE_LIMIT wrong passwords for one
# account from one client (core/client.py, behind TRUSTED_PROXIES) that pair is locked out for
# AXES_COOLOFF_MINUTES, even with the right password; other clients and accounts are not.
# The team unlocks with `manage.py axes_reset_username <name>` (docs/deploy.md).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "melayani.lockout.locked_out"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian is the default language of the site and of its content.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Banyuwangi Melayani"
# The home page of each language: core's navigation library finds it without importing the shell.
HOME_PAGE_MODEL = "melayani.HomePage"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Search: the database backend by default (SQLite FTS5 or PostgreSQL full text); OpenSearch 2
# when OPENSEARCH_URL is set (bin/opensearch runs a local node), else Elasticsearch 9 when
# ELASTICSEARCH_URL is. Both engines get the same analysis and synonyms (search/backends/analysis.py).
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "").strip()
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "").strip()
if OPENSEARCH_URL or ELASTICSEARCH_URL:
    _engine, _url, _index = (
        ("opensearch2", OPENSEARCH_URL, os.environ.get("OPENSEARCH_INDEX", "melayani"))
        if OPENSEARCH_URL
        else ("elasticsearch9", ELASTICSEARCH_URL, os.environ.get("ELASTICSEARCH_INDEX", "melayani"))
    )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{_engine}",
            "URLS": [_url],
            # modelsearch names each index <prefix><app>_<model>, e.g. melayani_wagtailcore_page.
            "INDEX_PREFIX": f"{_index}_",
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "indonesian",
        }
    }
# Days the citizens' search log is kept; `manage.py purge_search_log` (daily) deletes older entries.
# The demo's search vectors, shipped by text hash, so a fresh demo or test database embeds
# only what changed (made by `manage.py export_search_vectors`).
SEARCH_SHIPPED_VECTORS = [BASE_DIR / "directory" / "data" / "demo-vectors.npz"]
SEARCH_LOG_RETENTION_DAYS = int(os.environ.get("SEARCH_LOG_RETENTION_DAYS", "90"))

# The citizen's voice (feedback/): days a complaint, with the personal data in it, is kept;
# `manage.py purge_feedback` (daily) deletes older ones.
COMPLAINT_RETENTION_DAYS = int(os.environ.get("COMPLAINT_RETENTION_DAYS", "365"))
# Working hours (the office's opening hours, less public holidays) in which a complaint is answered:
# the promise every page prints and the clock the admin and the escalation follow (feedback/clock.py).
COMPLAINT_RESPONSE_HOURS = int(os.environ.get("COMPLAINT_RESPONSE_HOURS", "4"))
# Days the free text of a "this number does not answer" report is kept: the office's editors read
# it next to the report; `manage.py purge_feedback` then erases it (the report stays).
CONTACT_REPORT_NOTE_RETENTION_DAYS = int(os.environ.get("CONTACT_REPORT_NOTE_RETENTION_DAYS", "90"))
# Abuse protection of the citizens' forms (feedback/protection/; the numbers are explained in
# docs/citizens.md): seconds a form must be open before it is sent; posts per client address (hashed, never
# stored) per form and target per hour, and per target for all clients together per hour, so that
# a script is stopped but a district behind one carrier address is not; the complaint box's daily
# ceilings per client and office, and the minutes within which an identical complaint is folded.
FEEDBACK_MIN_FILL_SECONDS = int(os.environ.get("FEEDBACK_MIN_FILL_SECONDS", "3"))
FEEDBACK_CLIENT_LIMIT = int(os.environ.get("FEEDBACK_CLIENT_LIMIT", "20"))
FEEDBACK_TARGET_LIMIT = int(os.environ.get("FEEDBACK_TARGET_LIMIT", "300"))
COMPLAINT_CLIENT_DAILY_LIMIT = int(os.environ.get("COMPLAINT_CLIENT_DAILY_LIMIT", "10"))
COMPLAINT_OFFICE_DAILY_LIMIT = int(os.environ.get("COMPLAINT_OFFICE_DAILY_LIMIT", "200"))
COMPLAINT_DUPLICATE_MINUTES = int(os.environ.get("COMPLAINT_DUPLICATE_MINUTES", "10"))

# The client's address (core/client.py): X-Forwarded-For is believed only from these reverse
# proxies (addresses or networks, comma-separated). Empty: no proxy is trusted, REMOTE_ADDR counts.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Mail is queued in the database (django-mailer) and never sent inside a request: a slow or
# absent mail server delays mail and loses none. `manage.py send_mail` (every minute) hands the
# queue to MAILER_EMAIL_BACKEND, the real one (SMTP unless EMAIL_BACKEND names another);
# `retry_deferred` puts back what failed (docs/deploy.md).
EMAIL_BACKEND = "mailer.backend.DbBackend"
MAILER_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# Seconds the sender waits for the mail server at each step before it gives up and defers the message.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Banyuwangi Melayani <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# A failed message is deferred (any SMTP or network error, a timeout included); a run stops after
# a few deferrals, so a server that hangs holds the sender for seconds, not the whole queue's length.
MAILER_EMAIL_MAX_DEFERRED = 3
# Each message is locked in the database while it is sent (SELECT … FOR UPDATE NOWAIT), so overlapping
# runs and several hosts never send one twice: no lock file in the working directory.
MAILER_USE_FILE_LOCK = False
# The log keeps who and when, not the text: complaints carry personal data.
MAILER_EMAIL_LOG_MESSAGE_DATA = False
# Publishing the satisfaction index as Permenpan RB 14/2017 does (feedback/sampling.py, bursts.py).
# A service without a number of service users publishes its index from this many responses in the
# period: 30, the usual smallest sample for a stable mean (see docs/citizens.md).
IKM_DEFAULT_MINIMUM_RESPONSES = int(os.environ.get("IKM_DEFAULT_MINIMUM_RESPONSES", "30"))
# More than FEEDBACK_BURST_LIMIT responses to one service within FEEDBACK_BURST_MINUTES are a burst:
# held out of every published figure until an editor of the office accepts them.
FEEDBACK_BURST_LIMIT = int(os.environ.get("FEEDBACK_BURST_LIMIT", "10"))
FEEDBACK_BURST_MINUTES = int(os.environ.get("FEEDBACK_BURST_MINUTES", "10"))

# Wagtail 8 runs background work (search index updates, reference index)
# through django-tasks; inline by default so that nothing is left queued
# without a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Redis, when REDIS_URL is set, is the cache shared by every worker on every host: the page
# cache, so that a purge reaches all of them, and Wagtail's own entries (site root paths,
# renditions). Without it each host keeps its pages in a folder the site owns (never a
# shared temp folder: the entries are pickles) and its other entries in memory.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "melayani")
PAGE_CACHE_DIR = os.environ.get("PAGE_CACHE_DIR") or str(BASE_DIR / "var" / "page-cache")
LIMITS_CACHE_DIR = os.environ.get("LIMITS_CACHE_DIR") or str(BASE_DIR / "var" / "limits")
if REDIS_URL:
    # Short timeouts: a Redis that is gone must cost a visitor milliseconds, not seconds.
    _redis_options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "retry_on_timeout": False}
    CACHES = {
        "default": {
            "BACKEND": "core.cache.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": _redis_options,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-pages",
            "OPTIONS": _redis_options,
        },
        # The citizens' forms' counters (feedback/protection/limits.py), for every worker of every host.
        "limits": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-limits",
            "OPTIONS": _redis_options,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "melayani",
        },
        # On disk, so that all the host's workers share it and a publish empties it for each.
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": PAGE_CACHE_DIR,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # The forms' counters on disk too: in memory each worker would count alone, and forget on restart.
        "limits": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": LIMITS_CACHE_DIR,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
PAGE_CACHE_ALIAS = "pages"
# Search keeps what it may reuse between requests (the content version, query vectors) in the cache
# that every worker of every host shares: Redis. Without it there is none, since a process's own
# memory would hide one worker's publish from the others.
SEARCH_SHARED_CACHE = "default" if REDIS_URL else ""
# A gunicorn worker loads the language model and builds the search engine before it takes its
# first request (gunicorn.conf.py), so that no citizen waits for them.
SEARCH_WARM_UP = env_bool("SEARCH_WARM_UP", True)
# Seconds a page stays in the server's cache (0: no page cache); a publish empties it at once.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# Seconds browsers and proxies may keep a public page before revalidating it (ETag).
PAGE_CACHE_MAX_AGE = 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Security headers on by default; dev settings relax what needs TLS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): pages and /api/docs run and style only this site's own
# files. No nonces: a page from the page cache is served to every visitor, so a nonce in it would
# be shared. The error pages' own stylesheets (500, 503) are allowed by their hashes. The Wagtail admin runs inline
# scripts and styles of its own, so it is left out; X-Frame-Options and its login still guard it.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, *inline_style_hashes(BASE_DIR / "templates", "500.html", "503.html")],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
