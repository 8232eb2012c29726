"""Settings shared by every environment. Every value comes from `config()` with a safe default."""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
import dj_database_url

from .env import config

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/motcua
# The repository root when installed in editable mode; the default home of the embedded data.
PROJECT_DIR = PACKAGE_DIR.parent.parent

# Inside the installed package's tree: right for a checkout, wrong for an installed wheel, where it
# is the virtualenv (<venv>/lib/python3.x/var); production must name DATA_DIR (core/checks.py).
DEFAULT_DATA_DIR = PROJECT_DIR / "var"
DATA_DIR = Path(
    config(
        "DATA_DIR",
        str(DEFAULT_DATA_DIR),
        help_text="Folder of the embedded data: the SQLite database and uploaded files "
        "when no other database or storage is configured.",
        shown_default="<repository>/var",
    )
)

# What kind of deployment this is: `conf/production.py` sets "production", and the system checks
# then refuse the simulators (sandbox bank, local SMS), SQLite, a loopback SITE_URL…
# (core/checks.py).
DEPLOYMENT_KIND = "development"
TRAINING_DEPLOYMENT = config(
    "TRAINING_DEPLOYMENT",
    False,
    help_text="Production settings only: this deployment is for training, with no legal value. "
    "The sandbox payment gateway and the local SMS channel are then allowed, `motcua load_demo` "
    "may run, and every page shows a training banner.",
    group="Security",
)

SECRET_KEY = config(
    "SECRET_KEY",
    "insecure-development-key-change-me",
    help_text="Django's secret key. Required in production: a long random string kept secret.",
    group="Security",
)
DEBUG = config("DEBUG", False, help_text="Show detailed error pages. Never in production.")
ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS",
    ["localhost", "127.0.0.1", "[::1]"],
    help_text="Comma-separated host names this server answers to.",
    group="Security",
)
CSRF_TRUSTED_ORIGINS = config(
    "CSRF_TRUSTED_ORIGINS",
    [],
    help_text="Comma-separated origins (https://host) trusted for form posts behind a proxy.",
    group="Security",
)
# Read here so that every variable is documented; used by the production settings only.
HTTPS_REDIRECT = config(
    "SECURE_SSL_REDIRECT",
    True,
    help_text="Production: redirect plain HTTP to HTTPS (turn off only when the proxy does it).",
    group="Security",
)
HSTS_SECONDS = config(
    "SECURE_HSTS_SECONDS",
    31536000,
    help_text="Production: HSTS max-age in seconds.",
    group="Security",
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    # Ninja as an app: /api/v1/docs then loads Swagger UI from our static files, not a CDN.
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "simple_history",
    "motcua.core",
    "motcua.org",
    "motcua.worktime",
    "motcua.catalog",
    "motcua.notifications",
    "motcua.dossiers",
    "motcua.paperwork",
    "motcua.plans",
    "motcua.indices",
    "motcua.portal",
    "motcua.submissions",
    "motcua.payments",
    "motcua.feedback",
    "motcua.desk",
    "motcua.reports",
    "motcua.api",
    "motcua.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the database: NUL characters in the input answer 400, not 500.
    "motcua.core.middleware_input.UnstorableInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "motcua.org.middleware.TwoFactorMiddleware",
    "motcua.org.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "motcua.core.context_processors.deployment",
                "motcua.org.context_processors.staff",
                "motcua.notifications.context_processors.unread",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config(
            "DATABASE_URL",
            f"sqlite:///{DATA_DIR / 'motcua.sqlite3'}",
            help_text="Database URL. Embedded default: SQLite in DATA_DIR. Production: "
            "postgres://user:password@host:5432/name.",
            group="Database",
            shown_default="sqlite:///<DATA_DIR>/motcua.sqlite3",
        ),
        conn_max_age=config(
            "DB_CONN_MAX_AGE",
            60,
            help_text="Seconds a database connection is kept open between requests.",
            group="Database",
        ),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for the writer instead of failing at once; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "org:login"
LOGIN_REDIRECT_URL = "org:home"
LOGOUT_REDIRECT_URL = "org:login"

# --- sign-in and sessions ---
# django-axes watches every sign-in first; the model backend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = config(
    "AXES_FAILURE_LIMIT",
    5,
    help_text="Wrong passwords in a row, for one user name from one client address, after which "
    "that user name is locked out from that address.",
    group="Sign-in and sessions",
)
AXES_COOLOFF_MINUTES = config(
    "AXES_COOLOFF_MINUTES",
    30,
    help_text="Minutes a locked-out sign-in stays locked (each new try during the lockout starts "
    "them again); the administrator may unlock earlier.",
    group="Sign-in and sessions",
)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "motcua.org.axes_hooks.client_ip"
AXES_LOCKOUT_CALLABLE = "motcua.org.views.locked_out"
# The scoped sign-in record pages are registered by motcua.org.admin_signins instead.
AXES_ENABLE_ADMIN = False
MOTCUA_TWO_FACTOR_REQUIRED_ROLES = config(
    "TWO_FACTOR_REQUIRED_ROLES",
    [],
    help_text="Comma-separated roles (e.g. administrator,director,office) whose holders must "
    "sign in with a one-time code (TOTP) as well as their password; `administrator` also "
    "covers the deployment's operator. Anyone who has set up a code app is always asked.",
    group="Sign-in and sessions",
    shown_default="(empty); production: administrator, director, office",
)
OTP_TOTP_ISSUER = "Motcua"
SESSION_IDLE_MINUTES = config(
    "SESSION_IDLE_MINUTES",
    30,
    help_text="Minutes without a request after which a session ends and the user signs in "
    "again (every request starts the count again).",
    group="Sign-in and sessions",
)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
CSP_FORM_ACTION_EXTRA = config(
    "CSP_FORM_ACTION_EXTRA",
    [],
    help_text="Comma-separated origins (https://pay.example.vn) a form may be sent to besides "
    "this site, e.g. a real payment gateway's pages.",
    group="Security",
)
# Scripts only from this server or carrying the page's nonce; `style=` attributes are common in
# the templates and in Swagger UI, so inline styles (never scripts) are allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF, *CSP_FORM_ACTION_EXTRA],
    }
}

