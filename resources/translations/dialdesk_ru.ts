<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Численность</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>decision maker</source>
        <translation>ЛПР</translation>
    </message>
    <message>
        <source>influencer</source>
        <translation>влияет на решение</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>секретарь</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>не работает</translation>
    </message>
    <message>
        <source>do not call</source>
        <translation>не звонить</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Ext.</source>
        <translation>Доб.</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Местное время</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>callback</source>
        <translation>перезвон</translation>
    </message>
    <message>
        <source>from the old base</source>
        <translation>из старой базы</translation>
    </message>
    <message>
        <source>hand-off</source>
        <translation>передача эксперту</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>эксперт</translation>
    </message>
    <message>
        <source>client handed to</source>
        <translation>клиент передан</translation>
    </message>
    <message>
        <source>offer by e-mail</source>
        <translation>КП по почте</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ожидается</translation>
    </message>
    <message>
        <source>done</source>
        <translation>выполнен</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принята</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не начата</translation>
    </message>
    <message>
        <source>meeting held</source>
        <translation>встреча проведена</translation>
    </message>
    <message>
        <source>offer sent</source>
        <translation>КП отправлено</translation>
    </message>
    <message>
        <source>invoice issued</source>
        <translation>счёт выставлен</translation>
    </message>
    <message>
        <source>won</source>
        <translation>выиграна</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>проиграна</translation>
    </message>
    <message>
        <source>client</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Handed</source>
        <translation>Передана</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Договорились</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочен</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>Client&apos;s time</source>
        <translation>Время клиента</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>не запланирован</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Следующий контакт</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Lost because</source>
        <translation>Причина проигрыша</translation>
    </message>
    <message>
        <source>later</source>
        <translation>позже</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Для</translation>
    </message>
    <message>
        <source>me</source>
        <translation>меня</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>любого</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>коллега</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>возвращена</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>handed to the mail program</source>
        <translation>передано почтовой программе</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не отправлено</translation>
    </message>
    <message>
        <source>address refused</source>
        <translation>адрес отклонён</translation>
    </message>
    <message>
        <source>may not have gone</source>
        <translation>возможно, не ушло</translation>
    </message>
    <message>
        <source>send offer</source>
        <translation>отправить КП</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>счёт</translation>
    </message>
    <message>
        <source>deal won</source>
        <translation>сделка выиграна</translation>
    </message>
    <message>
        <source>deal lost</source>
        <translation>сделка проиграна</translation>
    </message>
    <message>
        <source>Promised callback for %1 (%2)</source>
        <translation>Обещанный перезвон на %1 (%2)</translation>
    </message>
    <message>
        <source>promised by %1</source>
        <translation>пообещал(а) %1</translation>
    </message>
    <message>
        <source>MSK%1</source>
        <translation>МСК%1</translation>
    </message>
    <message>
        <source>your time, and the client&apos;s</source>
        <translation>ваше время и время клиента</translation>
    </message>
    <message>
        <source>the client&apos;s time: %1, %2</source>
        <translation>по времени клиента: %1, %2</translation>
    </message>
    <message>
        <source>This number may not be called.</source>
        <translation>По этому номеру звонить нельзя.</translation>
    </message>
    <message>
        <source>Dialling %1 through the system&apos;s tel: links. If nothing happens, set your softphone&apos;s command in File → Settings (Ctrl+,), e.g. microsip.exe {number}.</source>
        <translation>Набираю %1 через системные ссылки tel:. Если ничего не происходит, укажите команду софтфона в меню Файл → Настройки (Ctrl+,), например microsip.exe {number}.</translation>
    </message>
    <message>
        <source>No program dials %1 from here: set your softphone&apos;s command in File → Settings (Ctrl+,), e.g. microsip.exe {number}.</source>
        <translation>Отсюда %1 набрать нечем: укажите команду софтфона в меню Файл → Настройки (Ctrl+,), например microsip.exe {number}.</translation>
    </message>
    <message>
        <source>The softphone command could not be started: %1</source>
        <translation>Не удалось запустить команду софтфона: %1</translation>
    </message>
    <message>
        <source>Number not working</source>
        <translation>Номер не работает</translation>
    </message>
    <message>
        <source>Mark %1 as not working? It will not be dialled again.</source>
        <translation>Пометить %1 нерабочим? Больше его набирать не будут.</translation>
    </message>
    <message>
        <source>%1 is marked as not working. Ctrl+Z on the phones undoes it.</source>
        <translation>%1 помечен нерабочим. Ctrl+Z в списке телефонов отменяет.</translation>
    </message>
    <message>
        <source>%1 is working again.</source>
        <translation>%1 снова рабочий.</translation>
    </message>
    <message>
        <source>Incoming call from %1</source>
        <translation>Входящий звонок с номера %1</translation>
    </message>
    <message>
        <source>Save an outcome or release this company first.</source>
        <translation>Сначала сохраните результат или верните компанию в очередь.</translation>
    </message>
    <message>
        <source>%1 is not in any running campaign: there is no card to open.</source>
        <translation>%1 не входит ни в одну идущую кампанию: открыть карточку нельзя.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открываю %1…</translation>
    </message>
    <message>
        <source>Opening the callback…</source>
        <translation>Открываю перезвон…</translation>
    </message>
    <message numerus="yes">
        <source>%n outcome(s) waiting to be sent</source>
        <translation>
            <numerusform>%n результат ждёт отправки</numerusform>
            <numerusform>%n результата ждут отправки</numerusform>
            <numerusform>%n результатов ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>A kept outcome was refused: %1</source>
        <translation>Сохранённый результат не принят: %1</translation>
    </message>
    <message>
        <source>My callbacks</source>
        <translation>Мои перезвоны</translation>
    </message>
    <message>
        <source>(%1 due)</source>
        <translation>(пора: %1)</translation>
    </message>
    <message>
        <source>Callback due</source>
        <translation>Пора перезвонить</translation>
    </message>
    <message>
        <source>Time to call back: %1 (%2).</source>
        <translation>Пора перезвонить: %1 (%2).</translation>
    </message>
    <message>
        <source>&amp;Open now</source>
        <translation>&amp;Открыть сейчас</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Передач ждёт</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Из них просрочено</translation>
    </message>
    <message>
        <source>Planned today</source>
        <translation>Контактов на сегодня</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Контактов просрочено</translation>
    </message>
    <message>
        <source>Contacts today</source>
        <translation>Контактов сегодня</translation>
    </message>
    <message>
        <source>Working hours waited</source>
        <translation>Ждёт, рабочих часов</translation>
    </message>
    <message>
        <source>Returned because</source>
        <translation>Возвращена: причина</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Enter a login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>AddPersonForm</name>
    <message>
        <source>Add a person</source>
        <translation>Новый сотрудник</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>lower-case Latin letters, digits, _ or .</source>
        <translation>строчные латинские буквы, цифры, _ или .</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>&amp;Повтор пароля:</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Starting the built-in database…</source>
        <translation>Запуск встроенной базы данных…</translation>
    </message>
    <message>
        <source>Today&apos;s backup of the base is in %1.</source>
        <translation>Сегодняшняя резервная копия базы — в %1.</translation>
    </message>
    <message>
        <source>Today&apos;s backup of the base could not be written: %1</source>
        <translation>Сегодняшнюю резервную копию базы записать не удалось: %1</translation>
    </message>
    <message>
        <source>DialDesk cannot start</source>
        <translation>DialDesk не может запуститься</translation>
    </message>
    <message>
        <source>built-in database on this computer</source>
        <translation>встроенная база на этом компьютере</translation>
    </message>
    <message>
        <source>Restoring the base from the backup…</source>
        <translation>Восстанавливаю базу из резервной копии…</translation>
    </message>
    <message>
        <source>Restored the backup of %1: %2 companies, %3 calls. The base it replaced is kept in %4.</source>
        <translation>Восстановлена копия от %1: компаний — %2, звонков — %3. Прежняя база сохранена в %4.</translation>
    </message>
    <message>
        <source>New passwords needed</source>
        <translation>Нужны новые пароли</translation>
    </message>
    <message>
        <source>These logins were not on this computer and were made again, unable to log in until they get a new password: %1. Give each one with &quot;dialdesk-cli user password LOGIN&quot;.</source>
        <translation>Этих логинов не было на этом компьютере, они созданы заново и не смогут войти, пока не получат новый пароль: %1. Задайте пароль каждому командой «dialdesk-cli user password ЛОГИН».</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>Резервная копия не восстановлена</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Настройки сохранены</translation>
    </message>
    <message>
        <source>This run uses the database given by --dsn or DIALDESK_DSN; the saved server is used when neither is given.</source>
        <translation>Сейчас используется база, заданная в --dsn или DIALDESK_DSN; сохранённый сервер будет использоваться, когда они не заданы.</translation>
    </message>
</context>
<context>
    <name>AuditForm</name>
    <message>
        <source>Audit log</source>
        <translation>Журнал изменений</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Таблица:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>кто угодно</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>С &amp;даты:</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;По дату:</translation>
    </message>
    <message>
        <source>&amp;Contains:</source>
        <translation>Сод&amp;ержит:</translation>
    </message>
    <message>
        <source>a value, a name, a number</source>
        <translation>значение, имя, номер</translation>
    </message>
    <message>
        <source>&amp;Show (Enter)</source>
        <translation>По&amp;казать (Enter)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Какая</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>all tables</source>
        <translation>все таблицы</translation>
    </message>
    <message>
        <source>show</source>
        <translation>показать</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) shown</source>
        <translation>
            <numerusform>Показано %n изменение</numerusform>
            <numerusform>Показано %n изменения</numerusform>
            <numerusform>Показано %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source> (the newest %1; narrow the filter to see older ones)</source>
        <translation> (последние %1; сузьте отбор, чтобы увидеть более ранние)</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Person</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Campaign&apos;s outcome code</source>
        <translation>Код итога кампании</translation>
    </message>
    <message>
        <source>Campaign&apos;s operator</source>
        <translation>Оператор кампании</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Outcome code</source>
        <translation>Код итога</translation>
    </message>
    <message>
        <source>Pause reason</source>
        <translation>Причина перерыва</translation>
    </message>
    <message>
        <source>Do-not-call number</source>
        <translation>Номер «не звонить»</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>Шаблон импорта</translation>
    </message>
    <message>
        <source>Operator&apos;s plan</source>
        <translation>План оператора</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Перезвон</translation>
    </message>
    <message>
        <source>Hand-off to an expert</source>
        <translation>Передача эксперту</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>login</source>
        <translation>логин</translation>
    </message>
    <message>
        <source>role</source>
        <translation>роль</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>sales expert</source>
        <translation>эксперт</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>person</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>кампания</translation>
    </message>
    <message>
        <source>company</source>
        <translation>компания</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>итог</translation>
    </message>
    <message>
        <source>for</source>
        <translation>для</translation>
    </message>
    <message>
        <source>by</source>
        <translation>кто</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>эксперт</translation>
    </message>
    <message>
        <source>taken by</source>
        <translation>взял</translation>
    </message>
    <message>
        <source>due</source>
        <translation>срок</translation>
    </message>
    <message>
        <source>done at</source>
        <translation>сделан</translation>
    </message>
    <message>
        <source>state</source>
        <translation>состояние</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>комментарий</translation>
    </message>
    <message>
        <source>product</source>
        <translation>продукт</translation>
    </message>
    <message>
        <source>script</source>
        <translation>скрипт</translation>
    </message>
    <message>
        <source>calling from</source>
        <translation>звоним с</translation>
    </message>
    <message>
        <source>calling until</source>
        <translation>звоним до</translation>
    </message>
    <message>
        <source>working days only</source>
        <translation>только рабочие дни</translation>
    </message>
    <message>
        <source>call again after, min</source>
        <translation>повтор через, мин</translation>
    </message>
    <message>
        <source>attempts at most</source>
        <translation>попыток не больше</translation>
    </message>
    <message>
        <source>callback grace, min</source>
        <translation>ожидание перезвона, мин</translation>
    </message>
    <message>
        <source>card held, min</source>
        <translation>карточка за оператором, мин</translation>
    </message>
    <message>
        <source>Russian label</source>
        <translation>название по-русски</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>название по-английски</translation>
    </message>
    <message>
        <source>key</source>
        <translation>клавиша</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>скрыт</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>отрасль</translation>
    </message>
    <message>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <source>city</source>
        <translation>город</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>website</source>
        <translation>сайт</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>численность</translation>
    </message>
    <message>
        <source>legal form</source>
        <translation>форма</translation>
    </message>
    <message>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>добавочный</translation>
    </message>
    <message>
        <source>not working</source>
        <translation>не работает</translation>
    </message>
    <message>
        <source>position</source>
        <translation>должность</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>ответ</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <source>plan: calls</source>
        <translation>план: звонки</translation>
    </message>
    <message>
        <source>plan: contacts</source>
        <translation>план: контакты</translation>
    </message>
    <message>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <source>last outcome</source>
        <translation>последний итог</translation>
    </message>
    <message>
        <source>in the group since</source>
        <translation>в группе с</translation>
    </message>
    <message>
        <source>becomes the company&apos;s group</source>
        <translation>становится группой компании</translation>
    </message>
    <message>
        <source>call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>done by call</source>
        <translation>сделан звонком</translation>
    </message>
    <message>
        <source>queue entry</source>
        <translation>место в очереди</translation>
    </message>
    <message>
        <source>counts as a contact</source>
        <translation>считается контактом</translation>
    </message>
    <message>
        <source>closes the company</source>
        <translation>закрывает компанию</translation>
    </message>
    <message>
        <source>hands over to an expert</source>
        <translation>передаёт эксперту</translation>
    </message>
    <message>
        <source>needs a next contact</source>
        <translation>требует следующего контакта</translation>
    </message>
    <message>
        <source>marks the number dead</source>
        <translation>помечает номер нерабочим</translation>
    </message>
    <message>
        <source>call again after, days</source>
        <translation>позвонить снова через, дней</translation>
    </message>
    <message>
        <source>order</source>
        <translation>порядок</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>приоритет</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>попытки</translation>
    </message>
    <message>
        <source>next attempt</source>
        <translation>следующая попытка</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>сегмент</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>часовой пояс</translation>
    </message>
    <message>
        <source>spoke with</source>
        <translation>говорил с</translation>
    </message>
    <message>
        <source>started</source>
        <translation>начало</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>конец</translation>
    </message>
    <message>
        <source>required</source>
        <translation>обязательный</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>снят</translation>
    </message>
    <message>
        <source>choices</source>
        <translation>варианты</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>BackupsForm</name>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>&amp;Copies kept:</source>
        <translation>&amp;Хранить копий:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Сделать копию &amp;сейчас</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Восстановить из копии…</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Taken</source>
        <translation>Сделана</translation>
    </message>
    <message>
        <source>Size, MB</source>
        <translation>Размер, МБ</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Кто сделал</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>The built-in base backs itself up every day: at the first start of the day and on quit when the newest copy is a day old, into the folder below. A network share or a USB disk keeps the copies safe when this computer fails.</source>
        <translation>Встроенная база сама делает резервную копию каждый день: при первом запуске за день и при выходе, если последней копии уже сутки, — в папку ниже. Сетевая папка или USB-диск сохранят копии, если этот компьютер сломается.</translation>
    </message>
    <message>
        <source>The central base is backed up on the server: schedule &quot;dialdesk-cli backup --dsn …&quot; there every night with the database owner&apos;s address (the README shows how with Task Scheduler, systemd or cron). Every backup written is listed here. &quot;Back up now&quot; writes one into the folder below with the owner&apos;s password, asked each time and never kept.</source>
        <translation>Центральная база копируется на сервере: запланируйте там на каждую ночь «dialdesk-cli backup --dsn …» с адресом владельца базы данных (в README показано, как это сделать в Планировщике заданий, systemd или cron). Каждая сделанная копия видна здесь. «Сделать копию сейчас» запишет копию в папку ниже; пароль владельца спрашивается каждый раз и не сохраняется.</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>back up now</source>
        <translation>сделать копию сейчас</translation>
    </message>
    <message>
        <source>The base has not been backed up yet.</source>
        <translation>Резервных копий базы ещё нет.</translation>
    </message>
    <message>
        <source>The base has never been backed up: see the Backups tab.</source>
        <translation>У базы ещё нет ни одной резервной копии: см. вкладку «Резервные копии».</translation>
    </message>
    <message>
        <source>The newest backup of the base is %1 days old: see the Backups tab.</source>
        <translation>Последняя резервная копия базы сделана %1 дн. назад: см. вкладку «Резервные копии».</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Папка для резервных копий</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Настройки не сохранены: %1</translation>
    </message>
    <message>
        <source>Saved: backups go to %1, the newest %2 are kept.</source>
        <translation>Сохранено: копии пишутся в %1, хранятся последние %2.</translation>
    </message>
    <message>
        <source>built-in database</source>
        <translation>встроенная база данных</translation>
    </message>
    <message>
        <source>A backup reads every row of the base, which only the database&apos;s owner may do. Its password is used for this backup only and is not kept.</source>
        <translation>Резервная копия читает все строки базы, а это может только владелец базы данных. Его пароль нужен только для этой копии и не сохраняется.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Делаю резервную копию…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>DialDesk backups (*.dialdesk-backup)</source>
        <translation>Резервные копии DialDesk (*.dialdesk-backup)</translation>
    </message>
    <message>
        <source>Replace the whole built-in base with the backup %1? The base as it is now is backed up first. You are logged out while the backup is restored.</source>
        <translation>Заменить всю встроенную базу резервной копией %1? Сначала будет сделана копия базы в нынешнем виде. На время восстановления вы выйдете из программы.</translation>
    </message>
    <message>
        <source>The backup %1 is restored into a new, empty database on this server, as the database&apos;s owner (its password is not kept); the base in use stays as it is. Then point the workstations at the new database in Settings.</source>
        <translation>Копия %1 будет восстановлена в новую, пустую базу данных на этом сервере от имени владельца (его пароль не сохраняется); рабочая база останется как есть. Затем укажите новую базу данных в настройках рабочих мест.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Восстанавливаю…</translation>
    </message>
    <message>
        <source>Restored into the database %1: %2 companies, %3 calls. Point the workstations at it in Settings.</source>
        <translation>Восстановлено в базу данных %1: компаний — %2, звонков — %3. Укажите её в настройках рабочих мест.</translation>
    </message>
    <message>
        <source>Backed up and checked: %1 (%2 MB).</source>
        <translation>Копия сделана и проверена: %1 (%2 МБ).</translation>
    </message>
