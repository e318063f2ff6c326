from django.urls import path

from offices import views

app_name = "offices"

urlpatterns = [
    path("ka/", views.ka_lookup, name="ka_lookup"),
    path("ka/<str:ka_number>/", views.ka_detail, name="ka_detail"),
    path("jamfor/", views.compare, name="compare"),
]
