"""Places come from the reference data that the test session loads: look them up by code."""

from places.models import DeliveryArea, Municipality


def municipality(code):
    return Municipality.objects.get(code=code)


def delivery_area(code):
    return DeliveryArea.objects.get(code=code)
