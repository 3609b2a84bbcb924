"""Settings for Diplomatic Meetings, driven by environment variables.

Local runs need nothing set: SQLite under var/, DEBUG on, a throwaway secret key.
Production (DJANGO_DEBUG=0) refuses to start without DJANGO_SECRET_KEY.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production)."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - never used with DEBUG off

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "meetings.apps.MeetingsConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from our own static files
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "meetings.site.notfound.DebugNotFoundMiddleware",  # our 404 page with DEBUG on too
    "django.middleware.http.ConditionalGetMiddleware",
    "meetings.cache.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "meetings.db_retry.RetryLostConnectionMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "meetings.urls"
WSGI_APPLICATION = "meetings.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]
# Same markup as Django's, with <select> options written in Python (meetings/forms_renderer.py).
FORM_RENDERER = "meetings.forms_renderer.FastSelectRenderer"

# The covering index on participations (INCLUDE meeting_id) is PostgreSQL's; SQLite, used
# for development and tests, builds it without the included column, which is fine there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Persistent connections: a new connection per request costs ~5x throughput (DESIGN.md).
CONN_MAX_AGE = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
POSTGRES_OPTIONS: dict = {}  # for the primary and the read replicas below
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a command writes; a short timeout instead of
    # "database is locked" errors.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DJANGO_PG_JIT_OFF", True
):
    # PostgreSQL's JIT compiler starts on plans estimated above jit_above_cost, which a
    # search for a common name reaches at 1M articles: it spent 17-29 ms compiling a query
    # that runs in 7. Our queries are short; none gains from JIT. (Behind PgBouncer, which
    # refuses unknown startup options, set DJANGO_PG_JIT_OFF=0 and run
    # ALTER DATABASE … SET jit = off instead.)
    POSTGRES_OPTIONS["options"] = "-c jit=off"
    DATABASES["default"].setdefault("OPTIONS", {}).update(POSTGRES_OPTIONS)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

LOGIN_URL = "admin:login"

# Login throttling (django-axes, docs/operations.md): after AXES_FAILURE_LIMIT wrong passwords
# for one username, or from one address, that username or address is refused (429) for
# AXES_COOLOFF_TIME, even with the right password. `manage.py axes_reset_username NAME` or
# `axes_reset_ip ADDRESS` unlocks at once.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "60")))
AXES_RESET_ON_SUCCESS = True  # a good login forgets that user's earlier slips
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Behind DJANGO_TRUSTED_PROXIES reverse proxies the client's address is the one the nearest
# of them put in X-Forwarded-For; REMOTE_ADDR would be the proxy's, shared by everyone.
TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "meetings.client_address.client_address"

# Shared cache: Redis when REDIS_URL is set, else per-process memory.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "meetings",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Extraction runs as a Celery task (meetings/tasks.py). With CELERY_BROKER_URL set
# (redis://host:6379/0 or amqp://user:pass@host:5672/vhost) it goes to the broker and
# `celery -A meetings.celery worker` processes run it; unset, the same task runs in-process
# as it is queued, so `make run` and the tests need no broker.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True  # states live on the article (Article.extraction_state)
CELERY_TASK_ACKS_LATE = True  # a task is acknowledged once done: a killed worker's comes back
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = int(os.environ.get("CELERY_WORKER_PREFETCH", "4"))
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "extraction")
# Redis hands an unacknowledged task to another worker after this many seconds (a worker
# machine that vanished); RabbitMQ does so as soon as the connection drops.
_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # kombu's Redis transport looks for such tasks every interval x throttle seconds (10 x 10
    # by default): every interval instead, and no less often than the timeout itself.
    "unacked_restore_interval": max(1, min(10, _VISIBILITY_TIMEOUT)),
    "unacked_restore_throttle": 1,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery's Django fixup closes a worker's database connection before and after every task
# unless told to reuse it: a new PostgreSQL backend per task, its catalog caches cold. The
# fixup is told never to close it; meetings/tasks.py closes it around each task as Django
# does around a request (older than CONN_MAX_AGE, or unusable after an error).
CELERY_DB_REUSE_MAX = 2**62

# Content Security Policy: everything from our own origin; no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- The JSON API (meetings/api/, README "JSON API") ---------------------------------------
# Read-only, anonymous; each client address may make DJANGO_API_ANON_RATE requests. The
# counts live in the default cache: per process with the memory cache, shared by every
# worker with Redis (REDIS_URL), which production should set for the limit to hold.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "URL_FORMAT_OVERRIDE": None,  # ?format= is no parameter of ours: ignored, as on the pages
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["meetings.api.throttling.AnonymousClientThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("DJANGO_API_ANON_RATE", "120/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic Meetings API",
    "DESCRIPTION": (
        "Read-only JSON: published meetings, statements and actors, each with the article "
        "and character span it comes from. Lists take the same filters as the site's pages "
        "and are paged by keyset: follow `next`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None},  # no call to swagger.io from the page
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "meetings.api.schema.empty_means_absent",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "meetings.models.Actor.Kind",
        "MeetingKindEnum": "meetings.models.Meeting.Kind",
        "StatementKindEnum": "meetings.models.Statement.Kind",
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- Read replicas (meetings/routers.py) -----------------------------------------------------
# DATABASE_REPLICA_URLS: comma-separated URLs of PostgreSQL read replicas. Public GET pages
# read from them; writes, the admin and management commands use "default". Under tests each
# replica is a TEST MIRROR of default, so routing is tested without a second server.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), 1):
    DATABASES[f"replica{_number}"] = {
        **dj_database_url.parse(_url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True),
        "OPTIONS": dict(POSTGRES_OPTIONS),  # JIT off, as on the primary
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_REPLICAS.append(f"replica{_number}")
if DATABASE_REPLICAS:
    DATABASE_ROUTERS = ["meetings.routers.ReplicaRouter"]
    MIDDLEWARE = [MIDDLEWARE[0], "meetings.routers.ReplicaMiddleware", *MIDDLEWARE[1:]]

# --- Articles fetched from URLs and feeds (meetings/importing/fetch.py) ----------------------
# Loopback and private-network addresses are refused unless allowed (an intranet deployment;
# the tests' local server). Link-local addresses (cloud metadata services) are always refused.
MEETINGS_FETCH_ALLOW_PRIVATE = env_bool("MEETINGS_FETCH_ALLOW_PRIVATE", False)
MEETINGS_FETCH_TIMEOUT = float(os.environ.get("MEETINGS_FETCH_TIMEOUT", "10"))  # seconds, a fetch
MEETINGS_FETCH_MAX_BYTES = int(os.environ.get("MEETINGS_FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
MEETINGS_FETCH_CA_BUNDLE = os.environ.get("MEETINGS_FETCH_CA_BUNDLE", "")  # default: certifi's
