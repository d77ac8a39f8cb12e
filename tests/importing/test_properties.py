"""Property-based checks of what reads hostile input: whatever text arrives, the phone, INN,
header and CSV readers answer or refuse plainly, and never crash or keep control characters."""

import csv
import io
import re
from pathlib import Path

import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialdesk.errors import UserError
from dialdesk.importing import phones
from dialdesk.importing.columns import find_header, guess_field
from dialdesk.importing.inn import complete_inn10, inn_problem, is_valid_inn
from dialdesk.importing.phones import parse_phone_cell, time_zone_for
from dialdesk.importing.sheet import CONTROL, cell_text, plain_text
from dialdesk.importing.table import read_table

# what hostile cells hold: control characters, NUL, right-to-left marks, formula starts,
# Cyrillic, digits and separators, now and then very long
PIECES = st.sampled_from(
    [
        *"0123456789+-()., ;/#=@доб.ООО«»Ромашка\t\n\r",
        *("\x00", "\x07", "\x1b", "\x7f", "\u202e", "\u200f", "\ufeff", "_x0000_", "8 (383) "),
    ]
)
NASTY = st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=10_000)


@given(NASTY)
def test_plain_text_never_keeps_a_control_character(text: str) -> None:
    cleaned = plain_text(text)
    assert not CONTROL.search(cleaned) and "\r" not in cleaned
    assert plain_text(cleaned) == cleaned  # cleaning twice changes nothing


@given(NASTY)
def test_a_text_cell_reads_as_its_plain_text_whichever_way_it_is_taken(text: str) -> None:
    # most cells take a quick way (nothing to take out): it must agree with the full scrub
    scrubbed = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    assert plain_text(text) == scrubbed
    assert cell_text(text) == scrubbed


@given(NASTY)
def test_a_phone_cell_is_numbers_or_named_pieces_never_a_crash(text: str) -> None:
    cell = parse_phone_cell(text)
    for phone in cell.valid:
        assert re.fullmatch(r"\+\d{8,15}", phone.e164), phone
        assert phone.extension is None or phone.extension.isdigit()
    for piece in cell.invalid:
        assert piece in text


@given(st.text(max_size=20))
def test_an_inn_is_valid_exactly_when_nothing_is_wrong_with_it(value: str) -> None:
    assert (inn_problem(value) is None) == is_valid_inn(value)


@given(st.from_regex(r"\A[0-9]{9}\Z"))
def test_every_nine_digits_complete_to_a_valid_organisation_inn(first_nine: str) -> None:
    inn = complete_inn10(first_nine)
    assert is_valid_inn(inn) and inn_problem(inn) is None
    wrong = inn[:9] + str((int(inn[9]) + 1) % 10)
    assert inn_problem(wrong) == "check_digits"


@given(st.lists(st.lists(NASTY, max_size=8), max_size=12))
def test_header_matching_answers_for_any_rows(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            guess_field(cell)
    try:
        header = find_header(rows)
    except UserError:
        return  # "no header found" is a plain answer too
    assert 0 <= header.row_index < len(rows)
    assert all(0 <= column < len(header.names) for column in header.mapping)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(NASTY, min_size=1, max_size=5), min_size=1, max_size=8),
    st.sampled_from([";", ",", "\t"]),
)
def test_any_csv_reads_to_clean_cells_or_a_plain_refusal(
    tmp_path: Path, rows: list[list[str]], delimiter: str
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = tmp_path / "hostile.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
    try:
        table = read_table(path, encoding="utf-8")
    except UserError:
        return
    assert all(not CONTROL.search(cell) for row in table.rows for cell in row)


MARKUP = st.lists(
    st.sampled_from(
        ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", '<td colspan="3">',
         '<td rowspan="x">', '<td rowspan="2">', "<br>", "<br/>", "&nbsp;", "&#1040;", "&amp",
         "<script>", "</script>", "<p>", "<!--", "-->", "<", ">", "Ромашка", "\x00", " ", "\n"]
    )
    | NASTY,
    max_size=80,
).map("".join)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(MARKUP)
def test_any_page_named_xls_reads_as_tables_or_a_plain_refusal(tmp_path: Path, page: str) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html>" + page, encoding="utf-8", errors="replace")
    try:
        table = read_table(path)
    except UserError:
        return
    for row in table.rows:
        assert all(not CONTROL.search(cell) for cell in row)
    assert table.sheet in table.sheets


def _slow_facts(national: int) -> tuple[int, str, str]:
    """What phonenumbers itself says of +7 ``national``: type, time zone, work or mobile."""
    number = phonenumbers.PhoneNumber(country_code=7, national_number=national)
    kind = phonenumbers.number_type(number)
    if kind == phonenumbers.PhoneNumberType.UNKNOWN:
        return kind, "", "work"
    mobile = "mobile" if kind == phonenumbers.PhoneNumberType.MOBILE else "work"
    return kind, time_zone_for(number), mobile


# ranges split finer than five digits (930-00-5x is mobile, 930-00-0x is nothing), toll-free,
# premium and personal numbers, Kaliningrad, Kazakhstan
TRICKY = [9300051234, 9300001234, 9300005123, 9300000123, 9300312345, 8001234567, 8091234567,
          8081234567, 8108123456, 8021234567, 4012345678, 3833530367, 9132097263, 7012345678,
          3362212345, 8612345678]  # fmt: skip


@settings(max_examples=3000)
@given(st.integers(min_value=3_000_000_000, max_value=9_999_999_999) | st.sampled_from(TRICKY))
def test_the_quick_russian_number_type_is_phonenumbers_own(national: int) -> None:
    assert phones._facts(national) == _slow_facts(national)
