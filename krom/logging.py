import json
import logging

from django.db import DatabaseError


class JsonFormatter(logging.Formatter):
    """A log record as one JSON line: time, level, logger, message, and the exception.

    The request object Django attaches to records is left out on purpose: it carries
    addresses, cookies and form data, which are personal data we do not log.
    """

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        status_code = getattr(record, "status_code", None)
        if status_code:
            entry["status"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class DatabaseOutageFilter(logging.Filter):
    """An unreachable database is answered with a 503 page on every request until it is
    back; log each as one short line instead of the same traceback hundreds of times."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, DatabaseError):
            record.exc_info = None
            record.exc_text = None
            message = record.getMessage()
            record.msg = "%s (database unavailable: %s)"
            record.args = (message, type(error).__name__)
        return True


class DisallowedHostFilter(logging.Filter):
    """A request for a host name that is not ours: one warning line without a traceback
    (Django logs it as an error with the whole stack, which buries real errors)."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        return True
