from django.urls import path

from reviews import views

app_name = "reviews"

# Included under leverantorer/<slug:slug>/ in krom/urls.py.
urlpatterns = [
    path("omdome/", views.create, name="create"),
    path("omdome/tack/", views.thanks, name="thanks"),
    path("omdomen/", views.review_list, name="list"),
]