# Vietnamese first, English second; the time zone of Vietnam, stored as UTC.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S"]

STATIC_URL = "static/"
STATIC_ROOT = Path(
    config(
        "STATIC_ROOT",
        str(DATA_DIR / "static"),
        help_text="Folder `motcua collectstatic` fills for the web server or WhiteNoise.",
        group="Files",
        shown_default="<DATA_DIR>/static",
    )
)
# Uploaded files have no public address: they leave only through views that check the reader
# (core/downloads.py). MEDIA_URL is never routed; never point a web server at MEDIA_ROOT.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(
    config(
        "MEDIA_ROOT",
        str(DATA_DIR / "media"),
        help_text="Folder of uploaded files when the local file storage is used.",
        group="Files",
        shown_default="<DATA_DIR>/media",
    )
)

# Files: the local folder by default, any S3-compatible store when a bucket is named.
AWS_STORAGE_BUCKET_NAME = config(
    "S3_BUCKET",
    "",
    help_text="Bucket of an S3-compatible store for uploaded files. Empty: local files in "
    "MEDIA_ROOT.",
    group="Files",
)
AWS_S3_ENDPOINT_URL = (
    config(
        "S3_ENDPOINT_URL",
        "",
        help_text="Endpoint of the S3-compatible store (MinIO, Ceph, a cloud provider).",
        group="Files",
    )
    or None
)
AWS_S3_REGION_NAME = (
    config(
        "S3_REGION", "", help_text="Region of the bucket, if the store needs one.", group="Files"
    )
    or None
)
AWS_ACCESS_KEY_ID = (
    config(
        "S3_ACCESS_KEY_ID", "", help_text="Access key of the S3-compatible store.", group="Files"
    )
    or None
)
AWS_SECRET_ACCESS_KEY = (
    config(
        "S3_SECRET_ACCESS_KEY",
        "",
        help_text="Secret key of the S3-compatible store.",
        group="Files",
    )
    or None
)
AWS_DEFAULT_ACL = None
AWS_S3_FILE_OVERWRITE = False
AWS_QUERYSTRING_AUTH = True

STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage"
        if AWS_STORAGE_BUCKET_NAME
        else "django.core.files.storage.FileSystemStorage",
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Background work: Celery on Redis in production; inline in the embedded setup.
REDIS_URL = config(
    "REDIS_URL",
    "",
    help_text="Redis URL (redis://host:6379/0) for the Celery broker and the cache. Empty: "
    "background jobs run inline and the cache is in process memory.",
    group="Background work",
)
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

