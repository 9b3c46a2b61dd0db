"""Settings shared by every environment; safe for production as they stand.

Secrets and servers come from the environment. ``dev.py`` opts in to conveniences,
``production.py`` refuses to start without what it needs, ``test.py`` is fast.
"""

import datetime
import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "clients",
    "support",
    "search",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
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
    "anymail",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "extranet.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "extranet.middleware.IdleSessionMiddleware",
    "extranet.middleware.PrivateResponsesMiddleware",
    "extranet.middleware.SiteLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "clients.middleware.ClientAccessMiddleware",
    "clients.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "extranet.urls"
WSGI_APPLICATION = "extranet.wsgi.application"

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
                "clients.context_processors.current_client",
                "home.context_processors.brand",
            ],
        },
    },
]

# An SQLite file is the embedded default, so a first run needs no server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is optional: several app servers share it; one server does well without.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "extranet",
        }
    }
    # Sessions are read from the shared cache and written through to the database.
    # Never with a per-process cache: another process would keep a session that was
    # ended elsewhere.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Axes refuses locked-out logins first; the model backend then checks passwords.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LOGIN_URL = "clients:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "clients:login"
WAGTAIL_FRONTEND_LOGIN_URL = "/ingresar/"

LANGUAGE_CODE = "es-ar"
LANGUAGES = [("es-ar", _("Spanish (Argentina)")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Argentina/Buenos_Aires"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail goes through Anymail in production; EMAIL_BACKEND picks the provider, for
# example "anymail.backends.postmark.EmailBackend" with ANYMAIL_POSTMARK_SERVER_TOKEN.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Extranet Nextvision <extranet@nextvision.com>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in os.environ.items()
    if key.startswith("ANYMAIL_")
}

# Sessions end after this much inactivity; extranet.middleware.IdleSessionMiddleware
# pushes the expiry forward at most every SESSION_REFRESH_SECONDS, not on every request.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_HOURS", "8")) * 60 * 60
SESSION_REFRESH_SECONDS = 300
# Wagtail enqueues its own tasks on "default" and expects them to run at once. Ticket
# e-mails use "support": a row written in the ticket's own transaction and sent by
# `manage.py db_worker --backend support` (see the README, "Support tickets").
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "support": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
#: Attempts at each ticket e-mail before the ticket is marked failed.
SUPPORT_DELIVERY_MAX_ATTEMPTS = int(
    os.environ.get("SUPPORT_DELIVERY_MAX_ATTEMPTS", "6")
)
#: Seconds before the first retry; each further retry waits twice as long.
SUPPORT_RETRY_BASE_DELAY = int(os.environ.get("SUPPORT_RETRY_BASE_DELAY", "30"))
#: Seconds past its due time after which a delivery counts as stalled (lost worker).
SUPPORT_DELIVERY_STALLED_AFTER = int(
    os.environ.get("SUPPORT_DELIVERY_STALLED_AFTER", "600")
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The client site runs no inline script or style, so the policy can be strict. The
# Wagtail admin needs inline code and keeps its own defaults; documents carry
# Wagtail's "default-src 'none'".
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/documents/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

WAGTAIL_SITE_NAME = "Extranet Nextvision"
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español"), ("en", "English")]
# Spanish stemming on PostgreSQL; SQLite's search has no stemming at all.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "spanish",
    }
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Client accounts: invitation links expire after this many days; reset links after
# PASSWORD_RESET_TIMEOUT seconds.
EXTRANET_INVITATION_DAYS = int(os.environ.get("EXTRANET_INVITATION_DAYS", "7"))
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Lockout (django-axes), on both login doors: 5 failures for one account or from one
# address, each less than 15 minutes after the one before, refuse logins for 15
# minutes after the last failure. A success does not reset the count, so a valid
# account cannot clear the count of the address it logs in from.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one, not the pair
AXES_USERNAME_CALLABLE = "clients.lockout.username_of_attempt"
AXES_LOCKOUT_CALLABLE = "clients.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "clients.lockout.client_ip"
#: Proxies in front of the app that append to X-Forwarded-For; 0 reads REMOTE_ADDR.
EXTRANET_TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "clients": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "support": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "home": {"level": os.environ.get("LOG_LEVEL", "INFO")},
    },
}
