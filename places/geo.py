"""Distances between places in Sweden, in kilometres.

An equirectangular approximation: within Sweden it stays within about 1 % of the
great-circle distance, and it needs only arithmetic and a square root, so the database
can compute it the same way on SQLite and PostgreSQL.
"""

import math

from django.db.models import FloatField, Value
from django.db.models.functions import Cast, Sqrt

KM_PER_DEGREE_LATITUDE = 111.2


def distance_km(latitude, longitude, other_latitude, other_longitude):
    km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
    north = (other_latitude - latitude) * KM_PER_DEGREE_LATITUDE
    east = (other_longitude - longitude) * km_per_degree_longitude
    return math.sqrt(north * north + east * east)


def distance_km_expression(latitude, longitude, other_latitude, other_longitude):
    """The same distance as distance_km(), from a fixed point to two query expressions."""
    km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
    north = (Cast(other_latitude, FloatField()) - Value(latitude)) * Value(KM_PER_DEGREE_LATITUDE)
    east = (Cast(other_longitude, FloatField()) - Value(longitude)) * Value(km_per_degree_longitude)
    return Sqrt(north * north + east * east, output_field=FloatField())


def bounding_box(latitude, longitude, km):
    """(south, north, west, east): the box that holds every point within `km` of the point
    by distance_km() (its distance is at least the north and east distances alone), so an
    index on the coordinates can find the candidates. A hair wider for rounding."""
    km_per_degree_longitude = KM_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))
    north = km / KM_PER_DEGREE_LATITUDE + 1e-9
    east = km / km_per_degree_longitude + 1e-9
    return latitude - north, latitude + north, longitude - east, longitude + east
