"""Places: postcode look-up, the gazetteer import, and great-circle distance."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import InvalidInput
from models.geo import Postcode

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def normalise_postcode(postcode: str) -> str:
    return " ".join(postcode.split()).upper()


@dataclass(frozen=True)
class Place:
    country: str
    postcode: str
    name: str
    latitude: float
    longitude: float


def resolve_postcode(session: Session, country: str, postcode: str, field: str) -> Place:
    """Coordinates of a postcode's centroid; an unknown postcode is a 422 naming ``field``."""
    code = normalise_postcode(postcode)
    row = session.scalar(
        select(Postcode).where(Postcode.country == country.upper(), Postcode.postcode == code)
    )
    if row is None:
        raise InvalidInput(field, f"postcode '{postcode}' is not known in country {country}")
    return Place(row.country, row.postcode, row.place, row.latitude, row.longitude)


@dataclass(frozen=True)
class GazetteerRow:
    country: str
    postcode: str
    place: str
    latitude: float
    longitude: float


def read_gazetteer(path: Path) -> Iterator[GazetteerRow]:
    """Rows of a GeoNames postal-code file (tab-separated, 12 columns) or of a CSV with a
    ``country,postcode,place,lat,lon`` header."""
    with path.open(encoding="utf-8", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        if "\t" in first:
            for line_no, cols in enumerate(csv.reader(handle, delimiter="\t"), start=1):
                if len(cols) < 11:
                    raise ValueError(
                        f"{path}:{line_no}: expected GeoNames columns, got {len(cols)}"
                    )
                yield GazetteerRow(cols[0], cols[1], cols[2], float(cols[9]), float(cols[10]))
            return
        reader = csv.DictReader(handle)
        expected = {"country", "postcode", "place", "lat", "lon"}
        if not reader.fieldnames or not expected <= set(reader.fieldnames):
            raise ValueError(f"{path}: expected a header with {', '.join(sorted(expected))}")
        for line_no, row in enumerate(reader, start=2):
            try:
                yield GazetteerRow(
                    row["country"].strip(),
                    row["postcode"],
                    row["place"],
                    float(row["lat"]),
                    float(row["lon"]),
                )
            except (TypeError, ValueError, AttributeError) as exc:
                raise ValueError(f"{path}:{line_no}: missing or invalid value ({exc})") from exc


def _centroids(rows: Iterator[GazetteerRow]) -> dict[tuple[str, str], GazetteerRow]:
    """One point per postcode: GeoNames lists a postcode once per place it serves, so the
    places' coordinates are averaged and the first place's name is kept."""
    groups: dict[tuple[str, str], list[GazetteerRow]] = {}
    for row in rows:
        if not (-90 <= row.latitude <= 90 and -180 <= row.longitude <= 180):
            raise ValueError(f"{row.country} {row.postcode}: coordinates out of range")
        key = (row.country.strip().upper(), normalise_postcode(row.postcode))
        groups.setdefault(key, []).append(row)
    return {
        key: GazetteerRow(
            key[0],
            key[1],
            group[0].place.strip(),
            round(sum(r.latitude for r in group) / len(group), 6),
            round(sum(r.longitude for r in group) / len(group), 6),
        )
        for key, group in groups.items()
    }


def import_gazetteer(
    session: Session, rows: Iterator[GazetteerRow], progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Insert new postcodes and update changed ones; returns (added, updated)."""
    known = {(p.country, p.postcode): p for p in session.scalars(select(Postcode))}
    added = updated = 0
    for key, row in _centroids(rows).items():
        existing = known.get(key)
        if existing is None:
            session.add(
                Postcode(
                    country=row.country,
                    postcode=row.postcode,
                    place=row.place,
                    latitude=row.latitude,
                    longitude=row.longitude,
                )
            )
            added += 1
        elif (existing.place, existing.latitude, existing.longitude) != (
            row.place,
            row.latitude,
            row.longitude,
        ):
            existing.place = row.place
            existing.latitude = row.latitude
            existing.longitude = row.longitude
            updated += 1
        if progress is not None:
            progress(1)
    return added, updated


def haversine_km_to_many(
    lat: float, lon: float, lats: npt.NDArray[np.floating[Any]], lons: npt.NDArray[np.floating[Any]]
) -> npt.NDArray[np.float64]:
    """Distances from one point to many at once (NaN where a place is unknown)."""
    phi1 = math.radians(lat)
    phi2 = np.radians(lats.astype(np.float64))
    dlmb = np.radians(lons.astype(np.float64) - lon)
    a = np.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    distances: npt.NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
    return distances