</context>
<context>
    <name>CampaignsForm</name>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>what the operators offer</source>
        <translation>что предлагают операторы</translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation>Прод&amp;укт:</translation>
    </message>
    <message>
        <source>Calling hou&amp;rs (the company&apos;s local time):</source>
        <translation>Часы &amp;звонков (местное время компании):</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>&amp;working days only (Russian calendar)</source>
        <translation>только рабочие &amp;дни (календарь РФ)</translation>
    </message>
    <message>
        <source>Retr&amp;y after no contact:</source>
        <translation>&amp;Повтор после «нет контакта» через:</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>не больше</translation>
    </message>
    <message>
        <source>A personal callback becomes anyon&amp;e&apos;s after:</source>
        <translation>Личный перезвон становится общим &amp;через:</translation>
    </message>
    <message>
        <source>Monitor colours a row after (min): waiting / paused / on a card</source>
        <translation>Мониторинг подсвечивает строку через (мин): ожидание / перерыв / на карточке</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <source>Q&amp;uestionnaire</source>
        <translation>Анк&amp;ета</translation>
    </message>
    <message>
        <source>Add &amp;question</source>
        <translation>До&amp;бавить вопрос</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Удалить (Del)</translation>
    </message>
    <message>
        <source>Up (Ctrl+↑)</source>
        <translation>Выше (Ctrl+↑)</translation>
    </message>
    <message>
        <source>Down (Ctrl+↓)</source>
        <translation>Ниже (Ctrl+↓)</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Форму&amp;лировка:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Ответ в &amp;виде:</translation>
    </message>
    <message>
        <source>Choice&amp;s (one per line):</source>
        <translation>Вариант&amp;ы (по одному в строке):</translation>
    </message>
    <message>
        <source>Must &amp;be answered when someone is reached</source>
        <translation>Обязательно задать при раз&amp;говоре с человеком</translation>
    </message>
    <message>
        <source>Codes and operators</source>
        <translation>Итоги и операторы</translation>
    </message>
    <message>
        <source>Outcome codes offered (none ticked: all):</source>
        <translation>Какие итоги предлагать (ничего не отмечено: все):</translation>
    </message>
    <message>
        <source>Who works it (none ticked: every operator):</source>
        <translation>Кто работает (никто не отмечен: все операторы):</translation>
    </message>
    <message>
        <source>Offer by e-&amp;mail… (Ctrl+M)</source>
        <translation>&amp;КП по почте… (Ctrl+M)</translation>
    </message>
    <message>
        <source>Mail the &amp;whole campaign…</source>
        <translation>Рассылка по &amp;всей кампании…</translation>
    </message>
    <message>
        <source>Do-not-mail list…</source>
        <translation>Список «не писать»…</translation>
    </message>
    <message>
        <source>Scrip&amp;t ({company}, {person} and {operator} are filled in):</source>
        <translation>Скрип&amp;т ({company}, {person} и {operator} подставляются):</translation>
    </message>
    <message>
        <source>New campai&amp;gn (Ins)</source>
        <translation>Нова&amp;я кампания (Ins)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>попыток</translation>
    </message>
    <message>
        <source>A claim &amp;lasts:</source>
        <translation>Захват длится:</translation>
    </message>
    <message>
        <source>Acti&amp;ve: operators get its companies</source>
        <translation>&amp;Активна: операторы получают её компании</translation>
    </message>
    <message>
        <source>What the operator sees:</source>
        <translation>Что увидит оператор:</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлена</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компаний</translation>
    </message>
    <message>
        <source>a new campaign</source>
        <translation>новая кампания</translation>
    </message>
    <message>
        <source>save the campaign</source>
        <translation>сохранить кампанию</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>the campaign&apos;s offer by e-mail</source>
        <translation>КП кампании по почте</translation>
    </message>
    <message>
        <source>the new campaign</source>
        <translation>новой кампании</translation>
    </message>
    <message>
        <source>LLC Romashka</source>
        <translation>ООО «Ромашка»</translation>
    </message>
    <message>
        <source>Ivan Petrov</source>
        <translation>Иван Петров</translation>
    </message>
    <message>
        <source>Save the campaign first: the offer belongs to a campaign.</source>
        <translation>Сначала сохраните кампанию: КП относится к кампании.</translation>
    </message>
    <message>
        <source>The offer is saved.</source>
        <translation>КП сохранено.</translation>
    </message>
    <message>
        <source>Choose the campaign to mail.</source>
        <translation>Выберите кампанию для рассылки.</translation>
    </message>
    <message>
        <source>Campaign “%1” saved.</source>
        <translation>Кампания «%1» сохранена.</translation>
    </message>
</context>
<context>
    <name>CodesForm</name>
    <message>
        <source>Codes</source>
        <translation>Коды</translation>
    </message>
    <message>
        <source>Outcome codes</source>
        <translation>Коды итогов</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Код:</translation>
    </message>
    <message>
        <source>lower-case Latin, e.g. call_later</source>
        <translation>строчная латиница, например call_later</translation>
    </message>
    <message>
        <source>Label (Russian):</source>
        <translation>Название (по-русски):</translation>
    </message>
    <message>
        <source>Label (English):</source>
        <translation>Название (по-английски):</translation>
    </message>
    <message>
        <source>Key and order:</source>
        <translation>Клавиша и порядок:</translation>
    </message>
    <message>
        <source>Behaviour:</source>
        <translation>Поведение:</translation>
    </message>
    <message>
        <source>counts as a contact</source>
        <translation>считается контактом</translation>
    </message>
    <message>
        <source>closes the company</source>
        <translation>закрывает компанию</translation>
    </message>
    <message>
        <source>hands over to an expert</source>
        <translation>передаёт эксперту</translation>
    </message>
    <message>
        <source>needs a next contact</source>
        <translation>требует следующего контакта</translation>
    </message>
    <message>
        <source>marks the number dead</source>
        <translation>помечает номер нерабочим</translation>
    </message>
    <message>
        <source>becomes the company&apos;s group</source>
        <translation>становится группой компании</translation>
    </message>
    <message>
        <source>Off (as for &quot;no contact&quot;): the outcome becomes the company&apos;s group only while the company has no outcome that says something about it.</source>
        <translation>Выключено (как у «Нет контакта»): результат становится группой компании, только пока у неё нет результата, который что-то о ней говорит.</translation>
    </message>
    <message>
        <source>Call again after (days):</source>
        <translation>Позвонить снова через (дней):</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Attempts at most:</source>
        <translation>Попыток не больше:</translation>
    </message>
    <message>
        <source>as the campaign says</source>
        <translation>как в кампании</translation>
    </message>
    <message>
        <source>hidden: no longer offered to operators (kept for history)</source>
        <translation>скрыт: операторам больше не предлагается (остаётся в истории)</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Новый код</translation>
    </message>
    <message>
        <source>Save code</source>
        <translation>Сохранить код</translation>
    </message>
    <message>
        <source>Pause reasons</source>
        <translation>Причины перерыва</translation>
    </message>
    <message>
        <source>lower-case Latin, e.g. training</source>
        <translation>строчная латиница, например training</translation>
    </message>
    <message>
        <source>offered when an operator pauses</source>
        <translation>предлагается, когда оператор уходит на перерыв</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>Новая причина</translation>
    </message>
    <message>
        <source>Save reason</source>
        <translation>Сохранить причину</translation>
    </message>
</context>
<context>
    <name>CodesPage</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Скрыт</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Предлагается</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(без клавиши)</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>Code “%1” saved.</source>
        <translation>Код «%1» сохранён.</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Должность:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
</context>
<context>
    <name>CrashForm</name>
    <message>
        <source>DialDesk: unexpected error</source>
        <translation>DialDesk: непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong inside DialDesk. Your saved work is in the database. Please send the text below to your administrator.</source>
        <translation>В DialDesk произошла ошибка. Сохранённая работа находится в базе данных. Отправьте, пожалуйста, текст ниже администратору.</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Копировать в буфер обмена</translation>
    </message>
</context>
<context>
    <name>DoNotMailDialog</name>
    <message>
        <source>asked not to be written to</source>
        <translation>просили не писать</translation>
    </message>
    <message>
        <source>refused by the mail server</source>
        <translation>отклонён почтовым сервером</translation>
    </message>
    <message>
        <source>letters come back</source>
        <translation>письма возвращаются</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>name@company.ru</source>
        <translation>имя@компания.ru</translation>
    </message>
    <message>
        <source>write to it again</source>
        <translation>снова писать на адрес</translation>
    </message>
    <message>
        <source>%1 is on the list: no letter goes to it.</source>
        <translation>%1 в списке: писем на него не будет.</translation>
    </message>
    <message>
        <source>%1 was on the list already.</source>
        <translation>%1 уже был в списке.</translation>
    </message>
    <message>
        <source>Choose the address to write to again.</source>
        <translation>Выберите адрес, на который снова можно писать.</translation>
    </message>
    <message>
        <source>Letters may go to %1 again.</source>
        <translation>На %1 снова можно писать.</translation>
    </message>
</context>
<context>
    <name>DoNotMailForm</name>
    <message>
        <source>Do-not-mail list</source>
        <translation>Список «не писать»</translation>
    </message>
    <message>
        <source>No letter goes to these addresses, from the card or in a mailing: people who asked not to be written to, and addresses the mail server refused.</source>
        <translation>На эти адреса не уходит ни одно письмо — ни из карточки, ни в рассылке: люди, просившие им не писать, и адреса, отклонённые почтовым сервером.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <source>A&amp;dd (Enter)</source>
        <translation>&amp;Добавить (Enter)</translation>
    </message>
    <message>
        <source>&amp;Write to it again (Del)</source>
        <translation>&amp;Снова писать (Del)</translation>
    </message>
</context>
<context>
    <name>EmptyQueue</name>
    <message>
        <source>Nothing left to call: every company of your campaigns is done.</source>
        <translation>Звонить больше некому: все компании ваших кампаний обработаны.</translation>
    </message>
    <message>
        <source>all remaining companies are outside calling hours until %1</source>
        <translation>все оставшиеся компании вне часов звонков до %1</translation>
    </message>
    <message numerus="yes">
        <source>%n due callback(s) wait for the clients&apos; calling hours, the first from %1</source>
        <translation>
            <numerusform>%n перезвон ждёт часов звонков клиента, первый — с %1</numerusform>
            <numerusform>%n перезвона ждут часов звонков клиентов, первый — с %1</numerusform>
            <numerusform>%n перезвонов ждут часов звонков клиентов, первый — с %1</numerusform>
        </translation>
    </message>
    <message>
        <source>next retry at %1</source>
        <translation>следующий повтор в %1</translation>
    </message>
    <message>
        <source>next callback at %1</source>
        <translation>следующий перезвон в %1</translation>
    </message>
    <message numerus="yes">
        <source>%n company(ies) have no number that may be called</source>
        <translation>
            <numerusform>у %n компании нет номера, по которому можно звонить</numerusform>
            <numerusform>у %n компаний нет номера, по которому можно звонить</numerusform>
            <numerusform>у %n компаний нет номера, по которому можно звонить</numerusform>
        </translation>
    </message>
    <message>
        <source>other operators are working the remaining companies</source>
        <translation>оставшимися компаниями заняты другие операторы</translation>
    </message>
    <message>
        <source>Nothing to call right now: %1.</source>
        <translation>Сейчас звонить некому: %1.</translation>
    </message>
