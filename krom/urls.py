import os

from django.contrib import admin
from django.urls import path

from krom import views

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

urlpatterns = [
    path("", views.home, name="home"),
    path(ADMIN_PATH, admin.site.urls),
]
