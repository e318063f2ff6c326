from django.urls import path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:filename>", views.data_file, name="file"),
]
