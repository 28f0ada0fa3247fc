"""WSGI entry point (waitress, gunicorn, uWSGI: ``battrerygg.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "battrerygg.settings")
application = get_wsgi_application()