EMAIL_BACKEND = config(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend",
    help_text="Django mail backend. Default: each message written as a file in "
    "DATA_DIR/mail. Production: django.core.mail.backends.smtp.EmailBackend.",
    group="E-mail",
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = config("EMAIL_HOST", "localhost", help_text="SMTP server.", group="E-mail")
EMAIL_PORT = config("EMAIL_PORT", 587, help_text="SMTP port.", group="E-mail")
EMAIL_HOST_USER = config("EMAIL_HOST_USER", "", help_text="SMTP user.", group="E-mail")
EMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", "", help_text="SMTP password.", group="E-mail")
EMAIL_USE_TLS = config("EMAIL_USE_TLS", True, help_text="Use STARTTLS for SMTP.", group="E-mail")
DEFAULT_FROM_EMAIL = config(
    "DEFAULT_FROM_EMAIL",
    "motcua@localhost",
    help_text="Sender address of the messages Motcua sends.",
    group="E-mail",
)

# Notifications (motcua.notifications): which channel plugin serves each channel, and retries.
NOTIFICATIONS_PLUGINS = {
    "email": config(
        "NOTIFICATIONS_EMAIL_PLUGIN",
        "email",
        help_text="Channel plugin that sends e-mail. `email`: Django's mail backend "
        "(EMAIL_BACKEND).",
        group="Notifications",
    ),
    "sms": config(
        "NOTIFICATIONS_SMS_PLUGIN",
        "sms_local",
        help_text="Channel plugin that sends SMS. `sms_local`: each SMS is kept in a table the "
        "administrator reads in the admin; nothing leaves the server.",
        group="Notifications",
    ),
    "in_app": "in_app",
}
# Options of a plugin by its id, set in code, e.g. {"email": {"from_email": "..."}}.
NOTIFICATIONS_CHANNEL_OPTIONS: dict[str, dict] = {}
NOTIFICATIONS_MAX_ATTEMPTS = config(
    "NOTIFICATIONS_MAX_ATTEMPTS",
    5,
    help_text="Failed attempts after which a message is marked failed. The periodic sweep "
    "still retries it, every NOTIFICATIONS_RETRY_DELAY_MAX seconds.",
    group="Notifications",
)
NOTIFICATIONS_RETRY_DELAY = config(
    "NOTIFICATIONS_RETRY_DELAY",
    60,
    help_text="Seconds before retrying a failed send; the wait doubles after each failure.",
    group="Notifications",
)
NOTIFICATIONS_RETRY_DELAY_MAX = config(
    "NOTIFICATIONS_RETRY_DELAY_MAX",
    3600,
    help_text="Longest wait between two attempts to send a message, in seconds.",
    group="Notifications",
)
NOTIFICATIONS_SWEEP_INTERVAL = config(
    "NOTIFICATIONS_SWEEP_INTERVAL",
    300,
    help_text="Seconds between two runs of the Celery beat task that sends due and failed "
    "messages. Without Celery (the embedded setup), run `motcua send_pending_messages` from "
    "cron instead.",
    group="Notifications",
)
CELERY_BEAT_SCHEDULE = {
    "notifications.send_pending_messages": {
        "task": "motcua.notifications.tasks.send_pending_messages",
        "schedule": NOTIFICATIONS_SWEEP_INTERVAL,
        # A sweep missed while the workers were down is not worth running late: the next one
        # does the same work.
        "options": {"expires": NOTIFICATIONS_SWEEP_INTERVAL},
    },
    # Late consultations: reminders and escalations each fire once, so hourly is enough.
    "dossiers.warn_officers_of_deadlines": {
        "task": "motcua.dossiers.tasks.warn_officers_of_deadlines",
        "schedule": 1800,
        "options": {"expires": 1800},
    },
    # Assignment reminders are keyed: running hourly in working hours sends each once.
    "plans.send_assignment_reminders": {
        "task": "motcua.plans.tasks.send_assignment_reminders",
        "schedule": crontab(minute=0, hour="7-17", day_of_week="mon-sat"),
    },
    "plans.send_report_reminders": {
        "task": "motcua.plans.tasks.send_report_reminders",
        "schedule": crontab(minute=5, hour="7-17", day_of_week="mon-sat"),
    },
    "dossiers.remind_late_consultations": {
        "task": "motcua.dossiers.tasks.remind_late_consultations",
        "schedule": 3600,
        "options": {"expires": 3600},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    # Celery logs every inline task at INFO; the outbox logs its own sends.
    "loggers": {"celery": {"level": "WARNING"}},
    "root": {
        "handlers": ["console"],
        "level": config(
            "LOG_LEVEL", "INFO", help_text="Level of the log written to standard error."
        ),
    },
}

NINJA_PAGINATION_PER_PAGE = 50
# limit and offset bounded, with Vietnamese descriptions: an unbounded offset answered a 500.
NINJA_PAGINATION_CLASS = "motcua.api.pagination.BoundedLimitOffsetPagination"

MOTCUA_ASSIGNMENT_REMINDER_DAYS = tuple(
    int(days)
    for days in config(
        "ASSIGNMENT_REMINDER_DAYS",
        ["5", "1"],
        help_text="Comma-separated working days before an assignment's deadline on which its "
        "holder is reminded (and once more on the first working day after it passes).",
        group="Plans and assignments",
    )
)
SITE_URL = config(
    "SITE_URL",
    "http://127.0.0.1:8000",
    help_text="Public address of the site, without a trailing slash: used in the links sent to "
    "applicants and in the receipt's QR code.",
)
MOTCUA_MAX_UPLOAD_MB = config(
    "MAX_UPLOAD_MB",
    20,
    help_text="Largest file, in MB, accepted as a dossier document or result.",
    group="Files",
)
MOTCUA_TRUSTED_PROXIES = config(
    "TRUSTED_PROXIES",
    [],
    help_text="Comma-separated addresses of the reverse proxies in front of Motcua: from them, "
    "the client's address for the public forms' rate limits is read from X-Forwarded-For.",
    group="Security",
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MOTCUA_CONSULTATION_REMINDER_DAYS = config(
    "CONSULTATION_REMINDER_DAYS",
    2,
    help_text="Working days between a late consultation's first reminder, its second, and "
    "the report to the Provincial People's Committee.",
    group="Dossiers",
)

MOTCUA_DEMO_PASSWORD = config(
    "DEMO_PASSWORD",
    "motcua-demo",
    help_text="Password of every demo login created by `motcua load_demo`.",
    group="Demo",
)

# Settings of the citizen-facing apps, one block each (kept apart so the blocks never collide).
# --- submissions ---
SUBMISSION_DRAFT_DAYS = config(
    "SUBMISSION_DRAFT_DAYS",
    30,
    help_text="Days an online submission's draft is kept after it was last saved; expired drafts "
    "and their files are deleted by a nightly job.",
    group="Online submission",
)
SUBMISSION_DRAFTS_PER_IP_HOUR = config(
    "SUBMISSION_DRAFTS_PER_IP_HOUR",
    20,
    help_text="New online-submission drafts one client address may start in an hour.",
    group="Online submission",
)
# Each run deletes what has expired since the last one: a missed night is caught up the next.
CELERY_BEAT_SCHEDULE["submissions.delete_expired_drafts"] = {
    "task": "motcua.submissions.tasks.delete_expired_drafts",
    "schedule": crontab(minute=20, hour=2),
}
# --- payments ---
import hmac as _hmac  # noqa: E402  (kept inside this block: the sandbox key's default)

PAYMENT_GATEWAY = config(
    "PAYMENT_GATEWAY",
    "sandbox",
    help_text="Code of the payment gateway plugin new online payments go through (`sandbox`: "
    "the local test gateway built in; see docs/payments.md to add a real one).",
    group="Payments",
)
ONLINE_PAYMENT_ENABLED = config(
    "ONLINE_PAYMENT_ENABLED",
    True,
    help_text="Offer online fee payment. `false`: the portal offers no payment and the payment "
    "pages answer 404; fees are paid at the counter.",
    group="Payments",
)
PAYMENT_SANDBOX_SECRET = config(
    "PAYMENT_SANDBOX_SECRET",
    _hmac.new(SECRET_KEY.encode(), b"motcua.payments.sandbox", "sha256").hexdigest(),
    help_text="HMAC-SHA256 key shared by Motcua and the sandbox gateway to sign payment "
    "requests and callbacks. By default derived from SECRET_KEY, so it changes with it.",
    group="Payments",
    shown_default='HMAC-SHA256(SECRET_KEY, "motcua.payments.sandbox")',
)
PAYMENT_CALLBACK_MAX_AGE_MINUTES = config(
    "PAYMENT_CALLBACK_MAX_AGE_MINUTES",
    15,
    help_text="A gateway callback signed longer ago than this is refused as a replay.",
    group="Payments",
)
PAYMENT_ABANDON_MINUTES = config(
    "PAYMENT_ABANDON_MINUTES",
    30,
    help_text="A payment still pending this many minutes after it started is marked abandoned.",
    group="Payments",
)
CELERY_BEAT_SCHEDULE["payments.mark_abandoned_payments"] = {
    "task": "motcua.payments.tasks.mark_abandoned_payments",
    "schedule": 300,
    "options": {"expires": 300},
}
# --- tracking ---
MOTCUA_TRACKING_FAILURES_PER_CODE = config(
    "TRACKING_FAILURES_PER_CODE",
    5,
    help_text="Wrong checks allowed for one dossier code in 15 minutes on the public tracking "
    "page; after that every check of that code, even a right one, is refused until the window "
    "passes.",
    group="Public tracking",
)
MOTCUA_TRACKING_FAILURES_PER_IP = config(
    "TRACKING_FAILURES_PER_IP",
    20,
    help_text="Wrong checks allowed from one client address in an hour on the public tracking "
    "page, whatever the codes tried.",
    group="Public tracking",
)
MOTCUA_TRACKING_SUPPLEMENTS_PER_IP = config(
    "TRACKING_SUPPLEMENTS_PER_IP",
    10,
    help_text="Online supplement uploads (successful or not) accepted from one client address "
    "in an hour.",
    group="Public tracking",
)
MOTCUA_TRACKING_ACCESS_MINUTES = config(
    "TRACKING_ACCESS_MINUTES",
    30,
    help_text="Minutes during which a browser that passed the tracking check may open the "
    "dossier and send its supplement without checking again.",
    group="Public tracking",
)
# --- feedback ---
MOTCUA_RATING_CHANGE_DAYS = config(
    "RATING_CHANGE_DAYS",
    7,
    help_text="Days after a dossier's first rating during which the applicant may change it; "
    "a later change is refused.",
    group="Satisfaction",
)
# --- desk ---
# --- indices ---
MOTCUA_INVESTMENT_FIELDS = config(
    "INVESTMENT_FIELDS",
    ["dau-tu", "Đầu tư tại Việt Nam"],
    help_text="Comma-separated procedure fields (codes or names, compared without marks or "
    "case) whose ratings make the investment-field satisfaction rate.",
    group="Indices",
)
MOTCUA_QUESTION_ANSWER_DAYS = config(
    "QUESTION_ANSWER_DAYS",
    5,
    help_text="Working days the assigned unit has to answer a question to the desk.",
    group="Questions and complaints",
)
# Decision 766/QĐ-TTg criterion 5.2: feedback (PAKN) is on time when handled within 15 working
# days.
MOTCUA_COMPLAINT_ANSWER_DAYS = config(
    "COMPLAINT_ANSWER_DAYS",
    15,
    help_text="Working days to answer feedback or a complaint (Decision 766 criterion 5.2: 15).",
    group="Questions and complaints",
)
MOTCUA_DESK_MAILBOX = config(
    "DESK_MAILBOX",
    "maildir",
    help_text="Where e-mailed questions are read from: `maildir` (a local folder a mail "
    "server delivers to), `imap`, or empty to read no mailbox.",
    group="Questions and complaints",
)
MOTCUA_DESK_MAILDIR = config(
    "DESK_MAILDIR",
    str(DATA_DIR / "desk-maildir"),
    help_text="Maildir folder of the questions mailbox (with DESK_MAILBOX=maildir).",
    group="Questions and complaints",
    shown_default="<DATA_DIR>/desk-maildir",
)
MOTCUA_DESK_MAIL_AGENCY = config(
    "DESK_MAIL_AGENCY",
    "",
    help_text="Electronic identifier of the agency the questions mailbox belongs to (e.g. "
    "000.00.17.H34). Empty: the only agency with units.",
    group="Questions and complaints",
)
MOTCUA_DESK_IMAP_HOST = config(
    "DESK_IMAP_HOST",
    "",
    help_text="IMAP server of the questions mailbox.",
    group="Questions and complaints",
)
MOTCUA_DESK_IMAP_PORT = config(
    "DESK_IMAP_PORT", 993, help_text="IMAP port.", group="Questions and complaints"
)
MOTCUA_DESK_IMAP_SSL = config(
    "DESK_IMAP_SSL",
    True,
    help_text="Connect to IMAP over TLS.",
    group="Questions and complaints",
)
MOTCUA_DESK_IMAP_USER = config(
    "DESK_IMAP_USER", "", help_text="IMAP user.", group="Questions and complaints"
)
MOTCUA_DESK_IMAP_PASSWORD = config(
    "DESK_IMAP_PASSWORD", "", help_text="IMAP password.", group="Questions and complaints"
)
MOTCUA_DESK_IMAP_FOLDER = config(
    "DESK_IMAP_FOLDER",
    "INBOX",
    help_text="IMAP folder read for new questions.",
    group="Questions and complaints",
)
# Reading the mailbox is idempotent (a message is taken once, by its Message-ID).
CELERY_BEAT_SCHEDULE["desk.fetch_questions"] = {
    "task": "motcua.desk.tasks.fetch_questions",
    "schedule": 300,
    "options": {"expires": 300},
}
