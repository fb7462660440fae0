from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.db import unit_of_work
from models.errors import InvalidInput
from models.geo import Postcode
from places.geo import haversine_km, import_gazetteer, read_gazetteer, resolve_postcode

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_great_circle_distance_between_vienna_and_st_poelten() -> None:
    assert haversine_km(48.2085, 16.3721, 48.2047, 15.6256) == pytest.approx(55.3, abs=0.5)
    assert haversine_km(48.2, 16.3, 48.2, 16.3) == 0


def test_a_postcode_listed_for_several_places_is_stored_once_at_their_centroid(
    sessions: sessionmaker[Session],
) -> None:
    with unit_of_work(sessions) as session:
        added, updated = import_gazetteer(session, read_gazetteer(FIXTURES / "geonames_at.txt"))
    assert (added, updated) == (2, 0)
    with sessions() as session:
        rows = session.scalars(select(Postcode).where(Postcode.postcode == "2700")).all()
        assert len(rows) == 1
        assert (rows[0].latitude, rows[0].longitude) == pytest.approx((47.8101, 16.2515))
        assert rows[0].place == "Wiener Neustadt"


def test_postcodes_are_found_whatever_the_spacing_and_case(
    sessions: sessionmaker[Session],
) -> None:
    with sessions() as session:
        place = resolve_postcode(session, "at", " 1100 ", "postcode")
        assert (place.postcode, place.name) == ("1100", "Wien, Favoriten")
        with pytest.raises(InvalidInput) as refused:
            resolve_postcode(session, "AT", "1299", "home_postcode")
        assert refused.value.field == "home_postcode"


def test_a_row_with_a_missing_value_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "short.csv"
    bad.write_text("country,postcode,place,lat,lon\nAT,1010,Wien\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"short.csv:2"):
        list(read_gazetteer(bad))
