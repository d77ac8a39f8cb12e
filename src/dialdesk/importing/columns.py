"""Which column holds what: the header row found among the first rows, each column's field
guessed from its name (Russian or English), and the mapping a person may change or save."""

import re
from dataclasses import dataclass

from dialdesk.errors import UserError

# field -> header names seen in real lists, compared without case, spaces or punctuation
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "name": (
        "наименование", "название", "названиеорганизации", "наименованиеорганизации",
        "организация", "компания", "названиекомпании", "наименованиекомпании", "фирма",
        "company", "companyname", "name", "organization", "organisation",
    ),
    "inn": ("инн", "inn", "taxid", "иннорганизации"),
    "phones": (
        "тел", "телефон", "телефоны", "телефонкомпании", "контактныйтелефон", "контактныйтел",
        "номертелефона", "рабочийтелефон", "мобильный", "мобильныйтелефон", "сотовый",
        "сотовыйтелефон", "моб", "мобтел", "факс", "phone", "phones", "tel", "telephone",
        "mobile", "mobilephone", "cell", "cellphone", "workphone", "fax",
    ),
    "industry": (
        "отрасль", "сферадеятельности", "виддеятельности", "рубрика", "рубрики", "деятельность",
        "industry", "sector",
    ),
    "city": ("город", "населенныйпункт", "city", "town"),
    "region": ("регион", "область", "субъектрф", "region"),
    "address": ("адрес", "юридическийадрес", "юрадрес", "адресюридический", "address"),
    "website": ("сайт", "вебсайт", "website", "site", "www", "url"),
    "email": (
        "email", "эл почта", "электроннаяпочта", "почта", "емейл", "mail", "рабочийemail",
        "emailкомпании", "workemail",
    ),
    "contact_name": (
        "контактноелицо", "контакт", "фио", "фиоконтакта", "руководитель", "директор",
        "contact", "contactperson", "contactname",
    ),
    "contact_position": ("должность", "position", "jobtitle", "title"),
    "staff_band": (
        "численность", "численностьсотрудников", "численностьперсонала", "штат",
        "сотрудников", "колвосотрудников", "количествосотрудников", "числосотрудников",
        "employees", "staff", "headcount",
    ),
    "kpp": ("кпп", "kpp"),
    "ogrn": ("огрн", "огрнип", "ogrn", "ogrnip"),
    "okved": ("оквэд", "кодоквэд", "основнойоквэд", "оквэдосновной", "okved"),
    "listed_on": (
        "датасоздания", "создан", "создана", "датадобавления", "добавлен", "created",
        "createdat", "datecreated", "dateadded",
    ),
    # the customer's old base
    "expert": (
        "ответственный", "ответственныйменеджер", "менеджер", "менеджерклиента", "эксперт",
        "responsible", "manager", "owner", "accountmanager", "salesmanager",
    ),
    "group": (
        "группа", "группаклиента", "статус", "статусклиента", "статускомпании",
        "категорияклиента", "group", "status", "clientstatus", "leadstatus",
    ),
    "last_contact_on": (
        "последнийконтакт", "датапоследнегоконтакта", "датаконтакта", "датазвонка",
        "последнийзвонок", "датапоследнегозвонка", "lastcontact", "lastcontactdate",
        "lastcall", "lastcalldate",
    ),
    "last_contact_result": (
        "результат", "результатзвонка", "результатконтакта", "итог", "итогзвонка",
        "result", "callresult", "lastresult",
    ),
    "last_contact_comment": (
        "комментарий", "комментарии", "комментарийкзвонку", "примечание", "примечания",
        "comment", "comments", "note", "notes",
    ),
    "last_contact_by": ("ктозвонил", "звонил", "оператор", "calledby", "caller", "operator"),
    "client_since": (
        "клиентс", "клиентсдаты", "датапервойпокупки", "перваяпокупка", "clientsince",
        "customersince", "firstpurchase",
    ),
    "last_purchase_on": (
        "датапоследнейпокупки", "последняяпокупка", "последняяотгрузка",
        "датапоследнейотгрузки", "lastpurchase", "lastorder", "lastpurchasedate",
    ),
    "total_bought": (
        "суммапокупок", "всегокуплено", "купленона", "суммаотгрузок", "оборот",
        "totalbought", "totalsales", "revenue", "totalpurchases",
    ),
}  # fmt: skip
# names a field takes only when no column has one of its usual names: 1C gives both
# "Наименование" (what people call the company) and "Полное наименование" (the legal one)
SECOND_CHOICE: dict[str, tuple[str, ...]] = {
    "name": ("полноенаименование", "полноенаименованиеорганизации", "юридическоелицо"),
    "address": ("фактическийадрес", "почтовыйадрес"),
}
FIELDS = tuple(FIELD_NAMES)
SEVERAL = {"phones", "email"}  # fields a list may give in several columns
# a phone column's header says what its numbers are: kind -> the words that say it
PHONE_KINDS = {
    "fax": ("факс", "fax"),
    "mobile": ("мобильный", "моб", "сотовый", "mobile", "cell"),
    "work": ("рабочий", "офис", "work", "office"),
}
HEADER_SEARCH_ROWS = 30

