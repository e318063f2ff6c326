from django.urls import path

from suppliers import views

app_name = "suppliers"

urlpatterns = [
    path("", views.search, name="search"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/kontor/<str:office_key>/valj/", views.choose, name="choose"),
    path("<slug:slug>/rapportera-fel/", views.report_error, name="report_error"),
    path("<slug:slug>/rapportera-fel/tack/", views.report_error_thanks, name="report_error_thanks"),
]
