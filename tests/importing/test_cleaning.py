"""Cleaning rows: phones parsed whole (several per cell, extensions), every rejection reason,
and the file's own duplicates joined by INN, then phone, then name and city."""

from dialdesk.importing.columns import find_header
from dialdesk.importing.inn import is_valid_inn
from dialdesk.importing.names import name_key, tidy_name
from dialdesk.importing.phones import parse_phone_cell
from dialdesk.importing.rows import clean_rows

MAPPING = {0: "name", 1: "inn", 2: "phones", 3: "city", 4: "contact_name", 5: "email"}


def test_every_number_in_a_cell_with_extensions_and_time_zones() -> None:
    cell = parse_phone_cell("8 (383) 353-03-67 доб. 12; +7 913 209-72-63, 353-03-67")
    assert [(p.e164, p.extension, p.kind) for p in cell.valid] == [
        ("+73833530367", "12", "work"),
        ("+79132097263", None, "mobile"),
    ]
    assert cell.valid[0].time_zone == "Asia/Novosibirsk"
    assert cell.invalid == ("353-03-67",)


def test_rows_are_tidied_and_rejected_with_their_reason() -> None:
    rows = [
        ["  ООО   Ромашка ", "7707083893", "8 383 353 03 67", "Новосибирск", "Иванов И.И."],
        ["", "", "+7 495 123-45-67"],
        ["АО Лютик", "1234567890", "+7 495 123-45-68"],
        ["ИП Сидоров", "", "353-03-67"],
        ["ИП Петров"],
        [],
        ["ЗАО Василёк", "", "", "Казань", "", "info@vasilek.ru"],
    ]
    cleaned = clean_rows(rows, 4, MAPPING)
    assert cleaned.rows_read == 6  # the blank row is not a row
    company = cleaned.companies[0]
    assert (company.name, company.name_key, company.legal_form) == (
        "ООО Ромашка",
        "ромашка",
        "ООО",
    )
    assert company.contacts[0].full_name == "Иванов И.И."
    assert [(r.row_number, r.text, r.imported) for r in cleaned.rejections] == [
        (5, "No company name.", False),
        (6, "INN 1234567890 fails its check digits: imported without it.", True),
        (7, "No valid phone (353-03-67) and no e-mail or website.", False),
        (8, "No phone, e-mail or website to reach the company.", False),
    ]
    assert (cleaned.rows_rejected, cleaned.rows_changed) == (3, 1)
    assert cleaned.rejections[0].cells == ["", "", "+7 495 123-45-67"]
    assert [(c.name, c.inn) for c in cleaned.companies] == [
        ("ООО Ромашка", "7707083893"),
        ("АО Лютик", None),  # its phones are good: the bad INN alone is left out
        ("ЗАО Василёк", None),
    ]
    assert (cleaned.phones_valid, cleaned.phones_invalid) == (2, 1)


def test_an_inn_is_named_for_what_is_wrong_with_it() -> None:
    inns = ["123", "77070838931", "77О7083893", "7707083894"]
    rows = [[f"ООО Номер {n}", inn, f"+7 495 123-45-6{n}"] for n, inn in enumerate(inns)]
    texts = [r.text for r in clean_rows(rows, 2, MAPPING).rejections]
    assert texts == [
        "INN 123 has the wrong length (an INN is 10 or 12 digits): imported without it.",
        "INN 77070838931 has the wrong length (an INN is 10 or 12 digits): imported without it.",
        "INN 77О7083893 is not a number (an INN is 10 or 12 digits): imported without it.",
        "INN 7707083894 fails its check digits: imported without it.",
    ]