_NOT_LETTERS = re.compile(r"[^0-9a-zа-я]+")
_ALIASES = {
    _NOT_LETTERS.sub("", alias.replace("ё", "е")): field
    for names in (SECOND_CHOICE, FIELD_NAMES)
    for field, aliases in names.items()
    for alias in aliases
}
_SECOND = {alias for aliases in SECOND_CHOICE.values() for alias in aliases}


def loose_key(text: str) -> str:
    """``text`` compared without case, spaces, punctuation or the dots of ё: how a header,
    or an old base's group, is matched to the names we know."""
    return _NOT_LETTERS.sub("", text.lower().replace("ё", "е"))


def guess_field(header: str) -> str | None:
    """The field a column named ``header`` most likely holds, or None."""
    key = loose_key(header)
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    # "Телефон (рабочий)", "ИНН компании", "E-mail контакта": a known name at the start
    for alias in sorted(_ALIASES, key=len, reverse=True):
        if len(alias) >= 3 and key.startswith(alias):
            return _ALIASES[alias]
    return None


@dataclass(frozen=True)
class Header:
    row_index: int  # 0-based index in Table.rows; the data starts below it
    names: list[str]
    mapping: dict[int, str]  # column index -> field


def find_header(rows: list[list[str]], known: dict[str, str] | None = None) -> Header:
    """The row among the first few whose cells name the most known fields; ``known`` (a
    saved template: header name -> field) is tried before the usual names."""
    best: Header | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = guess_mapping(row, known)
        if len(mapping) >= 2 and (best is None or len(mapping) > len(best.mapping)):
            best = Header(index, row, mapping)
    if best is None:
        raise UserError(
            "No header row found: none of the first {rows} rows names the columns "
            "(company name, phone, INN...).",
            rows=HEADER_SEARCH_ROWS,
        )
    return best


def phone_kind(header: str) -> str | None:
    """What the numbers of a column named ``header`` are (fax, mobile, work), or None when
    the header does not say and each number's own form decides."""
    key = loose_key(header)
    for kind, words in PHONE_KINDS.items():
        if kind == "fax" and ("тел" in key or "phone" in key):
            continue  # "Телефон/факс": a phone first
        if any(word in key for word in words):
            return kind
    return None


def guess_mapping(names: list[str], known: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field for every recognised name; each field taken once, leftmost,
    but phones and e-mails from every column that holds them."""
    saved = {loose_key(name): field for name, field in (known or {}).items()}
    mapping: dict[int, str] = {}
    second: dict[int, str] = {}
    for index, name in enumerate(names):
        field = saved.get(loose_key(name)) or guess_field(name)
        if field is not None and loose_key(name) in _SECOND and loose_key(name) not in saved:
            second[index] = field
        elif field is not None and (field in SEVERAL or field not in mapping.values()):
            mapping[index] = field
    for index, field in second.items():
        if field not in mapping.values():
            mapping[index] = field
    return dict(sorted(mapping.items()))


def check_mapping(mapping: dict[int, str]) -> None:
    """A mapping must name the company and may use each field once."""
    unknown = sorted(set(mapping.values()) - set(FIELDS))
    if unknown:
        raise UserError("Unknown field '{field}' in the column mapping.", field=unknown[0])
    if "name" not in mapping.values():
        raise UserError("Choose the column that holds the company name.")
    if not {"phones", "email", "website"} & set(mapping.values()):
        raise UserError("Choose the column that holds the phone numbers.")
