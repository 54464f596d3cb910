"""Settings for Recognise & Refer, read from the environment; see README for each variable."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value.strip() else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number") from exc


DEBUG = env_bool("DEBUG")
# Set by `make test`: the suite runs production settings, minus HTTPS redirects.
TESTING = env_bool("TESTING")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or TESTING):
    # Development and tests only. Without DEBUG the key stays empty: commands that do not
    # need it (makemigrations) still run, while `check --deploy` fails and the WSGI app
    # refuses to boot (screening/content/checks.py, project/wsgi.py).
    SECRET_KEY = "insecure-development-key-never-used-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "csp",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "screening",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get these headers too.
    "screening.web.headers.SecurityHeadersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "screening.accounts.sessions.SessionLifetimeMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Right after it: the CSRF cookie is sent only when it changes (screening/web/csrf.py).
    "screening.web.csrf.CsrfCookieOnlyWhenChangedMiddleware",
    # Django's, taking the user read with the session (screening/session_backends).
    "screening.accounts.auth_backend.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "screening.accounts.two_factor.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the policy built once (screening/web/headers.py).
    "screening.web.headers.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # axes last, as its documentation asks, so it sees the final authentication outcome.
    "axes.middleware.AxesMiddleware",
]

# HTML compressed with Django's BREACH mitigation (random bytes in each gzip header); static
# files are precompressed by WhiteNoise. GZIP_HTML=0 leaves it to a proxy (README, Compression).
GZIP_HTML = env_bool("GZIP_HTML", True)
if GZIP_HTML:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "django.middleware.gzip.GZipMiddleware",
    )

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "screening.web.context_processors.screening",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with the health check asked of the socket before a round trip
    # (project/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "project.postgresql"
    if not env_bool("DATABASE_PREPARED_STATEMENTS", True):
        # For a pooler that cannot keep prepared statements (PgBouncer before 1.21 in
        # transaction mode): Django's own default, nothing prepared.
        DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the signed-in user with one plain query.
    "screening.accounts.auth_backend.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "screening:start"
LOGOUT_REDIRECT_URL = "screening:start"

# How many reverse proxies (nginx, a load balancer) stand in front of the app; each appends
# to X-Forwarded-For. 0: clients connect directly. "true"/"yes" count as 1.
_behind_proxy = os.environ.get("BEHIND_PROXY", "").strip().lower()
BEHIND_PROXY = 1 if _behind_proxy in {"true", "yes", "on"} else env_int("BEHIND_PROXY", 0)

# Login throttling (django-axes, screening/accounts/throttling.py): a username+address pair is
# locked after AXES_FAILURE_LIMIT failures; an address on its own after
# SCREENING_ADDRESS_FAILURE_LIMIT failures on any usernames (password spraying).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
SCREENING_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "screening.accounts.throttling.Handler"
AXES_CLIENT_IP_CALLABLE = "screening.accounts.throttling.request_client_address"
AXES_RESET_ON_SUCCESS = True
# Tries during a lock do not extend it: a lock always ends after the cool-off.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Caches. Rendered pages and content ("pages") are kept in each process's memory, always:
# their keys carry the content version read from the database on each request, so they are
# never stale, and reading a page from Redis cost more than the rest of the request
# (README, Benchmarks). Up to 1 000 entries: whole pages per content version, language,
# viewer and region, and results for 10 minutes (at most about 100 MB per worker process).
PAGES_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "recognise-and-refer-pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
# The default cache holds what several app servers must agree on: a user's Dashboard link,
# forgotten on every server at once when their roles change. CACHE_URL (or REDIS_URL), e.g.
# redis://127.0.0.1:6379/1, shares one Redis among app servers; without it, a per-process
# memory cache (a role change then shows on other processes within a minute).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or ""
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "rr",
        },
        "pages": PAGES_CACHE,
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "recognise-and-refer",
        },
        "pages": PAGES_CACHE,
    }

# Shared phones: sessions end after SESSION_IDLE_MINUTES without a request, and
# SESSION_ABSOLUTE_HOURS after sign-in whatever happens (screening/accounts/sessions.py).
# Sessions stay in the database, also with CACHE_URL: one query reads the session, its user
# and the content version (screening/session_backends), and every request must ask the
# database for the user and the version anyway. A session kept in Redis as well (cached_db)
# added a Redis round trip to every request and took no query away (tests/test_redis_cache.py).
SESSION_ENGINE = "screening.accounts.session_backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_HOURS = env_int("SESSION_ABSOLUTE_HOURS", 12)
# An unchanged session is saved (its expiry renewed) at most once in this many seconds.
SESSION_TOUCH_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "screening.web.errors.csrf_failure"

SECURE = not DEBUG and not TESTING and not env_bool("INSECURE_HTTP")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if SECURE:
    # __Host- cookies are refused by browsers unless Secure, host-only and for path /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-language"
SECURE_SSL_REDIRECT = SECURE and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE and env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
# "no-referrer" would make browsers send "Origin: null" on our own form posts (CSRF fails);
# same-origin still sends nothing to any other site.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# No page uses a camera, microphone, location, payments or sensors; passkeys are allowed
# on this origin only.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
} | {"publickey-credentials-create": ["self"], "publickey-credentials-get": ["self"]}

# The pages load only their own stylesheet and script; nothing inline, nothing third-party.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The service worker (/sw.js) and the web app manifest are the site's own.
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# Oversized bodies are refused with a 400 before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("bn", _("Bengali")),
    ("hi", _("Hindi")),
    ("ne", _("Nepali")),
    ("th", _("Thai")),
    ("ur", _("Urdu")),
    ("km", _("Khmer")),
    ("lo", _("Lao")),
    ("my", _("Burmese")),
    ("vi", _("Vietnamese")),
]
# Django knows no Lao, names Khmer in English and spells Vietnamese's own name decomposed
# (not NFC): each language names itself in the menu, in composed characters.
LANG_INFO.update(
    {
        "km": {"bidi": False, "code": "km", "name": "Khmer", "name_local": "ខ្មែរ"},
        "lo": {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"},
        "vi": {"bidi": False, "code": "vi", "name": "Vietnamese", "name_local": "Tiếng Việt"},
    }
)
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The one module that registers translated fields (not an app-level translation.py).
MODELTRANSLATION_TRANSLATION_FILES = ("screening.content.translation",)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Usage records hold the day in the deployment's own time zone.
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Kathmandu")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Development and tests serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
# No other site needs these files (Cross-Origin-Resource-Policy: same-origin says so too).
WHITENOISE_ALLOW_ALL_ORIGINS = False

CRISPY_ALLOWED_TEMPLATE_PACKS = ("rr",)
CRISPY_TEMPLATE_PACK = "rr"
CRISPY_FAIL_SILENTLY = not DEBUG

# Recognise & Refer settings.
SCREENING_ALLOW_ANONYMOUS = env_bool("SCREENING_ALLOW_ANONYMOUS")
SCREENING_MIN_CELL = max(3, env_int("SCREENING_MIN_CELL", 5))
# The region (its code) whose emergency numbers a worker sees before choosing their own.
SCREENING_DEFAULT_REGION = os.environ.get("SCREENING_DEFAULT_REGION", "").strip()
# Seconds a page waits for a slow network before the service worker shows the saved copy.
SCREENING_OFFLINE_WAIT_SECONDS = max(1, env_int("SCREENING_OFFLINE_WAIT_SECONDS", 8))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request_data": {"()": "screening.web.logging.StripRequestData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_request_data"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Keep only what throttling needs: no log of successful sign-ins with their IP and browser
# (AXES_DISABLE_ACCESS_LOG is the name django-axes 8 reads), no permanent failure log.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Second factor (screening/accounts/two_factor.py): always on for editors, supervisors and
# superusers; for frontline workers optional unless this is on.
SCREENING_REQUIRE_2FA_FOR_WORKERS = env_bool("SCREENING_REQUIRE_2FA_FOR_WORKERS")
# Keys, QR codes and recovery codes are never shown in the admin (screening/accounts/admin.py).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
OTP_TOTP_ISSUER = "Recognise & Refer"
OTP_WEBAUTHN_RP_NAME = "Recognise & Refer"
# Passkeys work only on the origins listed here (https, or http on localhost). In DEBUG,
# the address `make run` serves: http://localhost:PORT.
OTP_WEBAUTHN_ALLOWED_ORIGINS = (
    env_list("WEBAUTHN_ORIGINS")
    or CSRF_TRUSTED_ORIGINS
    or ([f"http://localhost:{os.environ.get('PORT', '8000')}"] if DEBUG else [])
    or [f"https://{host}" for host in ALLOWED_HOSTS if host[:1].isalnum()]
    or [f"http://localhost:{os.environ.get('PORT', '8000')}"]
)
OTP_WEBAUTHN_RP_ID = (
    os.environ.get("WEBAUTHN_RP_ID") or urlsplit(OTP_WEBAUTHN_ALLOWED_ORIGINS[0]).hostname
)
# A passkey is the second step after the password, never a way to skip it.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