def test_a_value_longer_than_its_field_is_cut_with_a_note() -> None:
    name = "ООО " + "Очень длинное название " * 1400  # 32,000 characters in one cell
    rows = [[name, "", "+7 495 123-45-67", "Москва", "Иванов", "x" * 190 + "@example.ru"]]
    cleaned = clean_rows(rows, 2, MAPPING)
    company = cleaned.companies[0]
    assert len(company.name) <= 500 and company.name.startswith("ООО Очень длинное")
    assert len(company.name_key) <= 500
    assert company.email is None  # an e-mail cut short would be wrong: left out
    assert [r.text for r in cleaned.rejections] == [
        f"The company name was {len(name.strip())} characters long: imported cut to its first "
        "500 characters.",
        "The e-mail is 201 characters long (at most 200 fit): imported without it.",
    ]
    assert all(r.imported for r in cleaned.rejections)


def test_duplicates_in_the_file_join_the_first_row() -> None:
    rows = [
        ["ООО Ромашка", "7707083893", "+7 383 353-03-67", "Новосибирск", "Иванов"],
        ["Ромашка", "7707083893", "+7 913 209-72-63", "", "Петров"],  # same INN
        ["ООО «Ромашка»", "", "8 (913) 209-72-63", "Томск"],  # shares a phone
        ["Лютик", "", "+7 495 111-11-11", "Москва"],
        ["ООО Лютик", "", "+7 495 222-22-22", "Москва"],  # same name and city
        ["ООО Лютик", "", "+7 495 333-33-33", "Тула"],  # same name, other city
        ["ООО Клён", "5024002119", "+7 495 444-44-44", "Москва"],
        ["ООО Клён", "7712345671", "+7 495 444-44-44", "Москва"],  # another INN: another firm
    ]
    cleaned = clean_rows(rows, 2, MAPPING)
    names = [(c.name, c.row_numbers) for c in cleaned.companies]
    assert names == [
        ("ООО Ромашка", [2, 3, 4]),
        ("Лютик", [5, 6]),
        ("ООО Лютик", [7]),
        ("ООО Клён", [8]),
        ("ООО Клён", [9]),
    ]
    first = cleaned.companies[0]
    assert [p.e164 for p in first.phones] == ["+73833530367", "+79132097263"]
    assert [c.full_name for c in first.contacts] == ["Иванов", "Петров"]
    assert first.values["city"] == "Новосибирск"  # the first row's value is kept
    assert cleaned.duplicates_in_file == 3


def test_inn_check_digits_for_organisations_and_individuals() -> None:
    assert is_valid_inn("7707083893") and is_valid_inn("500100732259")
    assert not is_valid_inn("7707083894") and not is_valid_inn("500100732258")
    assert not is_valid_inn("77070838") and not is_valid_inn("７７０７０８３８９３")


def test_names_are_trimmed_folded_and_keyed() -> None:
    assert tidy_name("  ООО\u00a0 «Ромашка»\t ") == "ООО «Ромашка»"
    assert name_key("ООО «Ромашка»") == name_key("Ромашка") == "ромашка"
    assert name_key("ЗАО Василёк") == "василек"


def test_every_phone_column_is_imported_with_the_kind_its_header_says() -> None:
    header = ["Название компании", "Телефон", "Телефон 2", "Мобильный", "Рабочий телефон",
              "Факс", "Телефон/факс", "Телефон"]  # fmt: skip
    row = ["ООО Ромашка", "+7 383 353-03-67", "8 (383) 353-03-68", "+7 913 209-72-63",
           "+7 383 353-03-69", "+7 383 353-03-70", "+7 383 353-03-71",
           "+7 383 353-03-67; +7 383 353-03-72"]  # fmt: skip
    found = find_header([header, row])
    assert found.mapping == {0: "name", **{i: "phones" for i in range(1, 8)}}
    cleaned = clean_rows([row], 2, found.mapping, header=header)
    (company,) = cleaned.companies
    kinds = {p.e164: p.kind for p in company.phones}
    assert kinds == {
        "+73833530367": "work",  # said twice, kept once
        "+73833530368": "work",
        "+79132097263": "mobile",
        "+73833530369": "work",
        "+73833530370": "fax",
        "+73833530371": "work",
        "+73833530372": "work",
    }
    assert cleaned.phones_valid == 7


