from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from offices.models import Office
from suppliers.models import Supplier


@require_GET
def home(request):
    context = {
        "supplier_count": Supplier.objects.active().count(),
        "office_count": Office.objects.active().count(),
    }
    return TemplateResponse(request, "home.html", context)
