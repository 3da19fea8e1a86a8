"""Reading codes and amounts the ways Renja documents write them."""

import pytest

from auditor.model.amounts import AmountError, format_rupiah, parse_amount
from auditor.model.codes import parse_code
from auditor.model.document import Level

pytestmark = [pytest.mark.unit]


@pytest.mark.parametrize(
    ("written", "canonical", "level"),
    [
        ("7.01.01", "7.01.01", Level.PROGRAM),
        ("7.01.01.201", "7.01.01.2.01", Level.KEGIATAN),
        ("7.01.01.20 2", "7.01.01.2.02", Level.KEGIATAN),
        ("7.01.03 .201", "7.01.03.2.01", Level.KEGIATAN),
        ("7.01.01.2.01.01", "7.01.01.2.01.01", Level.SUB_KEGIATAN),
        ("7.01.01.201.1", "7.01.01.2.01.01", Level.SUB_KEGIATAN),
        ("7.01.01.20 1.1", "7.01.01.2.01.01", Level.SUB_KEGIATAN),
        ("'7.01.01.2 06.1", "7.01.01.2.06.01", Level.SUB_KEGIATAN),
        ("7.01.01.202.0 5", "7.01.01.2.02.05", Level.SUB_KEGIATAN),
        ("7.01.01.203.01", "7.01.01.2.03.01", Level.SUB_KEGIATAN),
        ("7.01.03 206.11", "7.01.03.2.06.11", Level.SUB_KEGIATAN),
        ("7.01.01.201.'6", "7.01.01.2.01.06", Level.SUB_KEGIATAN),
        ("7.01.01.2.01.0001", "7.01.01.2.01.01", Level.SUB_KEGIATAN),
        ("X.XX.01.2.01.0001", "X.XX.01.2.01.01", Level.SUB_KEGIATAN),
    ],
)
def test_codes_are_canonicalised(written: str, canonical: str, level: Level) -> None:
    code = parse_code(written)
    assert code is not None
    assert (code.canonical, code.level) == (canonical, level)


@pytest.mark.parametrize("text", ["7.01.01.20", "12", "2024", "1,916,486,189", "Kec.Randuagung", "", "-", "7.01"])
def test_non_codes_are_refused(text: str) -> None:
    assert parse_code(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,916,486,189", 1916486189),
        ("1.916.486.189", 1916486189),
        ("Rp. 1.165.317.200", 1165317200),
        ("Rp.649.145.350", 649145350),
        ("2500000.00", 2500000),
        ("1.916.486.189,00", 1916486189),
        ("10 0", 100),
        ("217,020 ,500", 217020500),
        ("0", 0),
    ],
)
def test_amounts_both_conventions(text: str, value: int) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "-", "—", "N/A", "NA", "  "])
def test_null_tokens_are_not_zero(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize("text", ["DAU", "12 laporan", "1,2,3", "1.23.456"])
def test_non_amounts_raise(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)


def test_rupiah_is_formatted_the_indonesian_way() -> None:
    assert format_rupiah(1916486189) == "Rp1.916.486.189"
    assert format_rupiah(-40000) == "-Rp40.000"
