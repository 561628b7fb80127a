"""present.checks: what validate says, in the number its count needs."""

from __future__ import annotations

from chilinh_cli.present.checks import strict_line


def test_strict_says_one_record_and_many_records() -> None:
    assert strict_line("a.json", 1).en == (
        "a.json: 1 record not yet reviewed (--strict makes it an error; review it with 'chilinh review')"
    )
    assert strict_line("a.json", 3).en == (
        "a.json: 3 records not yet reviewed (--strict makes them an error; review them with 'chilinh review')"
    )
    assert strict_line("a.json", 1).vi == (
        "a.json: 1 mục chưa rà soát (--strict coi đó là lỗi; hãy rà soát bằng 'chilinh review')"
    )