</context>
<context>
    <name>ExpertForm</name>
    <message>
        <source>My clients</source>
        <translation>Мои клиенты</translation>
    </message>
    <message>
        <source>&amp;New hand-offs (Ctrl+1)</source>
        <translation>&amp;Новые передачи (Ctrl+1)</translation>
    </message>
    <message>
        <source>&amp;Accept (Ctrl+Shift+A)</source>
        <translation>&amp;Принять (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Return with a reason…</source>
        <translation>&amp;Вернуть с причиной…</translation>
    </message>
    <message>
        <source>&amp;Today (Ctrl+2)</source>
        <translation>&amp;Сегодня (Ctrl+2)</translation>
    </message>
    <message>
        <source>My &amp;clients (Ctrl+3)</source>
        <translation>Мои &amp;клиенты (Ctrl+3)</translation>
    </message>
    <message>
        <source>Find by name, INN, city or phone (Ctrl+F)</source>
        <translation>Поиск по названию, ИНН, городу или телефону (Ctrl+F)</translation>
    </message>
    <message>
        <source>Choose a company in a list on the left.</source>
        <translation>Выберите компанию в списке слева.</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Телефоны</translation>
    </message>
    <message>
        <source>P&amp;eople</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>&amp;Deals</source>
        <translation>С&amp;делки</translation>
    </message>
    <message>
        <source>Record a contact</source>
        <translation>Записать контакт</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>&amp;Что было:</translation>
    </message>
    <message>
        <source>A&amp;mount, ₽:</source>
        <translation>С&amp;умма, ₽:</translation>
    </message>
    <message>
        <source>Pr&amp;oduct:</source>
        <translation>П&amp;родукт:</translation>
    </message>
    <message>
        <source>&amp;Lost because:</source>
        <translation>Пр&amp;ичина проигрыша:</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>Ne&amp;xt contact:</source>
        <translation>След&amp;ующий контакт:</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>запланировать</translation>
    </message>
    <message>
        <source>dd.MM.yyyy HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>&amp;Сохранить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Hand the client on…</source>
        <translation>П&amp;ередать клиента…</translation>
    </message>
    <message>
        <source>Send the &amp;offer… (Ctrl+M)</source>
        <translation>Отправить &amp;КП… (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>ExpertPage</name>
    <message>
        <source>plan</source>
        <translation>запланировать</translation>
    </message>
    <message>
        <source>show this list</source>
        <translation>показать этот список</translation>
    </message>
    <message>
        <source>find a client</source>
        <translation>найти клиента</translation>
    </message>
    <message>
        <source>change the company&apos;s fields</source>
        <translation>изменить данные компании</translation>
    </message>
    <message>
        <source>send the offer by e-mail</source>
        <translation>отправить КП по почте</translation>
    </message>
    <message>
        <source>accept the hand-off</source>
        <translation>принять передачу</translation>
    </message>
    <message>
        <source>save the contact&apos;s result</source>
        <translation>сохранить результат контакта</translation>
    </message>
    <message>
        <source>read again</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>add a phone number</source>
        <translation>добавить номер телефона</translation>
    </message>
    <message>
        <source>add a contact person</source>
        <translation>добавить контактное лицо</translation>
    </message>
    <message>
        <source>change the contact person</source>
        <translation>изменить контактное лицо</translation>
    </message>
    <message>
        <source>&amp;New hand-offs: %1 (Ctrl+1)</source>
        <translation>&amp;Новые передачи: %1 (Ctrl+1)</translation>
    </message>
    <message>
        <source>&amp;Today: %1, overdue %2 (Ctrl+2)</source>
        <translation>&amp;Сегодня: %1, просрочено %2 (Ctrl+2)</translation>
    </message>
    <message>
        <source>Choose a company in a list on the left.</source>
        <translation>Выберите компанию в списке слева.</translation>
    </message>
    <message>
        <source>INN %1</source>
        <translation>ИНН %1</translation>
    </message>
    <message>
        <source>Handed by %1 on %2</source>
        <translation>Передал(а) %1, %2</translation>
    </message>
    <message>
        <source>Spoke with: %1</source>
        <translation>Говорили с: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Комментарий: %1</translation>
    </message>
    <message>
        <source>Answers: %1</source>
        <translation>Ответы: %1</translation>
    </message>
    <message>
        <source>Agreed next contact: %1, %2</source>
        <translation>Договорились о следующем контакте: %1, %2</translation>
    </message>
    <message>
        <source>Accept it (Ctrl+Shift+A) or return it with a reason.</source>
        <translation>Примите её (Ctrl+Shift+A) или верните с причиной.</translation>
    </message>
    <message>
        <source>Planned: %1 at %2 (client&apos;s time %3)</source>
        <translation>Запланировано: %1 в %2 (у клиента %3)</translation>
    </message>
    <message>
        <source>Dialling %1…</source>
        <translation>Набираю %1…</translation>
    </message>
    <message>
        <source>The offer was sent; its follow-up call is among your planned contacts.</source>
        <translation>КП отправлено; контрольный звонок — среди ваших запланированных контактов.</translation>
    </message>
    <message>
        <source>Choose a new hand-off first (Ctrl+1).</source>
        <translation>Сначала выберите новую передачу (Ctrl+1).</translation>
    </message>
    <message>
        <source>%1 is your client now: record the first contact.</source>
        <translation>%1 теперь ваш клиент: запишите первый контакт.</translation>
    </message>
    <message>
        <source>Return the hand-off</source>
        <translation>Вернуть передачу</translation>
    </message>
    <message>
        <source>Why do you return %1? The supervisor reads it.</source>
        <translation>Почему вы возвращаете «%1»? Это прочитает супервайзер.</translation>
    </message>
    <message>
        <source>%1 returned to the supervisor.</source>
        <translation>«%1» возвращена супервайзеру.</translation>
    </message>
    <message>
        <source>Choose one of your clients first.</source>
        <translation>Сначала выберите своего клиента.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
    <message>
        <source>The client is handed to %1.</source>
        <translation>Клиент передан: %1.</translation>
    </message>
    <message>
        <source>A planned contact is due</source>
        <translation>Пора выполнить запланированный контакт</translation>
    </message>
    <message>
        <source>%1 with %2 is due now (client&apos;s time %3).</source>
        <translation>Пора: %1 — %2 (у клиента %3).</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Loading demo data…</source>
        <translation>Загрузка демонстрационных данных…</translation>
    </message>
    <message>
        <source>Loaded %1 companies. Demo logins are below; the passwords are shown only now.</source>
        <translation>Загружено компаний: %1. Демонстрационные логины ниже; пароли показываются только сейчас.</translation>
    </message>
    <message>
        <source>Enter a login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>Создание администратора…</translation>
    </message>
    <message>
        <source>Administrator %1 created. Log in with this login.</source>
        <translation>Администратор %1 создан. Войдите под этим логином.</translation>
    </message>
</context>
<context>
    <name>FirstRunForm</name>
    <message>
        <source>DialDesk: first start</source>
        <translation>DialDesk: первый запуск</translation>
    </message>
    <message>
        <source>The built-in database is ready but has no users yet. Load demo data to try DialDesk, or create the administrator&apos;s login to start real work.</source>
        <translation>Встроенная база данных готова, но пользователей в ней пока нет. Загрузите демонстрационные данные, чтобы попробовать DialDesk, или создайте логин администратора, чтобы начать работу.</translation>
    </message>
    <message>
        <source>Load &amp;demo data (2,000 companies, one login per role)</source>
        <translation>Загрузить &amp;демо-данные (2 000 компаний, по логину на каждую роль)</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>Создать администратора</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;ФИО:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Повтор пароля:</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>&amp;Создать администратора</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
</context>
<context>
    <name>HandClientDialog</name>
    <message>
        <source>%1 goes to another person with its open deals and planned contacts; the history keeps who handed it on.</source>
        <translation>«%1» перейдёт к другому сотруднику вместе с открытыми сделками и запланированными контактами; в истории останется, кто передал.</translation>
    </message>
    <message>
        <source>&amp;Hand on</source>
        <translation>&amp;Передать</translation>
    </message>
    <message>
        <source>There is no other active expert to take it.</source>
        <translation>Нет другого активного эксперта, которому можно передать клиента.</translation>
    </message>
</context>
<context>
    <name>HandClientForm</name>
    <message>
        <source>Hand the client on</source>
        <translation>Передать клиента</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <source>&amp;Note for them:</source>
        <translation>&amp;Заметка для него:</translation>
    </message>
</context>
<context>
    <name>ImportForm</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Choose a list of companies: an XLSX, XLS, ODS or CSV file. A title above the header and blank rows are fine.</source>
        <translation>Выберите список компаний: файл XLSX, XLS, ODS или CSV. Заголовок над шапкой таблицы и пустые строки не мешают.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>path to the list</source>
        <translation>путь к списку</translation>
    </message>
    <message>
        <source>&amp;Choose… (Ctrl+O)</source>
        <translation>&amp;Выбрать… (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <source>&amp;Encoding (CSV):</source>
        <translation>&amp;Кодировка (CSV):</translation>
    </message>
    <message>
        <source>&amp;Delimiter (CSV):</source>
        <translation>&amp;Разделитель (CSV):</translation>
    </message>
    <message>
        <source>Check what each column holds; change a guess with its list. Columns left as &quot;not imported&quot; are skipped.</source>
        <translation>Проверьте, что в каком столбце; неверную догадку исправьте в списке. Столбцы «не загружать» пропускаются.</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Сохранить как:</translation>
    </message>
    <message>
        <source>template name</source>
        <translation>название шаблона</translation>
    </message>
    <message>
        <source>Sa&amp;ve template</source>
        <translation>Сохранить ша&amp;блон</translation>
    </message>
    <message>
        <source>First rows of the list:</source>
        <translation>Первые строки списка:</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Кампания:</translation>
    </message>
    <message>
        <source>choose one, or type the name of a new campaign</source>
        <translation>выберите или введите название новой кампании</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <source>where the list comes from: 2GIS, exhibition, old base…</source>
        <translation>откуда список: 2ГИС, выставка, старая база…</translation>
    </message>
    <message>
        <source>&amp;Trial run: report what would happen, write nothing</source>
        <translation>&amp;Пробный прогон: показать, что получится, ничего не записывая</translation>
    </message>
    <message>
        <source>Companies already in the base</source>
        <translation>Компании, которые уже есть в базе</translation>
    </message>
    <message>
        <source>&amp;Fill only their empty fields from the file</source>
        <translation>&amp;Заполнить из файла только их пустые поля</translation>
    </message>
    <message>
        <source>O&amp;verwrite the fields ticked below with the file&apos;s values (the others are filled where empty)</source>
        <translation>П&amp;ерезаписать отмеченные ниже поля значениями из файла (остальные заполняются, где пусто)</translation>
    </message>
    <message>
        <source>Type a new name to create a campaign. A row that matches a company already in the base is merged into it: its new phones and people are added, and its fields are filled or overwritten as chosen above. A trial run shows how many companies each field would change.</source>
        <translation>Введите новое имя, чтобы создать кампанию. Строка, совпавшая с компанией из базы, сливается с ней: добавляются новые телефоны и контактные лица, а поля заполняются или перезаписываются, как выбрано выше. Пробный прогон покажет, у скольких компаний изменится каждое поле.</translation>
    </message>
    <message>
        <source>These names and groups of the old base match nobody and no group of ours. Choose who or what each one is, then go back (Alt+Left) and import again:</source>
        <translation>Эти имена и группы старой базы не совпали ни с кем из сотрудников и ни с одной нашей группой. Выберите, кто или что это, вернитесь назад (Alt+Влево) и импортируйте снова:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Это</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отменить (Esc)</translation>
    </message>
    <message>
        <source>Open &amp;rejected rows</source>
        <translation>Открыть &amp;отклонённые строки</translation>
    </message>
    <message>
        <source>&amp;New import</source>
        <translation>&amp;Новый импорт</translation>
    </message>
    <message>
        <source>&amp;Back (Alt+Left)</source>
        <translation>&amp;Назад (Alt+Влево)</translation>
    </message>
    <message>
        <source>&amp;Next (Alt+Right)</source>
        <translation>&amp;Далее (Alt+Вправо)</translation>
    </message>
    <message>
        <source>Import &amp;now (Ctrl+Enter)</source>
        <translation>&amp;Загрузить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Past imports</source>
        <translation>Прошлые импорты</translation>
    </message>
    <message>
        <source>&amp;Undo selected import…</source>
        <translation>&amp;Отменить выбранный импорт…</translation>
    </message>
    <message>
        <source>Remove everything the import added, while none of its companies has been called</source>
        <translation>Убрать всё, что добавил импорт, пока ни одной его компании не звонили</translation>
    </message>
    <message>
        <source>Load a do-not-call &amp;list…</source>
        <translation>Загрузить список «не з&amp;вонить»…</translation>
    </message>
    <message>
        <source>Numbers in the file are never offered to an operator again</source>
        <translation>Номера из файла больше никогда не попадут оператору</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Численность</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <source>OKVED code</source>
        <translation>Код ОКВЭД</translation>
    </message>
    <message>
        <source>In the customer&apos;s base since</source>
        <translation>В базе заказчика с</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>Ответственный менеджер</translation>
    </message>
    <message>
        <source>Group in the old base</source>
        <translation>Группа в старой базе</translation>
    </message>
    <message>
        <source>Last contact: date</source>
        <translation>Последний контакт: дата</translation>
    </message>
    <message>
        <source>Last contact: result</source>
        <translation>Последний контакт: результат</translation>
    </message>
    <message>
        <source>Last contact: comment</source>
        <translation>Последний контакт: комментарий</translation>
    </message>
    <message>
        <source>Last contact: who</source>
        <translation>Последний контакт: кто</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Клиент с</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>Total bought</source>
        <translation>Сумма покупок</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Это</translation>
    </message>
    <message>
        <source>companies in the base brought up to date: %1</source>
        <translation>обновлено у компаний из базы: %1</translation>
    </message>
    <message>
        <source>from the old base: %1 last contacts written to the history, %2 groups set, %3 managers matched, %4 former clients</source>
        <translation>из старой базы: последних контактов записано в историю — %1, групп выставлено — %2, менеджеров сопоставлено — %3, бывших клиентов — %4</translation>
    </message>
    <message>
        <source>former clients: %1</source>
        <translation>бывших клиентов: %1</translation>
    </message>
    <message>
        <source>last contacts with no result or group we know, left out: %1</source>
        <translation>последних контактов без известного результата или группы, не перенесено: %1</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>former client</source>
        <translation>Бывший клиент</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <source>These names and groups of the old base match nobody and no group of ours. Choose who or what each one is, then go back (Alt+Left) and import again:</source>
        <translation>Эти имена и группы старой базы не совпали ни с кем из сотрудников и ни с одной нашей группой. Выберите, кто или что это, вернитесь назад (Alt+Влево) и импортируйте снова:</translation>
    </message>
    <message>
        <source>These names and groups of the old base matched nobody and no group of ours: the companies came in without them. To bring them in, undo this import and import the file again, choosing who or what each one is.</source>
        <translation>Эти имена и группы старой базы не совпали ни с кем из сотрудников и ни с одной нашей группой: компании импортированы без них. Чтобы их перенести, отмените этот импорт и импортируйте файл снова, выбрав, кто или что это.</translation>
    </message>
    <message>
        <source>— nobody —</source>
        <translation>— никто —</translation>
    </message>
    <message>
        <source>— no group —</source>
        <translation>— без группы —</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Объединено</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>определить</translation>
    </message>
    <message>
        <source>Windows-1251 (Russian Excel)</source>
        <translation>Windows-1251 (русский Excel)</translation>
    </message>
    <message>
        <source>UTF-16 (Excel&apos;s Unicode text)</source>
        <translation>UTF-16 («Текст Юникод» из Excel)</translation>
    </message>
    <message>
        <source>semicolon ;</source>
        <translation>точка с запятой ;</translation>
    </message>
    <message>
        <source>comma ,</source>
        <translation>запятая ,</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <source>bar |</source>
        <translation>черта |</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Первое значение</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Содержит</translation>
    </message>
    <message>
        <source>choose the file</source>
        <translation>выбрать файл</translation>
    </message>
    <message>
        <source>the next step</source>
        <translation>следующий шаг</translation>
    </message>
    <message>
        <source>the step before</source>
        <translation>предыдущий шаг</translation>
    </message>
    <message>
        <source>import</source>
        <translation>импортировать</translation>
    </message>
    <message>
        <source>cancel the import under way</source>
        <translation>отменить идущий импорт</translation>
    </message>
    <message>
        <source>Step 1 of 4: the file</source>
        <translation>Шаг 1 из 4: файл</translation>
    </message>
    <message>
        <source>Step 2 of 4: the columns</source>
        <translation>Шаг 2 из 4: столбцы</translation>
    </message>
    <message>
        <source>Step 3 of 4: the campaign</source>
        <translation>Шаг 3 из 4: кампания</translation>
    </message>
    <message>
        <source>Step 4 of 4: the import</source>
        <translation>Шаг 4 из 4: загрузка</translation>
    </message>
    <message>
        <source>The trial run wrote nothing. Press Import (Ctrl+Enter) to import.</source>
        <translation>Проверочный прогон ничего не записал. Нажмите «Импортировать» (Ctrl+Enter), чтобы импортировать.</translation>
    </message>
    <message>
        <source>Choose a list</source>
        <translation>Выберите список</translation>
    </message>
    <message>
        <source>Choose a file first (Ctrl+O).</source>
        <translation>Сначала выберите файл (Ctrl+O).</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Читаю файл…</translation>
    </message>
    <message>
        <source>detect (found: %1)</source>
        <translation>определить (найдено: %1)</translation>
    </message>
    <message>
        <source>%1 rows under the header in row %2.</source>
        <translation>%1 строк под шапкой в строке %2.</translation>
    </message>
    <message>
        <source>No column names were recognised: the first row is taken as the header. Choose what each column holds, or apply a template.</source>
        <translation>Названия столбцов не распознаны: шапкой считается первая строка. Укажите, что в каком столбце, или примените шаблон.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(не загружать)</translation>
    </message>
    <message>
        <source>Each field may come from one column only: %1.</source>
        <translation>Каждое поле берётся только из одного столбца: %1.</translation>
    </message>
    <message>
        <source>Choose the column that holds the company name.</source>
        <translation>Выберите столбец с названием компании.</translation>
    </message>
    <message>
        <source>Choose the column that holds the phone numbers.</source>
        <translation>Выберите столбец с телефонами.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Дайте шаблону название.</translation>
    </message>
    <message>
        <source>Template “%1” saved.</source>
        <translation>Шаблон «%1» сохранён.</translation>
    </message>
    <message>
        <source>Choose the campaign the companies go to.</source>
        <translation>Выберите кампанию, в которую попадут компании.</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Проверяю строки…</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Записываю в базу…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяю…</translation>
    </message>
    <message>
        <source>Trial run, nothing was written:</source>
        <translation>Пробный прогон, ничего не записано:</translation>
    </message>
    <message>
        <source>Import %1 done:</source>
        <translation>Импорт %1 выполнен:</translation>
    </message>
    <message>
        <source>rows read: %1</source>
        <translation>прочитано строк: %1</translation>
    </message>
    <message>
        <source>companies created: %1</source>
        <translation>создано компаний: %1</translation>
    </message>
    <message>
        <source>merged into companies already in the base: %1</source>
        <translation>объединено с компаниями из базы: %1</translation>
    </message>
    <message>
        <source>duplicate rows in the file joined: %1</source>
        <translation>объединено дублей внутри файла: %1</translation>
    </message>
    <message>
        <source>phones: %1 valid, %2 invalid, %3 on the do-not-call list</source>
        <translation>телефоны: %1 верных, %2 неверных, %3 в списке «не звонить»</translation>
    </message>
    <message>
        <source>rows rejected: %1</source>
        <translation>отклонено строк: %1</translation>
    </message>
    <message>
        <source>rows imported with a value cut or left out: %1</source>
        <translation>строк импортировано с обрезанным или пропущенным значением: %1</translation>
    </message>
    <message>
        <source>time: %1 s</source>
        <translation>время: %1 с</translation>
    </message>
    <message>
        <source>archived companies updated but not put in the queue: %1</source>
        <translation>компании из архива обновлены, но не поставлены в очередь: %1</translation>
    </message>
    <message>
        <source>Rejected and changed rows, with the reasons: %1</source>
        <translation>Отклонённые и изменённые строки с причинами: %1</translation>
    </message>
    <message>
        <source>The file of rejected and changed rows could not be written to %1: %2. The import itself is saved.</source>
        <translation>Файл отклонённых и изменённых строк не удалось записать в %1: %2. Сам импорт сохранён.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Импорт отменён; ничего не записано.</translation>
    </message>
    <message>
        <source>Select an import first.</source>
        <translation>Сначала выберите импорт.</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>Отмена импорта</translation>
    </message>
    <message>
        <source>Remove the %1 companies import %2 created, and the phones, contact persons and campaign entries it added? What has been called since stays.</source>
        <translation>Удалить %1 компаний, созданных импортом %2, и добавленные им телефоны, контактных лиц и записи кампании? То, по чему уже звонили, останется.</translation>
    </message>
    <message>
        <source>Import %1 undone: %2 companies removed.</source>
        <translation>Импорт %1 отменён: удалено компаний: %2.</translation>
    </message>
    <message>
        <source>Kept, because calls were made on them: %1 companies, %2 phones, %3 contact persons, %4 campaign entries.</source>
        <translation>Оставлено, потому что по ним уже звонили: компаний — %1, телефонов — %2, контактных лиц — %3, записей кампании — %4.</translation>
    </message>
    <message>
        <source>Choose a do-not-call list</source>
        <translation>Выберите список «не звонить»</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml);;All files (*)</source>
        <translation>Списки (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Do-not-call list: %1 numbers read, %2 new on the list; %3 companies in the base have one of them.</source>
        <translation>Список «не звонить»: прочитано номеров: %1, новых в списке: %2; у %3 компаний в базе есть такой номер.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Keys of %1 and of the window:</source>
        <translation>Клавиши вкладки «%1» и всего окна:</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Что делают</translation>
    </message>
</context>
<context>
    <name>KeysForm</name>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Enter your login.</source>
        <translation>Введите свой логин.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>DialDesk: log in</source>
        <translation>DialDesk: вход</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DialDesk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;DialDesk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>your personal login</source>
        <translation>ваш личный логин</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
</context>
<context>
    <name>MailServerDialog</name>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (обычно порт 587)</translation>
    </message>
    <message>
        <source>SSL (usually port 465)</source>
        <translation>SSL (обычно порт 465)</translation>
    </message>
    <message>
        <source>no encryption (port 25, inside the office only)</source>
        <translation>без шифрования (порт 25, только внутри офиса)</translation>
    </message>
    <message>
        <source>smtp.company.ru</source>
        <translation>smtp.компания.ru</translation>
    </message>
    <message>
        <source>empty when the server asks for no login</source>
        <translation>пусто, если сервер не требует входа</translation>
    </message>
    <message>
        <source>sales@company.ru</source>
        <translation>sales@компания.ru</translation>
    </message>
    <message>
        <source> letters a minute</source>
        <translation> писем в минуту</translation>
    </message>
    <message>
        <source>A password is kept on this computer (Windows Credential Manager); leave the field empty to keep it. Every workstation that sends keeps its own.</source>
        <translation>Пароль хранится на этом компьютере (диспетчер учётных данных Windows); оставьте поле пустым, чтобы его сохранить. Каждое рабочее место, которое отправляет письма, хранит свой.</translation>
    </message>
    <message>
        <source>No password is kept on this computer yet: it is kept in Windows Credential Manager, never in the database. Every workstation that sends keeps its own.</source>
        <translation>На этом компьютере пароль ещё не сохранён: он хранится в диспетчере учётных данных Windows, никогда в базе. Каждое рабочее место, которое отправляет письма, хранит свой.</translation>
    </message>
    <message>
        <source>Write the mail server&apos;s address first.</source>
        <translation>Сначала укажите адрес почтового сервера.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>The server %1 answered and took the login.</source>
        <translation>Сервер %1 ответил и принял вход.</translation>
    </message>
    <message>
        <source>The server %1 answered.</source>
        <translation>Сервер %1 ответил.</translation>
    </message>
</context>
<context>
    <name>MailServerForm</name>
    <message>
        <source>Mail server</source>
        <translation>Почтовый сервер</translation>
    </message>
    <message>
        <source>Offers go through the company&apos;s mail server. With no server set, a letter from the card opens in the workstation&apos;s mail program instead, and mailings cannot be sent.</source>
        <translation>КП уходят через почтовый сервер компании. Если сервер не задан, письмо из карточки открывается в почтовой программе рабочего места, а рассылки отправить нельзя.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Port and security:</source>
        <translation>&amp;Порт и защита:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>Sen&amp;der&apos;s address:</source>
        <translation>Адрес &amp;отправителя:</translation>
    </message>
    <message>
        <source>Mailings send at most:</source>
        <translation>Рассылки отправляют не больше:</translation>
    </message>
    <message>
        <source>&amp;Check the connection</source>
        <translation>П&amp;роверить подключение</translation>
    </message>
</context>
<context>
    <name>MailingDialog</name>
    <message>
        <source>Mailing of the offer of “%1”</source>
        <translation>Рассылка КП кампании «%1»</translation>
    </message>
    <message>
        <source>The offer of the campaign “%1” goes to the decision maker of each company (or its first contact with an e-mail); each one&apos;s follow-up call is put into the campaign&apos;s queue.</source>
        <translation>КП кампании «%1» уходит ЛПР каждой компании (или первому контакту с почтой); контрольный звонок каждой компании ставится в очередь кампании.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>send the mailing</source>
        <translation>отправить рассылку</translation>
    </message>
    <message>
        <source>Companies: %1. Without an e-mail: %2. Addresses on the do-not-mail list: %3.</source>
        <translation>Компаний: %1. Без почты: %2. Адресов в списке «не писать»: %3.</translation>
    </message>
    <message>
        <source>%1 of them got this campaign&apos;s offer already: a new mailing writes to them again.</source>
        <translation>Из них КП этой кампании уже получили: %1; новая рассылка напишет им ещё раз.</translation>
    </message>
    <message>
        <source>The campaign has no offer yet: write it on the Campaigns tab.</source>
        <translation>У кампании ещё нет КП: составьте его на вкладке «Кампании».</translation>
    </message>
    <message>
        <source>No mail server is set: the admin sets it (File → Mail server).</source>
        <translation>Почтовый сервер не задан: его задаёт администратор (Файл → Почтовый сервер).</translation>
    </message>
    <message>
        <source>&amp;Resume the mailing of %1 (%2 letters wait)</source>
        <translation>&amp;Продолжить рассылку от %1 (ждут писем: %2)</translation>
    </message>
    <message>
        <source>Send the offer to the %1 companies with an e-mail? Each address gets one letter.</source>
        <translation>Отправить КП компаниям с почтой (%1)? Каждый адрес получит одно письмо.</translation>
    </message>
    <message>
        <source>Give up the %1 letters the stopped mailing still holds? They will not be sent.</source>
        <translation>Отказаться от писем остановленной рассылки (%1)? Они не будут отправлены.</translation>
    </message>
    <message>
        <source>Connecting to the mail server…</source>
        <translation>Подключение к почтовому серверу…</translation>
    </message>
    <message>
        <source>Sent %1 of %2. Refused by the server: %3. Not delivered: %4. Uncertain (cut off while sending): %5. Skipped (do-not-mail): %6.</source>
        <translation>Отправлено %1 из %2. Отклонено сервером: %3. Не доставлено: %4. Под вопросом (обрыв при отправке): %5. Пропущено («не писать»): %6.</translation>
    </message>
    <message>
        <source>Stopped: %1 letters wait. Resume sends them; nobody gets a second letter.</source>
        <translation>Остановлено: ждут писем: %1. «Продолжить» отправит их; второго письма никто не получит.</translation>
    </message>
    <message>
        <source>Stopping after the letter being sent…</source>
        <translation>Остановка после письма, которое отправляется сейчас…</translation>
    </message>
</context>
<context>
    <name>MailingForm</name>
    <message>
        <source>Mailing of the offer</source>
        <translation>Рассылка КП</translation>
    </message>
    <message>
        <source>The mail server&apos;s &amp;password:</source>
        <translation>Паро&amp;ль почтового сервера:</translation>
    </message>
    <message>
        <source>&amp;keep it on this computer</source>
        <translation>&amp;сохранить на этом компьютере</translation>
    </message>
    <message>
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>&amp;Отправить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <source>&amp;Give up the rest…</source>
        <translation>От&amp;казаться от остальных…</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Ос&amp;тановить</translation>
    </message>
    <message>
        <source>&amp;Do-not-mail list…</source>
        <translation>Список «&amp;не писать»…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
</context>
<context>
    <name>MainForm</name>
    <message>
        <source>DialDesk</source>
        <translation>DialDesk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DialDesk — %1 (%2) — %3</source>
        <translation>DialDesk — %1 (%2) — %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · login %2 · role: %3 · database: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · логин %2 · роль: %3 · база: %4</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>&amp;Работа</translation>
    </message>
    <message>
        <source>&amp;Monitor</source>
        <translation>&amp;Мониторинг</translation>
    </message>
    <message>
        <source>My &amp;clients</source>
        <translation>Мои &amp;клиенты</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Обзор</translation>
    </message>
    <message>
        <source>Report&amp;s</source>
        <translation>Отч&amp;ёты</translation>
    </message>
    <message>
        <source>Se&amp;gments</source>
        <translation>Сегмен&amp;ты</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импорт</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>&amp;Кампании</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Сотрудники</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Коды</translation>
    </message>
    <message>
        <source>Sa&amp;les</source>
        <translation>Прода&amp;жи</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Журнал изменений</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Резервные копии</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Mail server…</source>
        <translation>&amp;Почтовый сервер…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Клавиши</translation>
    </message>
    <message>
        <source>&amp;About DialDesk</source>
        <translation>&amp;О программе DialDesk</translation>
    </message>
    <message>
        <source>The mail server is saved.</source>
        <translation>Почтовый сервер сохранён.</translation>
    </message>
    <message>
        <source>About DialDesk</source>
        <translation>О программе DialDesk</translation>
    </message>
    <message>
        <source>DialDesk %1: a call-centre workstation for B2B outbound sales.</source>
        <translation>DialDesk %1: рабочее место колл-центра для активных продаж B2B.</translation>
    </message>
    <message>
        <source>Outcomes not sent yet</source>
        <translation>Результаты ещё не отправлены</translation>
    </message>
    <message numerus="yes">
        <source>%n outcome(s) have not reached the server yet. They are kept on this computer and will be sent the next time you log in here. Close anyway?</source>
        <translation>
            <numerusform>%n результат ещё не дошёл до сервера. Он хранится на этом компьютере и будет отправлен, когда вы снова войдёте здесь. Всё равно закрыть?</numerusform>
            <numerusform>%n результата ещё не дошли до сервера. Они хранятся на этом компьютере и будут отправлены, когда вы снова войдёте здесь. Всё равно закрыть?</numerusform>
            <numerusform>%n результатов ещё не дошли до сервера. Они хранятся на этом компьютере и будут отправлены, когда вы снова войдёте здесь. Всё равно закрыть?</numerusform>
        </translation>
    </message>
    <message>
        <source>Outcome not saved</source>
        <translation>Результат не сохранён</translation>
    </message>
    <message>
        <source>The outcome for %1 is not saved. Close anyway? The company goes back to the queue without it.</source>
        <translation>Результат по компании %1 не сохранён. Всё равно закрыть? Компания вернётся в очередь без него.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Пароли не совпадают; ничего не изменено.</translation>
    </message>
    <message>
        <source>No password on standard input.</source>
        <translation>Пароль не передан на стандартный ввод.</translation>
    </message>
    <message>
        <source>This database holds no DialDesk data yet. An administrator must run: dialdesk db upgrade</source>
        <translation>В этой базе данных ещё нет схемы DialDesk. Администратор должен выполнить: dialdesk db upgrade</translation>
    </message>
    <message>
        <source>The database schema (revision {current}) is older than this DialDesk (revision {latest}). An administrator must run: dialdesk db upgrade</source>
        <translation>Схема базы данных (версия {current}) старее этого DialDesk (версия {latest}). Администратор должен выполнить: dialdesk db upgrade</translation>
    </message>
    <message>
        <source>The database was upgraded by a newer DialDesk (revision {current}); this DialDesk knows revisions up to {latest}. Install the newer DialDesk.</source>
        <translation>База данных обновлена более новым DialDesk (версия {current}); этот DialDesk знает версии до {latest}. Установите новую версию DialDesk.</translation>
    </message>
    <message>
        <source>The built-in database could not start in {folder}: {detail}</source>
        <translation>Встроенная база данных не запустилась в папке {folder}: {detail}</translation>
    </message>
    <message>
        <source>No header row found: none of the first {rows} rows names the columns (company name, phone, INN...).</source>
        <translation>Не найдена строка заголовков: ни одна из первых {rows} строк не называет столбцы (название компании, телефон, ИНН…).</translation>
    </message>
    <message>
        <source>Unknown field &apos;{field}&apos; in the column mapping.</source>
        <translation>Неизвестное поле «{field}» в сопоставлении столбцов.</translation>
    </message>
    <message>
        <source>Choose the column that holds the company name.</source>
        <translation>Выберите столбец с названием компании.</translation>
    </message>
    <message>
        <source>Choose the column that holds the phone numbers.</source>
        <translation>Выберите столбец с телефонами.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>No company name.</source>
        <translation>Нет названия компании.</translation>
    </message>
    <message>
        <source>No valid phone ({phones}) and no e-mail or website.</source>
        <translation>Нет верного телефона ({phones}) и нет e-mail или сайта.</translation>
    </message>
    <message>
        <source>No phone, e-mail or website to reach the company.</source>
        <translation>Нет ни телефона, ни e-mail, ни сайта, чтобы связаться с компанией.</translation>
    </message>
    <message>
        <source>There is no campaign named &apos;{name}&apos;.</source>
        <translation>Кампании «{name}» нет.</translation>
    </message>
    <message>
        <source>The period must start before it ends.</source>
        <translation>Начало периода должно быть раньше конца.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or not a spreadsheet: open it in Excel, save it again as XLSX and retry.</source>
        <translation>Файл {path} повреждён или это не таблица: откройте его в Excel, сохраните заново как XLSX и повторите.</translation>
    </message>
    <message>
        <source>The file {path} has too many rows ({rows}; at most {limit}): split it in parts.</source>
        <translation>В файле {path} слишком много строк ({rows}; не больше {limit}): разделите его на части.</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Файла {path} не существует.</translation>
    </message>
    <message>
        <source>{path} is not a spreadsheet: choose an XLSX, XLS, ODS or CSV file.</source>
        <translation>{path} — не таблица: выберите файл XLSX, XLS, ODS или CSV.</translation>
    </message>
    <message>
        <source>The file {path} is empty.</source>
        <translation>Файл {path} пуст.</translation>
    </message>
    <message>
        <source>The file {path} is too large ({mb} MB; at most {limit} MB): split it in parts.</source>
        <translation>Файл {path} слишком большой ({mb} МБ; не больше {limit} МБ): разделите его на части.</translation>
    </message>
    <message>
        <source>{path} is not a text table: choose an XLSX, XLS, ODS or CSV file.</source>
        <translation>{path} — не текстовая таблица: выберите файл XLSX, XLS, ODS или CSV.</translation>
    </message>
    <message>
        <source>The workbook has no sheet &apos;{sheet}&apos;; its sheets are: {sheets}.</source>
        <translation>В книге нет листа «{sheet}»; есть листы: {sheets}.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read as {encoding}: choose another encoding.</source>
        <translation>Файл {path} не читается в кодировке {encoding}: выберите другую кодировку.</translation>
    </message>
    <message>
        <source>The campaign needs a name.</source>
        <translation>У кампании должно быть название.</translation>
    </message>
    <message>
        <source>Calling hours must start before they end.</source>
        <translation>Часы звонков должны начинаться раньше, чем заканчиваются.</translation>
    </message>
    <message>
        <source>The script names unknown merge fields: {fields}. Use {{company}}, {{person}} or {{operator}}.</source>
        <translation>В скрипте неизвестные поля подстановки: {fields}. Используйте {{company}}, {{person}} или {{operator}}.</translation>
    </message>
    <message>
        <source>There is no campaign number {id}.</source>
        <translation>Кампании номер {id} нет.</translation>
    </message>
    <message>
        <source>The setting {field} must be between {low} and {high}.</source>
        <translation>Настройка {field} должна быть от {low} до {high}.</translation>
    </message>
    <message>
        <source>A campaign named &apos;{name}&apos; already exists.</source>
        <translation>Кампания «{name}» уже есть.</translation>
    </message>
    <message>
        <source>Restart the computer and start DialDesk again; if it happens again, send the file {log} to your administrator.</source>
        <translation>Перезагрузите компьютер и запустите DialDesk снова; если это повторится, отправьте файл {log} администратору.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>The built-in database is missing from this installation ({cause}). {advice}</source>
        <translation>В этой установке нет встроенной базы данных ({cause}). {advice}</translation>
    </message>
    <message>
        <source>The built-in database could not be prepared in {folder}. Its log says: {cause}. {advice}</source>
        <translation>Не удалось подготовить встроенную базу данных в папке {folder}. В её журнале: {cause}. {advice}</translation>
    </message>
    <message>
        <source>The built-in database in {folder} did not start. Its log says: {cause}. {advice}</source>
        <translation>Встроенная база данных в папке {folder} не запустилась. В её журнале: {cause}. {advice}</translation>
    </message>
    <message>
        <source>The language settings (locale) the log names are missing on this computer: ask the administrator to install them, then start DialDesk again.</source>
        <translation>Названных в журнале языковых настроек (локали) нет на этом компьютере: попросите администратора установить их и запустите DialDesk снова.</translation>
    </message>
    <message>
        <source>The disk is full: free some space on it and start DialDesk again.</source>
        <translation>Диск заполнен: освободите место и запустите DialDesk снова.</translation>
    </message>
    <message>
        <source>DialDesk may not write in {folder}: ask the administrator to let your user change that folder, then start DialDesk again.</source>
        <translation>DialDesk не может писать в папку {folder}: попросите администратора разрешить вашему пользователю изменять её и запустите DialDesk снова.</translation>
    </message>
    <message>
        <source>Another program holds what the database listens on: restart the computer and start DialDesk again.</source>
        <translation>Другая программа заняла адрес, на котором работает база данных: перезагрузите компьютер и запустите DialDesk снова.</translation>
    </message>
    <message>
        <source>Another DialDesk is still starting or stopping the database: wait a minute and start DialDesk again.</source>
        <translation>Другой DialDesk ещё запускает или останавливает базу данных: подождите минуту и запустите DialDesk снова.</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Отклонённые строки</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортирована</translation>
    </message>
    <message>
        <source>rejected rows</source>
        <translation>отклонённые строки</translation>
    </message>
    <message>
        <source>{field} was {length} characters long: imported cut to its first {limit} characters.</source>
        <translation>{field}: {length} символов — импортированы первые {limit}.</translation>
    </message>
    <message>
        <source>The e-mail is {length} characters long (at most {limit} fit): imported without it.</source>
        <translation>E-mail длиной {length} символов (допустимо не больше {limit}): импортировано без него.</translation>
    </message>
    <message>
        <source>INN {inn} is not a number (an INN is 10 or 12 digits): imported without it.</source>
        <translation>ИНН {inn} — не число (в ИНН 10 или 12 цифр): импортировано без ИНН.</translation>
    </message>
    <message>
        <source>INN {inn} has the wrong length (an INN is 10 or 12 digits): imported without it.</source>
        <translation>У ИНН {inn} неверная длина (в ИНН 10 или 12 цифр): импортировано без ИНН.</translation>
    </message>
    <message>
        <source>INN {inn} fails its check digits: imported without it.</source>
        <translation>ИНН {inn} не проходит проверку контрольных цифр: импортировано без ИНН.</translation>
    </message>
    <message>
        <source>The company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <source>The industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>The region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>The website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>The staff size</source>
        <translation>Численность</translation>
    </message>
    <message>
        <source>The contact person&apos;s name</source>
        <translation>ФИО контактного лица</translation>
    </message>
    <message>
        <source>The contact person&apos;s position</source>
        <translation>Должность контактного лица</translation>
    </message>
    <message>
        <source>Someone else changed this company while you were editing it. Your changes were not saved; compare and save again.</source>
        <translation>Пока вы редактировали компанию, её изменил кто-то другой. Ваши изменения не сохранены; сравните и сохраните снова.</translation>
    </message>
    <message>
        <source>These fields cannot be edited: {fields}.</source>
        <translation>Эти поля нельзя изменять: {fields}.</translation>
    </message>
    <message>
        <source>The company name cannot be empty.</source>
        <translation>Название компании не может быть пустым.</translation>
    </message>
    <message>
        <source>The phone {phone} is not a phone number: write it with its area code, like +7 383 353-03-67 or 8 (913) 209-72-63.</source>
        <translation>{phone} — не номер телефона: укажите его с кодом города, например +7 383 353-03-67 или 8 (913) 209-72-63.</translation>
    </message>
    <message>
        <source>The e-mail {email} is not an address: it needs a name, @ and a domain, like sidorov@romashka.ru.</source>
        <translation>{email} — не адрес e-mail: нужны имя, @ и домен, например sidorov@romashka.ru.</translation>
    </message>
    <message>
        <source>Write the contact person&apos;s name.</source>
        <translation>Укажите имя контактного лица.</translation>
    </message>
    <message>
        <source>Unknown contact role &apos;{role}&apos;.</source>
        <translation>Неизвестная роль контакта «{role}».</translation>
    </message>
    <message>
        <source>This contact person no longer exists.</source>
        <translation>Этого контактного лица больше нет.</translation>
    </message>
    <message>
        <source>The code &apos;{code}&apos; is not allowed: use 2 to 40 lower-case Latin letters, digits or &apos;_&apos;, starting with a letter.</source>
        <translation>Код «{code}» не подходит: от 2 до 40 строчных латинских букв, цифр или «_», первой — буква.</translation>
    </message>
    <message>
        <source>Give the code a Russian and an English label.</source>
        <translation>Дайте коду русское и английское название.</translation>
    </message>
    <message>
        <source>The key &apos;{key}&apos; is not allowed: use F1 to F12.</source>
        <translation>Клавиша «{key}» не подходит: используйте F1–F12.</translation>
    </message>
    <message>
        <source>The setting {field} must be at least 1 or empty.</source>
        <translation>Настройка {field} должна быть не меньше 1 или пустой.</translation>
    </message>
    <message>
        <source>The key {key} already chooses &apos;{code}&apos;.</source>
        <translation>Клавиша {key} уже выбирает «{code}».</translation>
    </message>
    <message>
        <source>The number of demo companies must be at least 1.</source>
        <translation>Количество демонстрационных компаний должно быть не меньше 1.</translation>
    </message>
    <message>
        <source>Demo logins already exist on this server: {logins}. Remove them, or load the demo into a fresh server.</source>
        <translation>Демонстрационные логины уже есть на этом сервере: {logins}. Удалите их или загрузите демо на новый сервер.</translation>
    </message>
    <message>
        <source>The base already holds {count} companies; demo data is loaded only into an empty base.</source>
        <translation>В базе уже есть компании ({count}); демонстрационные данные загружаются только в пустую базу.</translation>
    </message>
    <message>
        <source>No phone numbers found in {path}.</source>
        <translation>В файле {path} не найдено телефонов.</translation>
    </message>
    <message>
        <source>The login &apos;{login}&apos; is not allowed: use lower-case Latin letters, digits, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>Логин «{login}» недопустим: используйте строчные латинские буквы, цифры, «_» или «.».</translation>
    </message>
    <message>
        <source>The login &apos;{login}&apos; is reserved for DialDesk itself; choose another.</source>
        <translation>Логин «{login}» зарезервирован для самого DialDesk; выберите другой.</translation>
    </message>
    <message>
        <source>The login &apos;{login}&apos; already exists on this database server.</source>
        <translation>Логин «{login}» уже существует на этом сервере баз данных.</translation>
    </message>
    <message>
        <source>There is no DialDesk user &apos;{login}&apos;.</source>
        <translation>Пользователя DialDesk «{login}» нет.</translation>
    </message>
    <message>
        <source>Cannot reach the database: {detail}</source>
        <translation>Нет связи с базой данных: {detail}</translation>
    </message>
    <message>
        <source>The database refused: {detail}</source>
        <translation>База данных отказала: {detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>There is no import number {batch}.</source>
        <translation>Импорта номер {batch} нет.</translation>
    </message>
    <message>
        <source>The backup could not be written: {detail}</source>
        <translation>Резервную копию не удалось записать: {detail}</translation>
    </message>
    <message>
        <source>&apos;{login}&apos; cannot log in any more, but the database&apos;s owner ({owner}) may not end their open sessions: the server&apos;s administrator must grant it the pg_signal_backend role.</source>
        <translation>«{login}» больше не может войти, но владелец базы ({owner}) не может завершить его открытые сеансы: администратор сервера должен выдать владельцу роль pg_signal_backend.</translation>
    </message>
    <message>
        <source>Import number {batch} has already been undone.</source>
        <translation>Импорт номер {batch} уже отменён.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Дайте шаблону название.</translation>
    </message>
    <message>
        <source>There is no import template &apos;{name}&apos;.</source>
        <translation>Шаблона импорта «{name}» нет.</translation>
    </message>
    <message>
        <source>Choose the campaign the companies go to.</source>
        <translation>Выберите кампанию, в которую попадут компании.</translation>
    </message>
    <message>
        <source>The file has no rows under its header (row {row}): nothing was imported.</source>
        <translation>В файле нет строк под шапкой (строка {row}): ничего не импортировано.</translation>
    </message>
    <message>
        <source>The field {field} is {length} characters long; at most {limit} fit.</source>
        <translation>Поле {field} длиной {length} символов; помещается не больше {limit}.</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Введите свой логин.</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>Неверный логин или пароль.</translation>
    </message>
    <message>
        <source>This login is disabled; ask an administrator.</source>
        <translation>Этот логин отключён; обратитесь к администратору.</translation>
    </message>
    <message>
        <source>{name} is on this company now.</source>
        <translation>С этой компанией сейчас работает {name}.</translation>
    </message>
    <message>
        <source>This company is no longer in the campaign.</source>
        <translation>Этой компании больше нет в кампании.</translation>
    </message>
    <message>
        <source>This company&apos;s campaign is stopped.</source>
        <translation>Кампания этой компании остановлена.</translation>
    </message>
    <message>
        <source>The campaign&apos;s work with this company is finished.</source>
        <translation>Работа кампании с этой компанией завершена.</translation>
    </message>
    <message>
        <source>This callback has already been made or cancelled.</source>
        <translation>Этот перезвон уже сделан или отменён.</translation>
    </message>
    <message>
        <source>This callback is {name}&apos;s until its grace period ends.</source>
        <translation>Этот перезвон закреплён за сотрудником {name}, пока не истечёт время ожидания.</translation>
    </message>
    <message>
        <source>This callback is not in any campaign&apos;s queue.</source>
        <translation>Этот перезвон не входит ни в одну кампанию.</translation>
    </message>
    <message>
        <source>Unknown operator state &apos;{state}&apos;.</source>
        <translation>Неизвестное состояние оператора «{state}».</translation>
    </message>
    <message>
        <source>Choose the reason for the pause.</source>
        <translation>Выберите причину паузы.</translation>
    </message>
    <message>
        <source>The extension {extension} is not one: write up to {limit} digits.</source>
        <translation>{extension} — не добавочный номер: укажите до {limit} цифр.</translation>
    </message>
    <message>
        <source>The company already has the number {phone}.</source>
        <translation>У компании уже есть номер {phone}.</translation>
    </message>
    <message>
        <source>This number is no longer on the company&apos;s card.</source>
        <translation>Этого номера больше нет в карточке компании.</translation>
    </message>
    <message>
        <source>A questionnaire holds at most {n} questions.</source>
        <translation>В анкете может быть не больше {n} вопросов.</translation>
    </message>
    <message>
        <source>Question {n}: calls have answered {values}; keep those answers among the choices.</source>
        <translation>Вопрос {n}: в звонках уже отвечали {values}; оставьте эти ответы среди вариантов.</translation>
    </message>
    <message>
        <source>Question {n} has no text.</source>
        <translation>У вопроса {n} нет текста.</translation>
    </message>
    <message>
        <source>Question {n} repeats an earlier question.</source>
        <translation>Вопрос {n} повторяет один из предыдущих.</translation>
    </message>
    <message>
        <source>Question {n} has an unknown kind &apos;{kind}&apos;.</source>
        <translation>У вопроса {n} неизвестный вид ответа «{kind}».</translation>
    </message>
    <message>
        <source>Question {n} offers a choice: give it at least two answers.</source>
        <translation>Вопрос {n} — выбор из списка: дайте хотя бы два варианта.</translation>
    </message>
    <message>
        <source>Question {n} was removed by someone else meanwhile; reload the campaign.</source>
        <translation>Вопрос {n} тем временем удалил кто-то другой; откройте кампанию заново.</translation>
    </message>
    <message>
        <source>Question {n} has been answered already ({count} times); its kind cannot change. Add a new question instead.</source>
        <translation>На вопрос {n} уже отвечали ({count} раз); вид ответа менять нельзя. Добавьте новый вопрос.</translation>
    </message>
    <message>
        <source>Companies by group</source>
        <translation>Компании по группам</translation>
    </message>
    <message>
        <source>Contacts by industry and month</source>
        <translation>Контакты по отраслям и месяцам</translation>
    </message>
    <message>
        <source>Movement between groups</source>
        <translation>Переходы между группами</translation>
    </message>
    <message>
        <source>Answers by segment</source>
        <translation>Ответы по сегментам</translation>
    </message>
    <message>
        <source>Structure of the base</source>
        <translation>Структура базы</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Callback discipline</source>
        <translation>Дисциплина перезвонов</translation>
    </message>
    <message>
        <source>Company history</source>
        <translation>История компании</translation>
    </message>
    <message>
        <source>There is no report &apos;{name}&apos;; the reports are: {names}.</source>
        <translation>Отчёта «{name}» нет; есть отчёты: {names}.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Unknown attribute &apos;{by}&apos;; use one of: {names}.</source>
        <translation>Неизвестный признак «{by}»; можно: {names}.</translation>
    </message>
    <message>
        <source>Choose a yes/no or choice question of the questionnaire.</source>
        <translation>Выберите вопрос анкеты с ответом «да / нет» или выбором из списка.</translation>
    </message>
    <message>
        <source>There is no backup file {file}.</source>
        <translation>Файла резервной копии {file} нет.</translation>
    </message>
    <message>
        <source>{file} is damaged: the data of {tables} is missing.</source>
        <translation>Файл {file} повреждён: в нём нет данных таблиц {tables}.</translation>
    </message>
    <message>
        <source>{file} is damaged: {detail}</source>
        <translation>Файл {file} повреждён: {detail}</translation>
    </message>
    <message>
        <source>{file} is not a DialDesk backup, or it is damaged (cut short?): {detail}</source>
        <translation>Файл {file} — не резервная копия DialDesk или повреждён (обрезан?): {detail}</translation>
    </message>
    <message>
        <source>The database holds no DialDesk schema: nothing to back up.</source>
        <translation>В базе данных нет схемы DialDesk: копировать нечего.</translation>
    </message>
    <message>
        <source>This backup was written by a newer DialDesk; update DialDesk.</source>
        <translation>Эта резервная копия записана более новой версией DialDesk; обновите DialDesk.</translation>
    </message>
    <message>
        <source>This is not a DialDesk backup (its manifest is unreadable).</source>
        <translation>Это не резервная копия DialDesk (её опись не читается).</translation>
    </message>
    <message>
        <source>Restoring failed, and nothing was restored: {detail}</source>
        <translation>Восстановить не удалось, ничего не восстановлено: {detail}</translation>
    </message>
    <message>
        <source>The database {database} already holds a DialDesk base; restore into a new, empty database.</source>
        <translation>В базе данных {database} уже есть база DialDesk; восстанавливайте в новую, пустую базу данных.</translation>
    </message>
    <message>
        <source>This backup comes from a newer DialDesk (schema {revision}); update DialDesk before restoring it.</source>
        <translation>Эта копия сделана более новой версией DialDesk (схема {revision}); обновите DialDesk, прежде чем её восстанавливать.</translation>
    </message>
    <message>
        <source>Restoring {file} failed ({detail}); the base is back as it was before.</source>
        <translation>Восстановить {file} не удалось ({detail}); база возвращена в прежнее состояние.</translation>
    </message>
    <message>
        <source>The database {database} already exists: name a new one.</source>
        <translation>База данных {database} уже есть: назовите новую.</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s {program} is missing from this installation.</source>
        <translation>В этой установке нет программы PostgreSQL {program}.</translation>
    </message>
    <message>
        <source>Restoring replaces the built-in base; add --yes to confirm it without a prompt.</source>
        <translation>Восстановление заменит встроенную базу; добавьте --yes, чтобы подтвердить без вопроса.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Ничего не восстановлено.</translation>
    </message>
    <message>
        <source>The file {path} could not be read: {detail}</source>
        <translation>Файл {path} не удалось прочитать: {detail}</translation>
    </message>
    <message>
        <source>The file {path} needs more memory than a list may take: split it in parts.</source>
        <translation>Файлу {path} нужно больше памяти, чем допустимо для списка: разделите его на части.</translation>
    </message>
    <message>
        <source>Reading {path} took longer than {minutes} minutes and was stopped: open it in Excel, save it again as XLSX and retry.</source>
        <translation>Чтение {path} заняло больше {minutes} мин. и было остановлено: откройте файл в Excel, сохраните заново как XLSX и повторите.</translation>
    </message>
    <message>
        <source>The file {path} could not be read: the spreadsheet reader stopped on it (code {code}). Open it in Excel, save it again as XLSX and retry.</source>
        <translation>Файл {path} не удалось прочитать: чтение таблицы на нём прервалось (код {code}). Откройте файл в Excel, сохраните заново как XLSX и повторите.</translation>
    </message>
    <message>
        <source>The file {path} unpacks to {mb} MB (at most {limit} MB): split it in parts.</source>
        <translation>Файл {path} в распакованном виде занимает {mb} МБ (допустимо не больше {limit} МБ): разделите его на части.</translation>
    </message>
    <message>
        <source>Line {line} of {path} cannot be split into cells with the delimiter {delimiter} ({detail}): choose another delimiter, or save the file from Excel again.</source>
        <translation>Строку {line} файла {path} не удаётся разбить на ячейки разделителем {delimiter} ({detail}): выберите другой разделитель или сохраните файл из Excel заново.</translation>
    </message>
    <message>
        <source>A colleague has changed this contact person meanwhile (now: {name}, {phone}, {email}); nothing was overwritten. Close the window and open the contact again.</source>
        <translation>Пока окно было открыто, коллега изменил это контактное лицо (сейчас: {name}, {phone}, {email}); ничего не перезаписано. Закройте окно и откройте контакт снова.</translation>
    </message>
    <message>
        <source>Answer “{question}” first: it must be answered on a contact.</source>
        <translation>Сначала ответьте на вопрос «{question}»: при разговоре он обязателен.</translation>
    </message>
    <message>
        <source>The answers given are not to this campaign&apos;s questions; the outcome was not saved.</source>
        <translation>Ответы относятся не к вопросам этой кампании; результат не сохранён.</translation>
    </message>
    <message>
        <source>You can work only in your own name.</source>
        <translation>Работать можно только от своего имени.</translation>
    </message>
    <message>
        <source>This company was not given to you by the queue; the outcome was not saved.</source>
        <translation>Эту компанию вам не выдавала очередь; результат не сохранён.</translation>
    </message>
    <message>
        <source>The call&apos;s times lie outside the time you held this company: check this workstation&apos;s clock. The outcome was not saved.</source>
        <translation>Время звонка не попадает во время, когда компания была у вас: проверьте часы на этом компьютере. Результат не сохранён.</translation>
    </message>
    <message>
        <source>The phone or contact person chosen is not this company&apos;s.</source>
        <translation>Выбранный телефон или контактное лицо не относится к этой компании.</translation>
    </message>
    <message>
        <source>The person chosen for the hand-off is not an expert.</source>
        <translation>Выбранный для передачи сотрудник — не эксперт.</translation>
    </message>
    <message>
        <source>You no longer hold this company (your claim has ended), so it cannot be changed; open it again from the queue or the search.</source>
        <translation>Эта компания больше не у вас (время работы с ней истекло), поэтому изменить её нельзя; откройте её снова из очереди или через поиск.</translation>
    </message>
    <message>
        <source>A colleague has corrected this number meanwhile (now: {phone}); nothing was overwritten. Close the window and open the number again.</source>
        <translation>Пока окно было открыто, коллега исправил этот номер (сейчас: {phone}); ничего не перезаписано. Закройте окно и откройте номер снова.</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компаний</translation>
    </message>
    <message>
        <source>{option} wants NAME=VALUE, not &apos;{value}&apos;.</source>
        <translation>{option} ждёт ИМЯ=ЗНАЧЕНИЕ, а не «{value}».</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;: use operator, supervisor, marketer, expert or admin.</source>
        <translation>Неизвестная роль «{role}»: укажите operator, supervisor, marketer, expert или admin.</translation>
    </message>
    <message>
        <source>This hand-off is not yours: it was made for another expert.</source>
        <translation>Эта передача не ваша: она сделана другому эксперту.</translation>
    </message>
    <message>
        <source>This hand-off has already been accepted or returned.</source>
        <translation>Эту передачу уже приняли или вернули.</translation>
    </message>
    <message>
        <source>Write why you return this company: the supervisor reads it.</source>
        <translation>Напишите, почему вы возвращаете компанию: это прочитает супервайзер.</translation>
    </message>
    <message>
        <source>This company is not your client, so nothing was saved on it.</source>
        <translation>Эта компания — не ваш клиент, поэтому ничего не сохранено.</translation>
    </message>
    <message>
        <source>Unknown result &apos;{kind}&apos;: choose what happened on this contact.</source>
        <translation>Неизвестный результат «{kind}»: выберите, чем закончился контакт.</translation>
    </message>
    <message>
        <source>A contact is recorded when it was made: its time may not be ahead.</source>
        <translation>Контакт записывают, когда он уже состоялся: его время не может быть в будущем.</translation>
    </message>
    <message>
        <source>An amount cannot be below zero.</source>
        <translation>Сумма не может быть меньше нуля.</translation>
    </message>
    <message>
        <source>Write the deal&apos;s amount: a won deal counts in the reports by it.</source>
        <translation>Укажите сумму сделки: выигранная сделка учитывается в отчётах по сумме.</translation>
    </message>
    <message>
        <source>Choose why the deal was lost.</source>
        <translation>Выберите причину проигрыша сделки.</translation>
    </message>
    <message>
        <source>The planned contact chosen is not your pending one for this company.</source>
        <translation>Выбранный запланированный контакт — не ваш открытый контакт по этой компании.</translation>
    </message>
    <message>
        <source>Choose another active expert to take the client.</source>
        <translation>Выберите другого активного эксперта, который примет клиента.</translation>
    </message>
    <message>
        <source>Sleeping clients go only into a campaign of former clients; choose one of those.</source>
        <translation>Спящих клиентов ставят только в кампанию брошенных клиентов; выберите такую.</translation>
    </message>
    <message>
        <source>The file {path} holds no table: save the list from the program again as Excel or CSV.</source>
        <translation>В файле {path} нет таблицы: выгрузите список из программы ещё раз в Excel или CSV.</translation>
    </message>
    <message>
        <source>OKVED {value} is not a code like 62.01: imported without it.</source>
        <translation>ОКВЭД «{value}» — не код вида 62.01: импортировано без него.</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not a date: imported without it.</source>
        <translation>{field} «{value}» — не дата: импортировано без неё.</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is not a sum of money: imported without it.</source>
        <translation>{field} «{value}» — не сумма денег: импортировано без неё.</translation>
    </message>
    <message>
        <source>{number} {value} is not a number ({number} is {length}): imported without it.</source>
        <translation>{number} {value} — не число ({number} — это {length}): импортировано без него.</translation>
    </message>
    <message>
        <source>{number} {value} has the wrong length ({number} is {length}): imported without it.</source>
        <translation>{number} {value} неверной длины ({number} — это {length}): импортировано без него.</translation>
    </message>
    <message>
        <source>{number} {value} fails its check digit: imported without it.</source>
        <translation>{number} {value} не проходит проверку контрольной цифры: импортировано без него.</translation>
    </message>
    <message>
        <source>9 characters</source>
        <translation>9 знаков</translation>
    </message>
    <message>
        <source>13 digits, or 15 for an OGRNIP</source>
        <translation>13 цифр, или 15 для ОГРНИП</translation>
    </message>
    <message>
        <source>The date created</source>
        <translation>Дата создания</translation>
    </message>
    <message>
        <source>The date of the last contact</source>
        <translation>Дата последнего контакта</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Клиент с</translation>
    </message>
    <message>
        <source>The last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>The total bought</source>
        <translation>Сумма покупок</translation>
    </message>
    <message>
        <source>The responsible manager</source>
        <translation>Ответственный менеджер</translation>
    </message>
    <message>
        <source>The group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>The last contact&apos;s result</source>
        <translation>Результат последнего контакта</translation>
    </message>
    <message>
        <source>The last contact&apos;s comment</source>
        <translation>Комментарий к последнему контакту</translation>
    </message>
    <message>
        <source>Who made the last contact</source>
        <translation>Кто провёл последний контакт</translation>
    </message>
    <message>
        <source>The code &apos;{code}&apos; is already used; choose another.</source>
        <translation>Код «{code}» уже занят; выберите другой.</translation>
    </message>
    <message>
        <source>This company is no longer yours to see; read the lists again.</source>
        <translation>Эта компания вам больше не доступна; обновите списки.</translation>
    </message>
    <message>
        <source>An expert&apos;s time to take a hand-off is from 1 to 200 working hours.</source>
        <translation>Время эксперта на приём передачи — от 1 до 200 рабочих часов.</translation>
    </message>
    <message>
        <source>A client sleeps after 7 to 3650 days without a purchase.</source>
        <translation>Клиент считается спящим через 7–3650 дней без покупок.</translation>
    </message>
    <message>
        <source>Write the reason as people will read it.</source>
        <translation>Напишите причину так, как её будут читать.</translation>
    </message>
    <message>
        <source>A reason is at most 100 characters long.</source>
        <translation>Причина — не длиннее 100 символов.</translation>
    </message>
    <message>
        <source>Write the product as the deals name it.</source>
        <translation>Напишите продукт так, как он назван в сделках.</translation>
    </message>
    <message>
        <source>A product is at most 200 characters long.</source>
        <translation>Продукт — не длиннее 200 символов.</translation>
    </message>
    <message>
        <source>The reason &apos;{label}&apos; is on the list already.</source>
        <translation>Причина «{label}» уже есть в списке.</translation>
    </message>
    <message>
        <source>Choose the reactivation campaign they go to.</source>
        <translation>Выберите кампанию реактивации, в которую они пойдут.</translation>
    </message>
    <message>
        <source>Tick the clients to wake.</source>
        <translation>Отметьте клиентов, которых нужно разбудить.</translation>
    </message>
    <message>
        <source>Choose what happened on this contact.</source>
        <translation>Выберите, чем закончился контакт.</translation>
    </message>
    <message>
        <source>Choose the kind of the next contact.</source>
        <translation>Выберите вид следующего контакта.</translation>
    </message>
    <message>
        <source>{name} is not an expert; an expert&apos;s planned contacts go only to experts.</source>
        <translation>{name} — не эксперт; запланированные контакты эксперта передаются только экспертам.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not an e-mail address: write it like name@company.ru.</source>
        <translation>«{address}» — не адрес электронной почты: напишите его так: name@company.ru.</translation>
    </message>
    <message>
        <source>The mail server did not take the letter to {email} ({error}); nothing was sent.</source>
        <translation>Почтовый сервер не принял письмо на {email} ({error}); ничего не отправлено.</translation>
    </message>
    <message>
        <source>The mail server refused the address {email} ({error}); it is put on the do-not-mail list.</source>
        <translation>Почтовый сервер отклонил адрес {email} ({error}); адрес внесён в список «не писать».</translation>
    </message>
    <message>
        <source>The connection to the mail server was lost while it took the letter to {email}: it may or may not have gone. It is logged as uncertain; check with the client before sending again.</source>
        <translation>Связь с почтовым сервером прервалась, пока он принимал письмо на {email}: оно могло уйти, а могло и нет. В журнале оно отмечено как «неизвестно»; уточните у клиента, прежде чем отправлять снова.</translation>
    </message>
    <message>
        <source>{email} is on the do-not-mail list: no letter goes to it.</source>
        <translation>{email} в списке «не писать»: письма на этот адрес не отправляются.</translation>
    </message>
    <message>
        <source>This letter is not being sent by you, so it was not marked.</source>
        <translation>Это письмо отправляете не вы, поэтому отметить его нельзя.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>the system refused to write it</source>
        <translation>система не дала его записать</translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation>его папки нет</translation>
    </message>
    <message>
        <source>no right to write there, or the file is open in another program</source>
        <translation>нет прав на запись в эту папку, или файл открыт в другой программе</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>там уже есть папка с таким именем</translation>
    </message>
    <message>
        <source>None of the campaigns this client was called in has an offer: the marketer writes it first.</source>
        <translation>Ни у одной кампании, в которой звонили этому клиенту, нет КП: сначала его составляет маркетолог.</translation>
    </message>
    <message>
        <source>The campaign&apos;s offer or the mail server is missing: nothing was sent.</source>
        <translation>Нет КП кампании или не настроен почтовый сервер: ничего не отправлено.</translation>
    </message>
    <message>
        <source>This mailing is being sent from another workstation right now.</source>
        <translation>Эта рассылка прямо сейчас отправляется с другого рабочего места.</translation>
    </message>
    <message>
        <source>The mail server did not take a letter ({error}); the mailing stopped and goes on from where it stopped when resumed.</source>
        <translation>Почтовый сервер не принял письмо ({error}); рассылка остановлена и при возобновлении продолжится с того же места.</translation>
    </message>
    <message>
        <source>{name} cannot be attached: attach PDF, DOCX, XLSX, DOC or XLS files.</source>
        <translation>{name} нельзя вложить: вкладывайте файлы PDF, DOCX, XLSX, DOC или XLS.</translation>
    </message>
    <message>
        <source>Write the offer&apos;s subject.</source>
        <translation>Напишите тему письма с КП.</translation>
    </message>
    <message>
        <source>Write the offer&apos;s text.</source>
        <translation>Напишите текст КП.</translation>
    </message>
    <message>
        <source>The {where} has an unclosed brace: write merge fields as {{company}}; a brace itself as {{{{ or }}}}.</source>
        <translation>В поле «{where}» не закрыта фигурная скобка: поля подстановки пишутся так: {{company}}; сама скобка — {{{{ или }}}}.</translation>
    </message>
    <message>
        <source>The {where} has an unknown merge field {{{name}}}: use {fields}.</source>
        <translation>В поле «{where}» неизвестное поле подстановки {{{name}}}: используйте {fields}.</translation>
    </message>
    <message>
        <source>{name} is {mb} MB; an attachment may be at most {limit} MB.</source>
        <translation>{name} занимает {mb} МБ; вложение может быть не больше {limit} МБ.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {detail}</source>
        <translation>Не удаётся прочитать {name}: {detail}</translation>
    </message>
    <message>
        <source>Choose the connection&apos;s security: SSL, STARTTLS or none.</source>
        <translation>Выберите защиту соединения: SSL, STARTTLS или без защиты.</translation>
    </message>
    <message>
        <source>The port {port} is not a port: 1 to 65535.</source>
        <translation>{port} — не номер порта: от 1 до 65535.</translation>
    </message>
    <message>
        <source>Write the sender&apos;s address: letters go from it.</source>
        <translation>Напишите адрес отправителя: письма уходят с него.</translation>
    </message>
    <message>
        <source>Letters per minute: 1 to 100000.</source>
        <translation>Писем в минуту: от 1 до 100000.</translation>
    </message>
    <message>
        <source>This computer has no safe place for the mail server&apos;s password ({detail}); it was not kept.</source>
        <translation>На этом компьютере нет защищённого хранилища для пароля почтового сервера ({detail}); пароль не сохранён.</translation>
    </message>
    <message>
        <source>Offers by e-mail</source>
        <translation>КП по почте</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Эксперты</translation>
    </message>
    <message>
        <source>Campaign payback</source>
        <translation>Окупаемость кампаний</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Повторные покупки</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Ответили</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>Promised for</source>
        <translation>Кому перезвонить</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>Вовремя</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation>Ещё впереди</translation>
    </message>
    <message>
        <source>On time, % of those due by now</source>
        <translation>Вовремя, % от наступивших</translation>
    </message>
    <message>
        <source>Type a company&apos;s name, INN or phone number.</source>
        <translation>Введите название компании, ИНН или номер телефона.</translation>
    </message>
    <message>
        <source>No company matches &apos;{text}&apos;.</source>
        <translation>Компаний по запросу «{text}» не найдено.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Several companies match; the closest is shown.</source>
        <translation>Подходит несколько компаний; показана самая близкая.</translation>
    </message>
    <message>
        <source>Former clients won back (warm or hot)</source>
        <translation>Возвращено брошенных клиентов (тёплые или горячие)</translation>
    </message>
    <message>
        <source>Reason for leaving: %1</source>
        <translation>Причина ухода: %1</translation>
    </message>
    <message>
        <source>In the base</source>
        <translation>В базе</translation>
    </message>
    <message>
        <source>Dialled</source>
        <translation>Набраны</translation>
    </message>
    <message>
        <source>Reached someone</source>
        <translation>Дозвонились</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Warm or hot</source>
        <translation>Тёплые или горячие</translation>
    </message>
    <message>
        <source>Handed to an expert</source>
        <translation>Переданы эксперту</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Of the base, %</source>
        <translation>От базы, %</translation>
    </message>
    <message>
        <source>Of the stage before, %</source>
        <translation>От предыдущего этапа, %</translation>
    </message>
    <message>
        <source>not called yet</source>
        <translation>ещё не звонили</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(не указано)</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Staff size</source>
        <translation>Численность</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>From \ to</source>
        <translation>Из \ в</translation>
    </message>
    <message>
        <source>Share, %</source>
        <translation>Доля, %</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Звонили</translation>
    </message>
    <message>
        <source>%1 — from the card</source>
        <translation>%1 — из карточки</translation>
    </message>
    <message>
        <source>%1 — mailing to a list</source>
        <translation>%1 — рассылка по списку</translation>
    </message>
    <message>
        <source>Campaign — segment</source>
        <translation>Кампания — сегмент</translation>
    </message>
    <message>
        <source>Letters sent</source>
        <translation>Писем отправлено</translation>
    </message>
    <message>
        <source>Companies written to</source>
        <translation>Компаний, кому писали</translation>
    </message>
    <message>
        <source>Follow-up calls planned</source>
        <translation>Контрольных звонков запланировано</translation>
    </message>
    <message>
        <source>Follow-up calls made</source>
        <translation>Контрольных звонков сделано</translation>
    </message>
    <message>
        <source>Called after the letter</source>
        <translation>Звонили после письма</translation>
    </message>
    <message>
        <source>Contact after the letter</source>
        <translation>Контакт после письма</translation>
    </message>
    <message>
        <source>Warm or hot after the letter</source>
        <translation>Тёплые или горячие после письма</translation>
    </message>
    <message>
        <source>Reached, % of those written to</source>
        <translation>Дозвонились, % от получивших</translation>
    </message>
    <message>
        <source>Warm or hot, % of those written to</source>
        <translation>Тёплые или горячие, % от получивших</translation>
    </message>
    <message>
        <source>Reached, % of those called</source>
        <translation>Дозвонились, % от тех, кому звонили</translation>
    </message>
    <message>
        <source>Won, amount</source>
        <translation>Выиграно, сумма</translation>
    </message>
    <message>
        <source>Days from hand-off to the expert&apos;s first contact (average)</source>
        <translation>Дней от передачи до первого контакта эксперта (в среднем)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(не указано)</translation>
    </message>
    <message>
        <source>Clients won back by reactivation</source>
        <translation>Клиентов возвращено реактивацией</translation>
    </message>
    <message>
        <source>Won back, amount</source>
        <translation>Возвращено, сумма</translation>
    </message>
    <message>
        <source>A healthy base: 67 % or more buy a second time.</source>
        <translation>Здоровая база: 67 % и больше покупают второй раз.</translation>
    </message>
    <message>
        <source>Accepted by the expert</source>
        <translation>Принято экспертом</translation>
    </message>
    <message>
        <source>First contact by the expert</source>
        <translation>Первый контакт эксперта</translation>
    </message>
    <message>
        <source>Offer sent</source>
        <translation>КП отправлено</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Сделка выиграна</translation>
    </message>
    <message>
        <source>The payback is shown by {choices}, not by &apos;{by}&apos;.</source>
        <translation>Окупаемость показывается по: {choices}, а не по «{by}».</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>Month of the first deal</source>
        <translation>Месяц первой сделки</translation>
    </message>
    <message>
        <source>Handed</source>
        <translation>Передано</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Contacts planned</source>
        <translation>Контактов запланировано</translation>
    </message>
    <message>
        <source>Planned and done</source>
        <translation>Из них выполнено</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>Просрочено сейчас</translation>
    </message>
    <message>
        <source>Contacts made</source>
        <translation>Контактов проведено</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Встреч</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>КП</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>Сделок выиграно</translation>
    </message>
    <message>
        <source>Deals lost</source>
        <translation>Сделок проиграно</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Companies handed</source>
        <translation>Компаний передано</translation>
    </message>
    <message>
        <source>Won, % of handed</source>
        <translation>Выиграно, % от переданных</translation>
    </message>
    <message>
        <source>Clients with a first deal</source>
        <translation>Клиентов с первой сделкой</translation>
    </message>
    <message>
        <source>With a second</source>
        <translation>Со второй</translation>
    </message>
    <message>
        <source>Bought again, %</source>
        <translation>Купили повторно, %</translation>
    </message>
    <message>
        <source>Save an outcome or release this company first.</source>
        <translation>Сначала сохраните результат или верните компанию в очередь.</translation>
    </message>
    <message>
        <source>You are on a pause; press Ctrl+P to go back to work.</source>
        <translation>У вас пауза; нажмите Ctrl+P, чтобы вернуться к работе.</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>This campaign has no offer yet: the marketer writes it first.</source>
        <translation>У этой кампании ещё нет КП: сначала его пишет маркетолог.</translation>
    </message>
    <message>
        <source>This campaign has no offer yet: write it first.</source>
        <translation>У этой кампании ещё нет КП: сначала напишите его.</translation>
    </message>
    <message>
        <source>A mailing goes through the mail server: the admin sets it first.</source>
        <translation>Рассылка идёт через почтовый сервер: сначала его настраивает администратор.</translation>
    </message>
    <message>
        <source>The mail server {server} refused the login &apos;{login}&apos;: the admin checks the password kept on this computer.</source>
        <translation>Почтовый сервер {server} не принял вход «{login}»: администратор проверяет пароль, сохранённый на этом компьютере.</translation>
    </message>
    <message>
        <source>The mail server {server} does not offer {what}: the admin changes the connection&apos;s security or the login.</source>
        <translation>Почтовый сервер {server} не поддерживает {what}: администратор меняет защиту соединения или вход.</translation>
    </message>
    <message>
        <source>Cannot reach the mail server {server}: {detail}. The admin checks its address and port, or the network.</source>
        <translation>Нет связи с почтовым сервером {server}: {detail}. Администратор проверяет его адрес и порт или сеть.</translation>
    </message>
    <message>
        <source>Contacts per working day</source>
        <translation>Контактов в рабочий день</translation>
    </message>
    <message>
        <source>Organisations per working day</source>
        <translation>Организаций в рабочий день</translation>
    </message>
    <message>
        <source>Count either contacts or organisations, not &apos;{count}&apos;.</source>
        <translation>Считать можно контакты или организации, а не «{count}».</translation>
    </message>
    <message>
        <source>Count working days &apos;with_calls&apos; or by the &apos;calendar&apos;, not &apos;{rule}&apos;.</source>
        <translation>Рабочие дни считаются «with_calls» (дни со звонками) или «calendar» (по календарю), а не «{rule}».</translation>
    </message>
    <message>
        <source>Organisations can be counted over at most {n} months; choose a shorter period.</source>
        <translation>Организации можно считать не больше чем за {n} месяцев; выберите период короче.</translation>
    </message>
    <message>
        <source>Organisations contacted by industry and month</source>
        <translation>Организации с контактом по отраслям и месяцам</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Рабочих дней</translation>
    </message>
    <message>
        <source>%1, min</source>
        <translation>%1, мин</translation>
    </message>
    <message>
        <source>Contacts per hour are shown for at least a quarter of an hour of work (waiting and on cards, or the calls&apos; own length when longer).</source>
        <translation>Контакты в час показаны, если работы было хотя бы четверть часа (ожидание и карточки или сама длительность звонков, если она больше).</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Contact rate, %</source>
        <translation>Доля контактов, %</translation>
    </message>
    <message>
        <source>Contacts per hour</source>
        <translation>Контактов в час</translation>
    </message>
    <message>
        <source>On cards, min</source>
        <translation>На карточках, мин</translation>
    </message>
    <message>
        <source>Waiting, min</source>
        <translation>Ожидание, мин</translation>
    </message>
    <message>
        <source>Paused, min</source>
        <translation>Перерывы, мин</translation>
    </message>
    <message>
        <source>Plan: calls</source>
        <translation>План: звонки</translation>
    </message>
    <message>
        <source>Plan: contacts</source>
        <translation>План: контакты</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>The segment needs a name.</source>
        <translation>У сегмента должно быть название.</translation>
    </message>
    <message>
        <source>Rank a segment A, B or C, not &apos;{rank}&apos;.</source>
        <translation>Ранг сегмента — A, B или C, а не «{rank}».</translation>
    </message>
    <message>
        <source>The lowest potential score is above the highest.</source>
        <translation>Нижняя граница оценки потенциала выше верхней.</translation>
    </message>
    <message>
        <source>There is no segment number {id}.</source>
        <translation>Сегмента номер {id} нет.</translation>
    </message>
    <message>
        <source>Choose a campaign, or name a new one.</source>
        <translation>Выберите кампанию или назовите новую.</translation>
    </message>
    <message>
        <source>Archived companies are not called: bring them back from the archive first.</source>
        <translation>Компаниям из архива не звонят: сначала верните их из архива.</translation>
    </message>
    <message>
        <source>The priority must be between -1000 and 1000.</source>
        <translation>Приоритет должен быть от -1000 до 1000.</translation>
    </message>
    <message>
        <source>The contact frequency must be between 1 minute and a year.</source>
        <translation>Частота звонков должна быть от 1 минуты до года.</translation>
    </message>
    <message>
        <source>A segment named &apos;{name}&apos; already exists.</source>
        <translation>Сегмент «{name}» уже есть.</translation>
    </message>
    <message>
        <source>Segments compared</source>
        <translation>Сравнение сегментов</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Ранг</translation>
    </message>
    <message>
        <source>Warm or hot, % of called</source>
        <translation>Тёплые или горячие, % от набранных</translation>
    </message>
    <message>
        <source>Callback {callback} is no longer waiting; it was not changed.</source>
        <translation>Перезвон {callback} уже не ожидает; он не изменён.</translation>
    </message>
    <message>
        <source>A plan cannot be negative.</source>
        <translation>План не может быть отрицательным.</translation>
    </message>
    <message>
        <source>Choose someone else to receive the companies.</source>
        <translation>Выберите другого получателя компаний.</translation>
    </message>
    <message>
        <source>Tick the companies to move.</source>
        <translation>Отметьте компании, которые нужно передать.</translation>
    </message>
    <message>
        <source>The person chosen to receive the companies is not active.</source>
        <translation>Выбранный получатель компаний отключён.</translation>
    </message>
    <message>
        <source>{name} is not an expert; hand-offs can go only to experts.</source>
        <translation>{name} — не эксперт; передачи эксперту можно отдать только экспертам.</translation>
    </message>
    <message>
        <source>{name} does not make calls; callbacks can go only to operators.</source>
        <translation>{name} не звонит; перезвоны можно отдать только операторам.</translation>
    </message>
    <message>
        <source>Those companies are no longer held by that person; nothing moved.</source>
        <translation>Этих компаний у сотрудника уже нет; ничего не передано.</translation>
    </message>
    <message>
        <source>Unknown outcome &apos;{code}&apos; or queue entry {entry}.</source>
        <translation>Неизвестный результат «{code}» или запись очереди {entry}.</translation>
    </message>
    <message>
        <source>Write whom you spoke with: this outcome counts as a contact.</source>
        <translation>Укажите, с кем говорили: этот результат считается контактом.</translation>
    </message>
    <message>
        <source>Set the date and time of the next contact for this outcome.</source>
        <translation>Для этого результата укажите дату и время следующего контакта.</translation>
    </message>
    <message>
        <source>Unknown kind of next contact &apos;{kind}&apos;.</source>
        <translation>Неизвестный вид следующего контакта «{kind}».</translation>
    </message>
    <message>
        <source>The call cannot end before it started.</source>
        <translation>Звонок не может закончиться раньше, чем начался.</translation>
    </message>
    <message>
        <source>This company is now with another operator; your outcome was not saved.</source>
        <translation>Эта компания сейчас у другого оператора; ваш результат не сохранён.</translation>
    </message>
    <message>
        <source>The login &apos;{login}&apos; is not a DialDesk user; ask an administrator.</source>
        <translation>Логин «{login}» не является пользователем DialDesk; обратитесь к администратору.</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;: use one of {roles}.</source>
        <translation>Неизвестная роль «{role}»: используйте одну из: {roles}.</translation>
    </message>
    <message>
        <source>The password must be at least 8 characters long.</source>
        <translation>Пароль должен быть не короче 8 символов.</translation>
    </message>
</context>
<context>
    <name>MonitorForm</name>
    <message>
        <source>Monitor</source>
        <translation>Мониторинг</translation>
    </message>
    <message>
        <source>Re&amp;lease their company</source>
        <translation>&amp;Вернуть его компанию в очередь</translation>
    </message>
    <message>
        <source>Give the company the selected operator holds back to the queue</source>
        <translation>Вернуть в очередь компанию, которую держит выбранный оператор</translation>
    </message>
    <message>
        <source>Mo&amp;ve companies…</source>
        <translation>Передать комп&amp;ании…</translation>
    </message>
    <message>
        <source>Hand the callbacks or expert hand-offs someone holds to a colleague (Ctrl+M)</source>
        <translation>Передать перезвоны или передачи эксперту, которые числятся за сотрудником, коллеге (Ctrl+M)</translation>
    </message>
    <message>
        <source>Set pla&amp;n…</source>
        <translation>&amp;План…</translation>
    </message>
    <message>
        <source>Targets for today for the selected operator</source>
        <translation>План на сегодня для выбранного оператора</translation>
    </message>
    <message>
        <source>&amp;Refresh (F5)</source>
        <translation>Об&amp;новить (F5)</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>Callbacks overdue and due today</source>
        <translation>Перезвоны просроченные и на сегодня</translation>
    </message>
    <message>
        <source>&amp;Give to an operator…</source>
        <translation>Передать оператор&amp;у…</translation>
    </message>
    <message>
        <source>For an&amp;yone</source>
        <translation>&amp;Для любого</translation>
    </message>
    <message>
        <source>Experts: their day and the hand-offs waiting for them</source>
        <translation>Эксперты: их день и передачи, которые ждут их</translation>
    </message>
    <message>
        <source>Move the hand-off to another e&amp;xpert…</source>
        <translation>Передать другому &amp;эксперту…</translation>
    </message>
    <message>
        <source>Wake s&amp;leeping clients…</source>
        <translation>Разбудить с&amp;пящих клиентов…</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <source>offline</source>
        <translation>не в сети</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <source>on a card</source>
        <translation>на карточке</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>перерыв</translation>
    </message>
    <message>
        <source>call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <source>send offer</source>
        <translation>отправить КП</translation>
    </message>
    <message>
        <source>hot</source>
        <translation>горячие</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>тёплые</translation>
    </message>
    <message>
        <source>competitor</source>
        <translation>конкурент</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>холодные</translation>
    </message>
    <message>
        <source>no contact</source>
        <translation>нет контакта</translation>
    </message>
    <message>
        <source>nonexistent</source>
        <translation>не существует</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Сколько</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Contacts/hour</source>
        <translation>Контактов/час</translation>
    </message>
    <message>
        <source>Outcomes today</source>
        <translation>Итоги за сегодня</translation>
    </message>
    <message>
        <source>Overdue callbacks</source>
        <translation>Просроченные перезвоны</translation>
    </message>
    <message>
        <source>Refused from journal</source>
        <translation>Отклонено из журнала</translation>
    </message>
    <message>
        <source>Plan: calls · contacts</source>
        <translation>План: звонки · контакты</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Fresh</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Retry due</source>
        <translation>Повтор сейчас</translation>
    </message>
    <message>
        <source>Retry later</source>
        <translation>Повтор позже</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Перезвоны</translation>
    </message>
    <message>
        <source>On cards</source>
        <translation>На карточках</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>Звонков сегодня</translation>
    </message>
    <message>
        <source>Contacts today</source>
        <translation>Контактов сегодня</translation>
    </message>
    <message>
        <source>Nothing to call?</source>
        <translation>Почему нечего звонить?</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>move companies to another operator</source>
        <translation>передать компании другому оператору</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>outside calling hours until %1</source>
        <translation>вне часов звонков до %1</translation>
    </message>
    <message>
        <source>everything done</source>
        <translation>всё сделано</translation>
    </message>
    <message>
        <source>next retry %1</source>
        <translation>следующий повтор %1</translation>
    </message>
    <message>
        <source>next callback %1</source>
        <translation>следующий перезвон %1</translation>
    </message>
    <message>
        <source>the rest are on operators&apos; cards</source>
        <translation>остальные на карточках у операторов</translation>
    </message>
    <message>
        <source>Live: changes appear as they happen.</source>
        <translation>В реальном времени: изменения видны сразу.</translation>
    </message>
    <message>
        <source>Not connected to live updates; press F5 to refresh.</source>
        <translation>Нет связи для обновлений в реальном времени; нажмите F5, чтобы обновить.</translation>
    </message>
    <message>
        <source>Select an operator first.</source>
        <translation>Сначала выберите оператора.</translation>
    </message>
    <message>
        <source>%1: %2 companies back in the queue.</source>
        <translation>%1: компаний возвращено в очередь: %2.</translation>
    </message>
    <message>
        <source>Plan for %1 saved.</source>
        <translation>План для %1 сохранён.</translation>
    </message>
    <message>
        <source>%1 sleeping clients joined the campaign&apos;s queue.</source>
        <translation>Спящих клиентов поставлено в очередь кампании: %1.</translation>
    </message>
    <message>
        <source>Select a hand-off first.</source>
        <translation>Сначала выберите передачу.</translation>
    </message>
    <message>
        <source>Handed to %1: %2 callbacks, %3 hand-offs.</source>
        <translation>Передано сотруднику %1: перезвонов — %2, передач эксперту — %3.</translation>
    </message>
    <message>
        <source>Select a callback first.</source>
        <translation>Сначала выберите перезвон.</translation>
    </message>
    <message>
        <source>Give the callback to</source>
        <translation>Передать перезвон</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source>Callback for %1 handed over.</source>
        <translation>Перезвон по %1 передан.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>%1 (expert)</source>
        <translation>%1 (эксперт)</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Передать</translation>
    </message>
    <message>
        <source>tick them all</source>
        <translation>отметить все</translation>
    </message>
    <message>
        <source>%1 — hand-off to the expert</source>
        <translation>%1 — передана эксперту</translation>
    </message>
    <message>
        <source>%1 — callback %2</source>
        <translation>%1 — перезвон %2</translation>
    </message>
    <message>
        <source>This person holds no companies.</source>
        <translation>За этим сотрудником компаний нет.</translation>
    </message>
    <message>
        <source>Choose who receives the companies.</source>
        <translation>Выберите, кому передать компании.</translation>
    </message>
</context>
<context>
    <name>MoveForm</name>
    <message>
        <source>Move companies</source>
        <translation>Передать компании</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;От кого:</translation>
    </message>
    <message>
        <source>&amp;Companies they hold (tick the ones to move):</source>
        <translation>&amp;Компании за сотрудником (отметьте, какие передать):</translation>
    </message>
    <message>
        <source>&amp;All of them</source>
        <translation>&amp;Все</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>The offer of “%1”</source>
        <translation>КП кампании «%1»</translation>
    </message>
    <message>
        <source>e.g. Alpha Trade, sales department</source>
        <translation>например: «Альфа Трейд», отдел продаж</translation>
    </message>
    <message>
        <source>the sender&apos;s address when empty</source>
        <translation>если пусто — адрес отправителя</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> раб. дн.</translation>
    </message>
    <message>
        <source>no follow-up call</source>
        <translation>без контрольного звонка</translation>
    </message>
    <message>
        <source>PDF, DOCX, XLSX, DOC or XLS, up to %1 MB each.</source>
        <translation>PDF, DOCX, XLSX, DOC или XLS, до %1 МБ каждый.</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>save the offer</source>
        <translation>сохранить КП</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>LLC Romashka</source>
        <translation>ООО «Ромашка»</translation>
    </message>
    <message>
        <source>Ivan Petrov</source>
        <translation>Иван Петров</translation>
    </message>
    <message>
        <source>director</source>
        <translation>директор</translation>
    </message>
    <message>
        <source>Novosibirsk</source>
        <translation>Новосибирск</translation>
    </message>
    <message>
        <source>Olga Sidorova</source>
        <translation>Ольга Сидорова</translation>
    </message>
    <message>
        <source>Commercial offer for {company}</source>
        <translation>Коммерческое предложение для {company}</translation>
    </message>
    <message>
        <source>Hello, {person}!

As agreed on the phone, here is our offer. I will call you in a couple of days to hear what you think.

Kind regards,
{operator}</source>
        <translation>Здравствуйте, {person}!

Как договорились по телефону, направляем наше предложение. Я перезвоню через пару дней, чтобы узнать ваше мнение.

С уважением,
{operator}</translation>
    </message>
    <message>
        <source>(the mail server&apos;s sender)</source>
        <translation>(отправитель почтового сервера)</translation>
    </message>
    <message>
        <source>From: %1
Subject: %2</source>
        <translation>От: %1
Тема: %2</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Вложить файлы</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.xlsx *.doc *.xls)</source>
        <translation>Документы (*.pdf *.docx *.xlsx *.doc *.xls)</translation>
    </message>
</context>
<context>
    <name>OfferForm</name>
    <message>
        <source>The campaign&apos;s offer by e-mail</source>
        <translation>КП кампании по почте</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Sender&apos;s &amp;name:</source>
        <translation>&amp;Имя отправителя:</translation>
    </message>
    <message>
        <source>&amp;Replies to:</source>
        <translation>&amp;Ответы на адрес:</translation>
    </message>
    <message>
        <source>&amp;Follow-up call after:</source>
        <translation>&amp;Контрольный звонок через:</translation>
    </message>
    <message>
        <source>Insert a merge field:</source>
        <translation>Вставить поле:</translation>
    </message>
    <message>
        <source>&amp;Text of the letter:</source>
        <translation>Т&amp;екст письма:</translation>
    </message>
    <message>
        <source>As the client reads it:</source>
        <translation>Как его увидит клиент:</translation>
    </message>
    <message>
        <source>&amp;Attach a file…</source>
        <translation>&amp;Вложить файл…</translation>
    </message>
    <message>
        <source>Remo&amp;ve the file</source>
        <translation>&amp;Убрать файл</translation>
    </message>
</context>
<context>
    <name>OverviewForm</name>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>&amp;Refresh (F5)</source>
        <translation>&amp;Обновить (F5)</translation>
    </message>
    <message>
        <source>Companies by current group</source>
        <translation>Компании по текущей группе</translation>
    </message>
    <message>
        <source>Campaigns: entries by state</source>
        <translation>Кампании: записи по состоянию</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Not called yet</source>
        <translation>Ещё не звонили</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>(off)</source>
        <translation>(выключена)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Fresh</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Перезвон</translation>
    </message>
    <message>
        <source>On a card</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Companies in the base: %1. Callbacks due today or overdue: %2.</source>
        <translation>Компаний в базе: %1. Перезвонов на сегодня и просроченных: %2.</translation>
    </message>
</context>
<context>
    <name>OwnerForm</name>
    <message>
        <source>The database owner&apos;s login</source>
        <translation>Логин владельца базы данных</translation>
    </message>
    <message>
        <source>&amp;Owner&apos;s login:</source>
        <translation>&amp;Логин владельца:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;New database:</source>
        <translation>&amp;Новая база данных:</translation>
    </message>
</context>
<context>
    <name>PeopleForm</name>
    <message>
        <source>People</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>&amp;Add person… (Ins)</source>
        <translation>&amp;Добавить сотрудника… (Ins)</translation>
    </message>
    <message>
        <source>&amp;Disable login</source>
        <translation>&amp;Отключить логин</translation>
    </message>
    <message>
        <source>&amp;Enable login</source>
        <translation>&amp;Включить логин</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Сменить &amp;роль…</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>Сбросить &amp;пароль…</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>add a person</source>
        <translation>добавить сотрудника</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Добавлен %1.</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>Сначала выберите сотрудника.</translation>
    </message>
    <message>
        <source>You cannot disable your own login.</source>
        <translation>Нельзя отключить собственный логин.</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 снова может входить в систему.</translation>
    </message>
    <message>
        <source>%1 can no longer log in; their history is kept.</source>
        <translation>%1 больше не может входить в систему; история сохранена.</translation>
    </message>
    <message>
        <source>Change the role</source>
        <translation>Смена роли</translation>
    </message>
    <message>
        <source>New role for %1:</source>
        <translation>Новая роль для %1:</translation>
    </message>
    <message>
        <source>You cannot change your own role.</source>
        <translation>Свою роль менять нельзя.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 теперь: %2.</translation>
    </message>
    <message>
        <source>New password for %1 (at least 8 characters):</source>
        <translation>Новый пароль для %1 (не короче 8 символов):</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Повторите его:</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Пароли не совпадают; ничего не изменено.</translation>
    </message>
    <message>
        <source>The password of %1 is reset.</source>
        <translation>Пароль %1 сброшен.</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <source>Phone number</source>
        <translation>Номер телефона</translation>
    </message>
</context>
<context>
    <name>PhoneForm</name>
    <message>
        <source>Phone number</source>
        <translation>Номер телефона</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>+7 383 353-03-67</source>
        <translation>+7 383 353-03-67</translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation>&amp;Добавочный:</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Plan for today</source>
        <translation>План на сегодня</translation>
    </message>
    <message>
        <source>&amp;Calls:</source>
        <translation>&amp;Звонки:</translation>
    </message>
    <message>
        <source>C&amp;ontacts:</source>
        <translation>&amp;Контакты:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>QuestionnaireEditor</name>
    <message>
        <source>yes / no</source>
        <translation>да / нет</translation>
    </message>
    <message>
        <source>choice from a list</source>
        <translation>выбор из списка</translation>
    </message>
    <message>
        <source>number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>questions: remove the chosen</source>
        <translation>вопросы: убрать выбранный</translation>
    </message>
    <message>
        <source>questions: bring back the one removed</source>
        <translation>вопросы: вернуть убранный</translation>
    </message>
    <message>
        <source>questions: move up</source>
        <translation>вопросы: поднять</translation>
    </message>
    <message>
        <source>questions: move down</source>
        <translation>вопросы: опустить</translation>
    </message>
    <message>
        <source>(new question)</source>
        <translation>(новый вопрос)</translation>
    </message>
    <message>
        <source>Removed. It was answered %1 times: on saving it leaves the card but its answers stay in the reports. Ctrl+Z brings it back.</source>
        <translation>Удалён. На него отвечали %1 раз: после сохранения он исчезнет из карточки, но ответы останутся в отчётах. Ctrl+Z вернёт его.</translation>
    </message>
    <message>
        <source>Removed. Ctrl+Z brings it back.</source>
        <translation>Удалён. Ctrl+Z вернёт его.</translation>
    </message>
    <message numerus="yes">
        <source>Answered %n time(s): its kind is fixed, and answered choices stay.</source>
        <translation>
            <numerusform>Ответили %n раз: тип вопроса не меняется, варианты с ответами остаются.</numerusform>
            <numerusform>Ответили %n раза: тип вопроса не меняется, варианты с ответами остаются.</numerusform>
            <numerusform>Ответили %n раз: тип вопроса не меняется, варианты с ответами остаются.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered %n time(s): its kind is fixed.</source>
        <translation>
            <numerusform>Ответили %n раз: тип вопроса не меняется.</numerusform>
            <numerusform>Ответили %n раза: тип вопроса не меняется.</numerusform>
            <numerusform>Ответили %n раз: тип вопроса не меняется.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>export the report to XLSX</source>
        <translation>выгрузить отчёт в XLSX</translation>
    </message>
    <message>
        <source>save the chart as PNG</source>
        <translation>сохранить диаграмму в PNG</translation>
    </message>
    <message>
        <source>Show a report first.</source>
        <translation>Сначала покажите отчёт.</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>This report has no chart to save.</source>
        <translation>У этого отчёта нет диаграммы.</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Сохранение диаграммы</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Не удалось записать %1.</translation>
    </message>
</context>
<context>
    <name>ReportsForm</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Campai&amp;gn:</source>
        <translation>Кампа&amp;ния:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>С &amp;даты:</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По дату:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>Р&amp;азрез:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Вопрос:</translation>
    </message>
    <message>
        <source>Cou&amp;nt:</source>
        <translation>&amp;Что считать:</translation>
    </message>
    <message>
        <source>&amp;Divide by:</source>
        <translation>Де&amp;лить на:</translation>
    </message>
    <message>
        <source>Compan&amp;y:</source>
        <translation>Компани&amp;я:</translation>
    </message>
    <message>
        <source>name, INN or phone; Enter shows it</source>
        <translation>название, ИНН или телефон; Enter — показать</translation>
    </message>
    <message>
        <source>One row per da&amp;y</source>
        <translation>Строка на каждый д&amp;ень</translation>
    </message>
    <message>
        <source>Show (F5)</source>
        <translation>Показать (F5)</translation>
    </message>
    <message>
        <source>&amp;Export to XLSX… (Ctrl+E)</source>
        <translation>&amp;Экспорт в XLSX… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save the chart as PNG… (Ctrl+Shift+E)</source>
        <translation>Сохранить диаграмму в PNG… (Ctrl+Shift+E)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <source>show the report</source>
        <translation>показать отчёт</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>отрасль</translation>
    </message>
    <message>
        <source>region</source>
        <translation>регион</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>staff size</source>
        <translation>численность</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>organisations</source>
        <translation>организации</translation>
    </message>
    <message>
        <source>working days with calls</source>
        <translation>рабочие дни со звонками</translation>
    </message>
    <message>
        <source>all working days of the calendar</source>
        <translation>все рабочие дни по календарю</translation>
    </message>
    <message>
        <source>Period…</source>
        <translation>Период…</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>этот месяц</translation>
    </message>
    <message>
        <source>last month</source>
        <translation>прошлый месяц</translation>
    </message>
    <message>
        <source>this year</source>
        <translation>этот год</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>за всё время</translation>
    </message>
    <message>
        <source>all campaigns</source>
        <translation>все кампании</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>кампания</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>сегмент</translation>
    </message>
    <message>
        <source>The period must start before it ends.</source>
        <translation>Начало периода должно быть раньше конца.</translation>
    </message>
    <message>
        <source>Type a company&apos;s name, INN or phone number and press Enter.</source>
        <translation>Введите название компании, ИНН или телефон и нажмите Enter.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <source>%1 lines, counted in %2 s.</source>
        <translation>Строк: %1, посчитано за %2 с.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Супервайзер</translation>
    </message>
    <message>
        <source>Marketer</source>
        <translation>Маркетолог</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
</context>
<context>
    <name>SalesForm</name>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Experts and clients</source>
        <translation>Эксперты и клиенты</translation>
    </message>
    <message>
        <source>A hand-off is &amp;late after (working hours):</source>
        <translation>Передача &amp;просрочена через (рабочих часов):</translation>
    </message>
    <message>
        <source>A client &amp;sleeps after (days without a purchase):</source>
        <translation>Клиент &amp;спит через (дней без покупок):</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Сохранить настройки</translation>
    </message>
    <message>
        <source>Products whose clients sleep sooner or later</source>
        <translation>Продукты, клиенты которых засыпают раньше или позже</translation>
    </message>
    <message>
        <source>Product, as the deals name it</source>
        <translation>Продукт, как он назван в сделках</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Set its &amp;period</source>
        <translation>Задать его с&amp;рок</translation>
    </message>
    <message>
        <source>&amp;Overall period again</source>
        <translation>&amp;Общий срок</translation>
    </message>
    <message>
        <source>Why deals are lost</source>
        <translation>Причины проигрыша сделок</translation>
    </message>
    <message>
        <source>New reason in Russian</source>
        <translation>Новая причина по-русски</translation>
    </message>
    <message>
        <source>…and in English</source>
        <translation>…и по-английски</translation>
    </message>
    <message>
        <source>&amp;Add reason</source>
        <translation>&amp;Добавить причину</translation>
    </message>
    <message>
        <source>Offer it or &amp;not</source>
        <translation>&amp;Предлагать или нет</translation>
    </message>
</context>
<context>
    <name>SalesPage</name>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Предлагается</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Sleeps after, days</source>
        <translation>Спит через, дней</translation>
    </message>
    <message>
        <source>%1: clients sleep after %2 days.</source>
        <translation>%1: клиенты засыпают через %2 дн.</translation>
    </message>
    <message>
        <source>Choose a product in the list first.</source>
        <translation>Сначала выберите продукт в списке.</translation>
    </message>
    <message>
        <source>%1: clients sleep after the overall period.</source>
        <translation>%1: клиенты засыпают через общий срок.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
    <message>
        <source>Reason added: %1.</source>
        <translation>Причина добавлена: %1.</translation>
    </message>
    <message>
        <source>Choose a reason in the list first.</source>
        <translation>Сначала выберите причину в списке.</translation>
    </message>
    <message>
        <source>The list of reasons is saved.</source>
        <translation>Список причин сохранён.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Find a company</source>
        <translation>Найти компанию</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>not in a campaign</source>
        <translation>не в кампании</translation>
    </message>
    <message>
        <source>On the card of</source>
        <translation>На карточке у</translation>
    </message>
    <message>
        <source>&amp;Open card</source>
        <translation>&amp;Открыть карточку</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>me</source>
        <translation>меня</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ищу…</translation>
    </message>
    <message>
        <source>Found: %1. Enter opens the chosen company.</source>
        <translation>Найдено: %1. Enter открывает выбранную компанию.</translation>
    </message>
    <message>
        <source>Type at least two letters of the name, or five digits of a number.</source>
        <translation>Наберите хотя бы две буквы названия или пять цифр номера.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>По запросу «%1» ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <source>Find a company</source>
        <translation>Найти компанию</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>name, INN or phone</source>
        <translation>название, ИНН или телефон</translation>
    </message>
</context>
<context>
    <name>SegmentsForm</name>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>&amp;Export to XLSX… (Ctrl+E)</source>
        <translation>&amp;Экспорт в XLSX… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save the chart as PNG… (Ctrl+Shift+E)</source>
        <translation>Сохранить диаграмму в PNG… (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Rank:</source>
        <translation>Ран&amp;г:</translation>
    </message>
    <message>
        <source>Industries:</source>
        <translation>Отрасли:</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Регионы:</translation>
    </message>
    <message>
        <source>Staff size:</source>
        <translation>Численность:</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Источники:</translation>
    </message>
    <message>
        <source>Current group:</source>
        <translation>Текущая группа:</translation>
    </message>
    <message>
        <source>Potential score:</source>
        <translation>Оценка потенциала:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation>Ответ на вопрос:</translation>
    </message>
    <message>
        <source>Only &amp;archived companies</source>
        <translation>Только компании из &amp;архива</translation>
    </message>
    <message>
        <source>Only s&amp;leeping clients</source>
        <translation>Только с&amp;пящие клиенты</translation>
    </message>
    <message>
        <source>Clients who bought from us and have bought nothing for longer than the administrator&apos;s period (180 days unless set otherwise)</source>
        <translation>Клиенты, которые покупали у нас и ничего не покупают дольше срока, заданного администратором (180 дней, если не задано иначе)</translation>
    </message>
    <message>
        <source>New segment (Ins)</source>
        <translation>Новый сегмент (Ins)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Сохранить (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Call this segment</source>
        <translation>Обзвонить сегмент</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Кампания:</translation>
    </message>
    <message>
        <source>New campaign&apos;s name:</source>
        <translation>Название новой кампании:</translation>
    </message>
    <message>
        <source>Priority (higher first):</source>
        <translation>Приоритет (больше — раньше):</translation>
    </message>
    <message>
        <source>Try again after no contact:</source>
        <translation>Повтор после «нет контакта» через:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <source>A&amp;dd to the campaign…</source>
        <translation>&amp;Добавить в кампанию…</translation>
    </message>
    <message>
        <source>&amp;Mail the campaign&apos;s offer… (Ctrl+M)</source>
        <translation>&amp;Разослать КП кампании… (Ctrl+M)</translation>
    </message>
</context>
<context>
    <name>SegmentsPage</name>
    <message>
        <source>not ranked</source>
        <translation>без ранга</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <source>a new segment</source>
        <translation>новый сегмент</translation>
    </message>
    <message>
        <source>save the segment</source>
        <translation>сохранить сегмент</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>обновить</translation>
    </message>
    <message>
        <source>mail the campaign&apos;s offer</source>
        <translation>разослать КП кампании</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not called yet</source>
        <translation>ещё не звонили</translation>
    </message>
    <message>
        <source>(no answer required)</source>
        <translation>(ответ не важен)</translation>
    </message>
    <message>
        <source>a new campaign</source>
        <translation>новая кампания</translation>
    </message>
    <message>
        <source>the new segment</source>
        <translation>новом сегменте</translation>
    </message>
    <message>
        <source>Companies matching: %1</source>
        <translation>Подходит компаний: %1</translation>
    </message>
    <message>
        <source>Segment “%1” saved.</source>
        <translation>Сегмент «%1» сохранён.</translation>
    </message>
    <message>
        <source>Choose a segment first.</source>
        <translation>Сначала выберите сегмент.</translation>
    </message>
    <message>
        <source>Delete the segment</source>
        <translation>Удаление сегмента</translation>
    </message>
    <message>
        <source>Forget the segment “%1”? Its companies and campaigns stay.</source>
        <translation>Удалить сегмент «%1»? Его компании и кампании останутся.</translation>
    </message>
    <message>
        <source>Bring back from the archive…</source>
        <translation>Вернуть из архива…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>В архив…</translation>
    </message>
    <message>
        <source>Bring %1 companies back from the archive? They return to their campaigns&apos; queues with their callbacks.</source>
        <translation>Вернуть из архива компании (%1)? Они вернутся в очереди своих кампаний вместе с перезвонами.</translation>
    </message>
    <message>
        <source>Archive %1 companies? They leave every campaign&apos;s queue and their callbacks are cancelled; their history stays, and they can be brought back from the archive.</source>
        <translation>Отправить в архив компании (%1)? Они уйдут из очередей всех кампаний, их перезвоны будут отменены; история сохранится, и компании можно будет вернуть из архива.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>%1 companies brought back from the archive.</source>
        <translation>Возвращено из архива компаний: %1.</translation>
    </message>
    <message>
        <source>%1 companies archived.</source>
        <translation>Отправлено в архив компаний: %1.</translation>
    </message>
    <message>
        <source>%1 are on operators&apos; cards right now and were left as they are.</source>
        <translation>Ещё %1 сейчас на карточках у операторов и оставлены как есть.</translation>
    </message>
    <message>
        <source>Call this segment</source>
        <translation>Обзвонить сегмент</translation>
    </message>
    <message>
        <source>Put the segment&apos;s %1 companies into the campaign “%2”?</source>
        <translation>Добавить компании сегмента (%1) в кампанию «%2»?</translation>
    </message>
    <message>
        <source>%1 companies added to “%2”; %3 were there already.</source>
        <translation>В кампанию «%2» добавлено компаний: %1; уже были в ней: %3.</translation>
    </message>
    <message>
        <source>Choose the campaign whose offer goes out: a new one has none yet.</source>
        <translation>Выберите кампанию, чьё КП рассылается: у новой его ещё нет.</translation>
    </message>
    <message>
        <source>Archived companies get no letters: bring them back first.</source>
        <translation>Компаниям в архиве письма не уходят: сначала верните их из архива.</translation>
    </message>
</context>
<context>
    <name>SendOfferDialog</name>
    <message>
        <source>another address…</source>
        <translation>другой адрес…</translation>
    </message>
    <message>
        <source>name@company.ru</source>
        <translation>name@company.ru</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
    <message>
        <source>No mail server is set: the letter opens in this computer&apos;s mail program, without attachments, and is logged as handed to it.</source>
        <translation>Почтовый сервер не настроен: письмо откроется в почтовой программе этого компьютера, без вложений, и в журнале будет отмечено как переданное ей.</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>Вложения: %1</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>Без вложений.</translation>
    </message>
    <message>
        <source>A follow-up call («did the letter arrive?») is planned for you %1 working days later.</source>
        <translation>Контрольный звонок («дошло ли письмо?») будет назначен вам через %1 раб. дн.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
</context>
<context>
    <name>SendOfferForm</name>
    <message>
        <source>Send the offer</source>
        <translation>Отправить КП</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>The client asks &amp;not to be written to</source>
        <translation>Клиент просит &amp;не писать</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>Введите адрес сервера.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Введите имя базы данных.</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Не удалось сохранить настройки: %1</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>DialDesk: settings</source>
        <translation>DialDesk: настройки</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>&amp;Built-in database on this computer (single seat)</source>
        <translation>&amp;Встроенная база на этом компьютере (одно рабочее место)</translation>
    </message>
    <message>
        <source>&amp;Central server</source>
        <translation>&amp;Центральный сервер</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Адрес сервера:</translation>
    </message>
    <message>
        <source>for example 192.168.1.10 or crm-server</source>
        <translation>например, 192.168.1.10 или crm-server</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>Database &amp;name:</source>
        <translation>&amp;Имя базы данных:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Soft&amp;phone command:</source>
        <translation>Команда &amp;софтфона:</translation>
    </message>
    <message>
        <source>empty: the system&apos;s tel: link; or e.g. microsip.exe {number}</source>
        <translation>пусто — ссылка tel: системы; или, например, microsip.exe {number}</translation>
    </message>
    <message>
        <source>Changes take effect the next time you log in; the language, the next time DialDesk starts.</source>
        <translation>Изменения вступят в силу при следующем входе, язык — при следующем запуске DialDesk.</translation>
    </message>
</context>
<context>
    <name>SleepingDialog</name>
    <message>
        <source>&amp;Into the campaign</source>
        <translation>&amp;В кампанию</translation>
    </message>
    <message>
        <source>%1 — last purchase %2</source>
        <translation>%1 — последняя покупка %2</translation>
    </message>
    <message>
        <source>No client is asleep now.</source>
        <translation>Сейчас спящих клиентов нет.</translation>
    </message>
    <message>
        <source>There is no campaign of former clients yet: a marketer makes one.</source>
        <translation>Кампании брошенных клиентов ещё нет: её создаёт маркетолог.</translation>
    </message>
</context>
<context>
    <name>SleepingForm</name>
    <message>
        <source>Sleeping clients</source>
        <translation>Спящие клиенты</translation>
    </message>
    <message>
        <source>&amp;Clients who have bought nothing for too long (tick the ones to wake):</source>
        <translation>&amp;Клиенты, которые давно ничего не покупают (отметьте, кого разбудить):</translation>
    </message>
    <message>
        <source>&amp;All of them</source>
        <translation>&amp;Все</translation>
    </message>
    <message>
        <source>Reactivation &amp;campaign:</source>
        <translation>&amp;Кампания реактивации:</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Discard your changes to “%1”?</source>
        <translation>Отменить ваши изменения в «%1»?</translation>
    </message>
</context>
<context>
    <name>WorkForm</name>
    <message>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <source>&amp;Next company (F9)</source>
        <translation>&amp;Следующая компания (F9)</translation>
    </message>
    <message>
        <source>Release (Ctrl+R)</source>
        <translation>Вернуть в очередь (Ctrl+R)</translation>
    </message>
    <message>
        <source>Send offer (Ctrl+M)</source>
        <translation>Отправить КП (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Pause (Ctrl+P)</source>
        <translation>&amp;Пауза (Ctrl+P)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Phones (Enter dials, Ins adds, Ctrl+E corrects, Ctrl+D: not working)</source>
        <translation>Телефоны (Enter — набрать, Ins — добавить, Ctrl+E — исправить, Ctrl+D — не работает)</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Скрипт</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Анкета</translation>
    </message>
    <message>
        <source>History (F7)</source>
        <translation>История (F7)</translation>
    </message>
    <message>
        <source>My callbacks</source>
        <translation>Мои перезвоны</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Spoke &amp;with:</source>
        <translation>&amp;Говорил с:</translation>
    </message>
    <message>
        <source>full name and position (Down: the company&apos;s contact persons)</source>
        <translation>ФИО и должность (↓ — контактные лица компании)</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>Next &amp;contact:</source>
        <translation>Следующий &amp;контакт:</translation>
    </message>
    <message>
        <source>&amp;Expert:</source>
        <translation>&amp;Эксперт:</translation>
    </message>
    <message>
        <source>&amp;Save outcome (Ctrl+Enter)</source>
        <translation>&amp;Сохранить результат (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save the outcome and take the next company at once</source>
        <translation>Сохранить итог и сразу взять следующую компанию</translation>
    </message>
    <message>
        <source>Save &amp;and next (Ctrl+Shift+Enter)</source>
        <translation>Сохранить и &amp;дальше (Ctrl+Shift+Enter)</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <source>Your state could not be recorded: %1</source>
        <translation>Ваше состояние не удалось записать: %1</translation>
    </message>
    <message>
        <source>Your hold on this company has ended (a supervisor may have moved it); saving the outcome may be refused.</source>
        <translation>Компания больше не закреплена за вами (её мог передать супервайзер); результат может не сохраниться.</translation>
    </message>
    <message>
        <source>Save card (Ctrl+S)</source>
        <translation>Сохранить карточку (Ctrl+S)</translation>
    </message>
    <message>
        <source>call</source>
        <translation>звонок</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <source>send offer</source>
        <translation>отправить КП</translation>
    </message>
    <message>
        <source>for me</source>
        <translation>для меня</translation>
    </message>
    <message>
        <source>for anyone</source>
        <translation>для любого</translation>
    </message>
    <message>
        <source>Find (Ctrl+F)</source>
        <translation>Найти (Ctrl+F)</translation>
    </message>
    <message>
        <source>Enter or double-click opens the callback.</source>
        <translation>Enter или двойной щелчок открывает перезвон.</translation>
    </message>
    <message>
        <source>the next company</source>
        <translation>следующая компания</translation>
    </message>
    <message>
        <source>pause, and back to work</source>
        <translation>перерыв и возврат к работе</translation>
    </message>
    <message>
        <source>give the company back to the queue</source>
        <translation>вернуть компанию в очередь</translation>
    </message>
    <message>
        <source>save the outcome</source>
        <translation>сохранить результат</translation>
    </message>
    <message>
        <source>save the outcome and take the next company</source>
        <translation>сохранить результат и взять следующую компанию</translation>
    </message>
    <message>
        <source>save the company&apos;s card</source>
        <translation>сохранить карточку компании</translation>
    </message>
    <message>
        <source>mark the chosen number not working</source>
        <translation>пометить выбранный номер нерабочим</translation>
    </message>
    <message>
        <source>add a contact person</source>
        <translation>добавить контактное лицо</translation>
    </message>
    <message>
        <source>the company&apos;s history</source>
        <translation>история компании</translation>
    </message>
    <message>
        <source>find a company by name, INN or phone</source>
        <translation>найти компанию по названию, ИНН или телефону</translation>
    </message>
    <message>
        <source>send the campaign&apos;s offer by e-mail</source>
        <translation>отправить КП кампании по почте</translation>
    </message>
    <message>
        <source>phones: add a number</source>
        <translation>телефоны: добавить номер</translation>
    </message>
    <message>
        <source>phones: correct the chosen number</source>
        <translation>телефоны: исправить выбранный номер</translation>
    </message>
    <message>
        <source>phones: the number works after all</source>
        <translation>телефоны: номер всё же рабочий</translation>
    </message>
    <message>
        <source>the outcome on the button marked %1</source>
        <translation>результат с кнопки %1</translation>
    </message>
    <message>
        <source>Save an outcome or release this company first.</source>
        <translation>Сначала сохраните результат или верните компанию в очередь.</translation>
    </message>
    <message>
        <source>Paused: %1. Press Ctrl+P to go back to work.</source>
        <translation>Пауза: %1. Нажмите Ctrl+P, чтобы вернуться к работе.</translation>
    </message>
    <message>
        <source>Back to work.</source>
        <translation>Снова в работе.</translation>
    </message>
    <message>
        <source>You are on a pause; press Ctrl+P to go back to work.</source>
        <translation>У вас пауза; нажмите Ctrl+P, чтобы вернуться к работе.</translation>
    </message>
    <message>
        <source>Looking for the next company…</source>
        <translation>Ищем следующую компанию…</translation>
    </message>
    <message>
        <source> (promised callback)</source>
        <translation> (обещанный перезвон)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохраняю…</translation>
    </message>
    <message>
        <source>The server is slow to answer: the outcome is kept on this computer and will be sent by itself. Go on with the next company.</source>
        <translation>Сервер долго не отвечает: результат сохранён на этом компьютере и будет отправлен сам. Переходите к следующей компании.</translation>
    </message>
    <message>
        <source>Released; the company is back in the queue.</source>
        <translation>Компания возвращена в очередь.</translation>
    </message>
    <message>
        <source>(no hand-off)</source>
        <translation>(не передавать)</translation>
    </message>
    <message>
        <source>Nothing changed on the card.</source>
        <translation>В карточке ничего не изменилось.</translation>
    </message>
    <message>
        <source>Card saved.</source>
        <translation>Карточка сохранена.</translation>
    </message>
    <message>
        <source>The card was changed by someone else</source>
        <translation>Карточку изменил кто-то другой</translation>
    </message>
    <message>
        <source>Someone saved this company while you were editing it.

Their value → yours:
%1

Save yours over theirs?</source>
        <translation>Пока вы редактировали компанию, её сохранил кто-то другой.

Их значение → ваше:
%1

Сохранить ваши значения поверх?</translation>
    </message>
    <message>
        <source>Their version is on the card now.</source>
        <translation>В карточке теперь их версия.</translation>
    </message>
    <message>
        <source>Choose an outcome (F1–F6).</source>
        <translation>Выберите результат (F1–F6).</translation>
    </message>
    <message>
        <source>Answer “%1” first: it must be answered on a contact.</source>
        <translation>Сначала ответьте на вопрос «%1»: при разговоре он обязателен.</translation>
    </message>
    <message>
        <source>Outcome saved.</source>
        <translation>Результат сохранён.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the outcome is kept on this computer and will be sent when the connection returns.</source>
        <translation>Нет связи с сервером: результат сохранён на этом компьютере и будет отправлен, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Take a company first: the offer goes to the company on the card.</source>
        <translation>Сначала возьмите компанию: КП уходит компании на карточке.</translation>
    </message>
    <message>
        <source>The letter is in your mail program; follow-up call %1.</source>
        <translation>Письмо открыто в вашей почтовой программе; контрольный звонок %1.</translation>
    </message>
    <message>
        <source>The offer was sent; follow-up call %1.</source>
        <translation>КП отправлено; контрольный звонок %1.</translation>
    </message>
</context>
</TS>
