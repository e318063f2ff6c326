from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from opendata.export import csv_stream, file_url, json_stream, register_version
from opendata.schema import HSDS_URL, LICENCE_NAME, LICENCE_URL, TABLES

# Caches may keep a file this long before asking again; asking again is cheap (ETag).
CACHE_SECONDS = 600


@require_safe
def index(request):
    """The page that explains the open data and lists its files with their columns."""
    site_url = _site_url(request)
    context = {
        "version": register_version(),
        "register_url": site_url + file_url("register.json"),
        "files": [(table, site_url + file_url(f"{name}.csv")) for name, table in TABLES.items()],
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "hsds_url": HSDS_URL,
    }
    return TemplateResponse(request, "opendata/index.html", context)


@require_safe
def data_file(request, filename):
    """register.json or <table>.csv, streamed, with ETag and Last-Modified: a client that
    sends them back (If-None-Match, If-Modified-Since) gets 304 while nothing has changed,
    found from a few aggregate queries without reading the register."""
    name, _dot, extension = filename.rpartition(".")
    if filename == "register.json":
        content_type = "application/json"
    elif extension == "csv" and name in TABLES:
        content_type = "text/csv; charset=utf-8; header=present"
    else:
        raise Http404
    version = register_version()
    if request.method == "HEAD":
        content = iter(())
    elif extension == "json":
        content = json_stream(version, _site_url(request))
    else:
        content = csv_stream(TABLES[name], _site_url(request))
    # The stream is a generator: nothing is read from the database until it is sent.
    response = StreamingHttpResponse(content, content_type=content_type)
    response["ETag"] = version.etag
    last_modified = None
    if version.last_modified is not None:
        last_modified = int(version.last_modified.timestamp())
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    response = get_conditional_response(
        request, etag=version.etag, last_modified=last_modified, response=response
    )
    # Open data: any web page may read the files, and poll them with the ETag.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"
    return response


def _site_url(request):
    return f"{request.scheme}://{request.get_host()}"
