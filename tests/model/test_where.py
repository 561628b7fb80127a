"""where: a place is its folded Vietnamese name and province, never its English label."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chilinh_cli.model.where import other_keys, place_key, place_parts


def test_a_place_is_its_name_and_the_province_its_locality_names() -> None:
    assert place_key("Thành phố Chí Linh, tỉnh Hải Dương") == "chi linh|hai duong"
    assert place_key("Thị xã Chí Linh, tỉnh Hải Dương") == "chi linh|hai duong"  # a town that became a city
    assert place_key("THÀNH PHỐ  CHÍ LINH ,  TỈNH HẢI DƯƠNG") == "chi linh|hai duong"


def test_the_metadata_province_wins_and_a_place_without_one_has_none() -> None:
    assert place_key("Thành phố Hòa Sơn", "tỉnh Bình Lâm") == "hoa son|binh lam"
    assert place_key("Thành phố Hòa Sơn") == "hoa son|"
    # text after the comma that names no province is not one
    assert place_parts("Hồ Sen (hư cấu), ven biển") == ("ho sen hu cau", "")


def test_other_names_take_the_places_province_unless_they_name_their_own() -> None:
    assert other_keys(("Thị xã Hòa Sơn",), "tỉnh Bình Lâm", "Thành phố Hòa Sơn") == ("hoa son|binh lam",)
    assert other_keys(("Huyện Hòa Sơn, tỉnh Cũ",), None, "Thành phố Hòa Sơn, tỉnh Bình Lâm") == ("hoa son|cu",)


@given(st.text(min_size=1, max_size=30))
def test_case_diacritics_and_spacing_never_make_another_place(name: str) -> None:
    key = place_key(name)
    assert place_key(name.upper()) == key or name.upper().lower() != name.lower()
    assert place_key(f"  {name}  ") == key