def test_a_second_email_column_fills_in_when_the_first_is_empty() -> None:
    header = ["Компания", "E-mail", "Рабочий e-mail", "Контактное лицо"]
    rows = [["ООО Ромашка", "", "info@romashka.ru", "Иванов"],
            ["ООО Лютик", "sales@lutik.ru", "boss@lutik.ru", "Петров"]]  # fmt: skip
    found = find_header([header, *rows])
    assert found.mapping == {0: "name", 1: "email", 2: "email", 3: "contact_name"}
    cleaned = clean_rows(rows, 2, found.mapping, header=header)
    assert [c.email for c in cleaned.companies] == ["info@romashka.ru", "sales@lutik.ru"]


def test_kpp_ogrn_and_okved_are_checked_like_the_inn() -> None:
    header = ["Полное наименование", "Телефон", "КПП", "ОГРН", "ОКВЭД", "Дата создания"]
    rows = [
        header,
        ["ООО Ромашка", "+7 383 353-03-67", "773601001", "1027700132195",
         "62.01 Разработка компьютерного программного обеспечения", "01.03.2024"],
        ["ООО Лютик", "+7 383 353-03-68", "77360100", "1027700132196", "программы", "вчера"],
        ["ИП Сидоров", "+7 383 353-03-69", "", "304500116000157", "46.90", ""],
    ]  # fmt: skip
    found = find_header(rows)
    cleaned = clean_rows(rows[1:], 2, found.mapping, header=header)
    first, second, third = cleaned.companies
    assert first.values == {
        "kpp": "773601001", "ogrn": "1027700132195", "okved": "62.01",
        "industry": "Разработка компьютерного программного обеспечения",
    }  # fmt: skip
    assert str(first.listed_on) == "2024-03-01"
    assert second.values == {} and second.listed_on is None
    assert third.values == {"ogrn": "304500116000157", "okved": "46.90"}
    notes = [r.text for r in cleaned.rejections if r.row_number == 3]
    assert notes == [
        "КПП 77360100 has the wrong length (КПП is 9 characters): imported without it.",
        "ОГРН 1027700132196 fails its check digit: imported without it.",
        "OKVED программы is not a code like 62.01: imported without it.",
        "The date created 'вчера' is not a date: imported without it.",
    ]
    assert all(r.imported for r in cleaned.rejections)


def test_the_old_bases_owner_group_last_contact_and_purchases_are_read() -> None:
    header = ["Наименование", "Телефон", "Ответственный", "Группа", "Дата звонка",
              "Результат", "Комментарий", "Кто звонил", "Клиент с", "Последняя покупка",
              "Сумма покупок"]  # fmt: skip
    rows = [
        header,
        ["ООО Ромашка", "+7 383 353-03-67", "Петрова Анна", "Горячие", "05.03.2024 11:20",
         "перезвонить", "ждут КП", "Ольга", "01.02.2019", "15.06.2023", "1 250 000,50 руб."],
        ["ООО Лютик", "+7 383 353-03-68", "", "холодный", "", "", "не наш профиль"],
    ]  # fmt: skip
    found = find_header(rows)
    first, second = clean_rows(rows[1:], 2, found.mapping, header=header).companies
    old = first.old
    assert (old.expert, old.group) == ("Петрова Анна", "Горячие")
    assert old.last_contact is not None and old.former is not None
    assert str(old.last_contact.at) == "2024-03-05 11:20:00"
    assert (old.last_contact.result, old.last_contact.comment, old.last_contact.who) == (
        "перезвонить", "ждут КП", "Ольга"
    )  # fmt: skip
    assert (str(old.former.client_since), str(old.former.last_purchase_on)) == (
        "2019-02-01", "2023-06-15"
    )  # fmt: skip
    assert str(old.former.total_bought) == "1250000.50"
    # a comment alone tells of no contact: it is a note on the company
    assert second.old.group == "холодный" and second.old.last_contact is None
    assert second.old.note == "не наш профиль" and second.old.former is None
