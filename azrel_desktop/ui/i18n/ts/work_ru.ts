<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ActorDialog</name>
    <message>
        <source>Name:</source>
        <translation>Имя / название:</translation>
    </message>
    <message>
        <source>parent body</source>
        <translation>вышестоящий орган</translation>
    </message>
    <message>
        <source>Abbreviation:</source>
        <translation>Сокращение:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Body of:</source>
        <translation>Орган организации:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>ISO code, e.g. KZ (blank: made up)</source>
        <translation>код ISO, напр. KZ (пусто: условный код)</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Код:</translation>
    </message>
</context>
<context>
    <name>AgreementKind</name>
    <message>
        <source>treaty</source>
        <translation>договор</translation>
    </message>
    <message>
        <source>charter</source>
        <translation>устав</translation>
    </message>
    <message>
        <source>declaration</source>
        <translation>декларация</translation>
    </message>
    <message>
        <source>programme</source>
        <translation>программа</translation>
    </message>
    <message>
        <source>convention</source>
        <translation>конвенция</translation>
    </message>
    <message>
        <source>ceasefire</source>
        <translation>прекращение огня</translation>
    </message>
    <message>
        <source>peace statement</source>
        <translation>мирное заявление</translation>
    </message>
    <message>
        <source>decree</source>
        <translation>указ</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>соглашение</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>план</translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <source>no parties on record</source>
        <translation>стороны не записаны</translation>
    </message>
    <message>
        <source>Life cycle</source>
        <translation>Жизненный цикл</translation>
    </message>
    <message>
        <source>Each step with the quotes it rests on; click a quote to read it in its source.</source>
        <translation>Каждый этап с цитатами, на которых он основан; щёлкните цитату, чтобы прочесть её в источнике.</translation>
    </message>
    <message>
        <source>Related events</source>
        <translation>Связанные события</translation>
    </message>
    <message>
        <source>no events on record</source>
        <translation>событий не записано</translation>
    </message>
    <message>
        <source>Your notes on this agreement</source>
        <translation>Ваши заметки об этом соглашении</translation>
    </message>
    <message>
        <source>{kind} · yours</source>
        <translation>{kind} · ваше</translation>
    </message>
    <message>
        <source>{kind} · dropped by a newer corpus, kept for your records</source>
        <translation>{kind} · исключено новой версией корпуса, сохранено для ваших записей</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>by organisation</source>
        <translation>по организациям</translation>
    </message>
    <message>
        <source>by country</source>
        <translation>по странам</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>по годам</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Sources per event</source>
        <translation>Источников на событие</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <source>Events per month by country</source>
        <translation>События по месяцам и странам</translation>
    </message>
    <message>
        <source>Events per month by organisation</source>
        <translation>События по месяцам и организациям</translation>
    </message>
    <message>
        <source>Events per year by country</source>
        <translation>События по годам и странам</translation>
    </message>
    <message>
        <source>Events per year by organisation</source>
        <translation>События по годам и организациям</translation>
    </message>
    <message>
        <source>Events per month by supporting source (coverage)</source>
        <translation>События по месяцам и подтверждающим источникам (охват)</translation>
    </message>
    <message>
        <source>Events per year by supporting source (coverage)</source>
        <translation>События по годам и подтверждающим источникам (охват)</translation>
    </message>
    <message>
        <source>other organisations</source>
        <translation>другие организации</translation>
    </message>
    <message>
        <source>other countries</source>
        <translation>другие страны</translation>
    </message>
    <message>
        <source>other sources</source>
        <translation>другие источники</translation>
    </message>
    <message>
        <source>no organisation</source>
        <translation>без организации</translation>
    </message>
    <message>
        <source>no country</source>
        <translation>без страны</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>без источника</translation>
    </message>
    <message>
        <source>Under the timeline&apos;s filter: {filter}</source>
        <translation>С фильтром хронологии: {filter}</translation>
    </message>
    <message>
        <source>All events (the timeline has no filter)</source>
        <translation>Все события (у хронологии нет фильтра)</translation>
    </message>
    <message>
        <source>{count} or more</source>
        <translation>{count} и более</translation>
    </message>
    <message>
        <source>events</source>
        <translation>события</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with no supporting source, {single} with one only, of {total}.</source>
        <translation>
            <numerusform>%n событие без подтверждающего источника, {single} — только с одним, из {total}.</numerusform>
            <numerusform>%n события без подтверждающего источника, {single} — только с одним, из {total}.</numerusform>
            <numerusform>%n событий без подтверждающего источника, {single} — только с одним, из {total}.</numerusform>
        </translation>
    </message>
    <message>
        <source>An event of several organisations (countries) counts once for each.</source>
        <translation>Событие нескольких организаций (стран) учитывается по разу для каждой.</translation>
    </message>
    <message>
        <source>An event counts once for each source whose passages support it.</source>
        <translation>Событие учитывается по разу для каждого источника, фрагменты которого его подтверждают.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated only to a span longer than one month: in no bar.</source>
        <translation>
            <numerusform>%n событие датировано лишь промежутком длиннее месяца и не попадает ни в один столбец.</numerusform>
            <numerusform>%n события датированы лишь промежутком длиннее месяца и не попадают ни в один столбец.</numerusform>
            <numerusform>%n событий датированы лишь промежутком длиннее месяца и не попадают ни в один столбец.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated only to a span longer than one year: in no bar.</source>
        <translation>
            <numerusform>%n событие датировано лишь промежутком длиннее года и не попадает ни в один столбец.</numerusform>
            <numerusform>%n события датированы лишь промежутком длиннее года и не попадают ни в один столбец.</numerusform>
            <numerusform>%n событий датированы лишь промежутком длиннее года и не попадают ни в один столбец.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a bar to show its events in the timeline.</source>
        <translation>Щёлкните столбец, чтобы показать его события в хронологии.</translation>
    </message>
    <message>
        <source>The counts could not be read: {reason}</source>
        <translation>Не удалось прочитать подсчёты: {reason}</translation>
    </message>
    <message>
        <source>Export the chart&apos;s counts</source>
        <translation>Экспорт подсчётов диаграммы</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Экспорт не удался: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n строка записана в {path}</numerusform>
            <numerusform>%n строки записаны в {path}</numerusform>
            <numerusform>%n строк записано в {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the chart as an image</source>
        <translation>Экспорт диаграммы как изображения</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>Диаграмма сохранена: {path}</translation>
    </message>
    <message>
        <source>Export failed: {path} could not be written</source>
        <translation>Экспорт не удался: не удалось записать {path}</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>This library file is read-only, so notes cannot be added, changed or deleted.</source>
        <translation>Этот файл библиотеки доступен только для чтения, поэтому заметки нельзя добавлять, изменять или удалять.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>Ничего не выбрано.</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Добавить заметку…</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Заметок пока нет.</translation>
    </message>
    <message>
        <source>{heading} ({count})</source>
        <translation>{heading} ({count})</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Note not saved: {reason}</source>
        <translation>Заметка не сохранена: {reason}</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>On</source>
        <translation>К чему</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Отделена</translation>
    </message>
    <message>
        <source>detached</source>
        <translation>отделена</translation>
    </message>
    <message>
        <source>Its target is no longer in the corpus; the note is kept.</source>
        <translation>Объекта заметки больше нет в корпусе; заметка сохранена.</translation>
    </message>
</context>
<context>
    <name>AnnotationsPage</name>
    <message>
        <source>{kind}: {label}</source>
        <translation>{kind}: {label}</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Ваши заметки</translation>
    </message>
    <message>
        <source>Filter notes by text, tag or what they are on</source>
        <translation>Фильтр заметок по тексту, метке или объекту</translation>
    </message>
    <message>
        <source>Filter notes by text</source>
        <translation>Фильтр заметок по тексту</translation>
    </message>
    <message>
        <source>Filter notes by tag</source>
        <translation>Фильтр заметок по метке</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Export annotations…</source>
        <translation>Экспорт заметок…</translation>
    </message>
    <message>
        <source>Save the notes shown as a CSV file</source>
        <translation>Сохранить показанные заметки в файл CSV</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n note(s)</source>
        <translation>
            <numerusform>{shown} из %n заметки</numerusform>
            <numerusform>{shown} из %n заметок</numerusform>
            <numerusform>{shown} из %n заметок</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags ({count})</source>
        <translation>Все метки ({count})</translation>
    </message>
    <message>
        <source>Select a note to see it in full; double-click to open what it is on.</source>
        <translation>Выберите заметку, чтобы увидеть её целиком; двойной щелчок откроет её объект.</translation>
    </message>
    <message>
        <source>{target}  (detached: no longer in the corpus)</source>
        <translation>{target}  (отделена: больше нет в корпусе)</translation>
    </message>
    <message>
        <source>This note&apos;s target is no longer in the corpus.</source>
        <translation>Объекта этой заметки больше нет в корпусе.</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>Note deleted (Ctrl+Z to undo).</source>
        <translation>Заметка удалена (Ctrl+Z — отменить).</translation>
    </message>
    <message>
        <source>Note not changed: {reason}</source>
        <translation>Заметка не изменена: {reason}</translation>
    </message>
    <message>
        <source>Export the notes shown</source>
        <translation>Экспорт показанных заметок</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s) to {path}</source>
        <translation>
            <numerusform>%n заметка экспортирована в {path}</numerusform>
            <numerusform>%n заметки экспортированы в {path}</numerusform>
            <numerusform>%n заметок экспортировано в {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Экспорт PNG…</translation>
    </message>
</context>
<context>
    <name>ChoicePicker</name>
    <message>
        <source>yours</source>
        <translation>ваше</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>устарело</translation>
    </message>
    <message>
        <source>type to find {what}…</source>
        <translation>{what}: введите для поиска…</translation>
    </message>
    <message>
        <source>Find {what}</source>
        <translation>Найти: {what}</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>Make a new one with the typed name</source>
        <translation>Создать новую запись с введённым названием</translation>
    </message>
    <message>
        <source>Matching {what}</source>
        <translation>Совпадения: {what}</translation>
    </message>
    <message>
        <source>Chosen {what}</source>
        <translation>Выбрано: {what}</translation>
    </message>
    <message>
        <source>Double-click or press Delete to remove</source>
        <translation>Двойной щелчок или Delete — убрать</translation>
    </message>
</context>
<context>
    <name>CitationList</name>
    <message>
        <source>no citation</source>
        <translation>ссылок нет</translation>
    </message>
</context>
<context>
    <name>Citations</name>
    <message>
        <source>{symbol} A source of low reliability ({grade}): weigh this quote with care.</source>
        <translation>{symbol} Источник низкой надёжности ({grade}): оценивайте эту цитату осторожно.</translation>
    </message>
    <message>
        <source>Click to open the source at this passage.</source>
        <translation>Щёлкните, чтобы открыть источник на этом фрагменте.</translation>
    </message>
</context>
<context>
    <name>CiteDialog</name>
    <message>
        <source>an event</source>
        <translation>событие</translation>
    </message>
    <message>
        <source>an agreement step</source>
        <translation>этап соглашения</translation>
    </message>
    <message>
        <source>a membership status</source>
        <translation>статус членства</translation>
    </message>
    <message>
        <source>an organisation&apos;s founding</source>
        <translation>основание организации</translation>
    </message>
    <message>
        <source>Cite selection for…</source>
        <translation>Сослаться на выделенное в записи…</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Вид записи</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Запись:</translation>
    </message>
    <message>
        <source>type words of its title, or names</source>
        <translation>введите слова из заголовка или имена</translation>
    </message>
    <message>
        <source>Find a record</source>
        <translation>Найти запись</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Найти:</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Подходящие записи</translation>
    </message>
    <message>
        <source>supports it</source>
        <translation>подтверждает её</translation>
    </message>
    <message>
        <source>contradicts it (the record is then marked disputed)</source>
        <translation>противоречит ей (запись будет помечена как спорная)</translation>
    </message>
    <message>
        <source>The passage:</source>
        <translation>Фрагмент:</translation>
    </message>
</context>
<context>
    <name>ClickList</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>CodingFlows</name>
    <message>
        <source>Could not open: {reason}</source>
        <translation>Не удалось открыть: {reason}</translation>
    </message>
    <message>
        <source>choose the agreement this is a step of, or make a new one</source>
        <translation>выберите соглашение, этапом которого это является, или создайте новое</translation>
    </message>
    <message>
        <source>the records are still being searched; choose one when the list shows</source>
        <translation>записи ещё ищутся; выберите одну, когда появится список</translation>
    </message>
    <message>
        <source>choose the record the passage bears on</source>
        <translation>выберите запись, к которой относится фрагмент</translation>
    </message>
    <message>
        <source>Notes on it are kept (as detached). Edit → Undo brings it back.</source>
        <translation>Заметки к ней сохранятся (как отделённые). Правка → Отменить вернёт её.</translation>
    </message>
    <message>
        <source>Deleted: {label}</source>
        <translation>Удалено: {label}</translation>
    </message>
    <message>
        <source>Not deleted: {reason}</source>
        <translation>Не удалено: {reason}</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Не удалено</translation>
    </message>
    <message>
        <source>Citation removed</source>
        <translation>Ссылка удалена</translation>
    </message>
    <message>
        <source>Citation not removed: {reason}</source>
        <translation>Ссылка не удалена: {reason}</translation>
    </message>
    <message>
        <source>Saved: {label}</source>
        <translation>Сохранено: {label}</translation>
    </message>
    <message>
        <source>Citation saved</source>
        <translation>Ссылка сохранена</translation>
    </message>
</context>
<context>
    <name>CountryPage</name>
    <message>
        <source>Also known as:</source>
        <translation>Также известно как:</translation>
    </message>
    <message>
        <source>Membership and status in organisations over time</source>
        <translation>Членство и статус в организациях во времени</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Соглашения</translation>
    </message>
    <message>
        <source>no agreements on record</source>
        <translation>соглашений не записано</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Your notes on this country</source>
        <translation>Ваши заметки об этой стране</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 1994-05-04, 1997-11, spring 1998, 1994~ (blank: not known)</source>
        <translation>напр. 1994-05-04, 1997-11, spring 1998, 1994~ (пусто: неизвестно)</translation>
    </message>
    <message>
        <source>e.g. 1994-05-04, 1997-11, spring 1998, 1994~</source>
        <translation>напр. 1994-05-04, 1997-11, spring 1998, 1994~</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>not a date the app can read: {reason}</source>
        <translation>это не дата, понятная программе: {reason}</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <source>New event from selection</source>
        <translation>Новое событие из выделенного</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Dates found in the selection</source>
        <translation>Даты, найденные в выделенном</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Найдено:</translation>
    </message>
    <message>
        <source>the source&apos;s own words for the date</source>
        <translation>слова самого источника о дате</translation>
    </message>
    <message>
        <source>Date as written:</source>
        <translation>Дата, как написано:</translation>
    </message>
    <message>
        <source>how the date was worked out</source>
        <translation>как была установлена дата</translation>
    </message>
    <message>
        <source>Date note:</source>
        <translation>Примечание к дате:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Краткое описание:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <source>organisations</source>
        <translation>организации</translation>
    </message>
    <message>
        <source>Organisations:</source>
        <translation>Организации:</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>страны</translation>
    </message>
    <message>
        <source>Countries:</source>
        <translation>Страны:</translation>
    </message>
    <message>
        <source>people</source>
        <translation>персоны</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Персоны:</translation>
    </message>
    <message>
        <source>agreements</source>
        <translation>соглашения</translation>
    </message>
    <message>
        <source>Agreements:</source>
        <translation>Соглашения:</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>visit</source>
        <translation>визит</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>встреча</translation>
    </message>
    <message>
        <source>summit</source>
        <translation>саммит</translation>
    </message>
    <message>
        <source>conference</source>
        <translation>конференция</translation>
    </message>
    <message>
        <source>signing</source>
        <translation>подписание</translation>
    </message>
    <message>
        <source>ratification</source>
        <translation>ратификация</translation>
    </message>
    <message>
        <source>membership change</source>
        <translation>изменение членства</translation>
    </message>
    <message>
        <source>military operation</source>
        <translation>военная операция</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>конфликт</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>заявление</translation>
    </message>
    <message>
        <source>decree</source>
        <translation>указ</translation>
    </message>
    <message>
        <source>vote</source>
        <translation>голосование</translation>
    </message>
    <message>
        <source>legal action</source>
        <translation>правовое действие</translation>
    </message>
    <message>
        <source>withdrawal</source>
        <translation>выход</translation>
    </message>
    <message>
        <source>diplomatic relations</source>
        <translation>дипломатические отношения</translation>
    </message>
    <message>
        <source>cooperation</source>
        <translation>сотрудничество</translation>
    </message>
    <message>
        <source>accusation</source>
        <translation>обвинение</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
</context>
<context>
    <name>EventsTable</name>
    <message numerus="yes">
        <source>%n event(s) — double-click one to open it on the timeline</source>
        <translation>
            <numerusform>%n событие — дважды щёлкните, чтобы открыть его в хронологии</numerusform>
            <numerusform>%n события — дважды щёлкните одно, чтобы открыть его в хронологии</numerusform>
            <numerusform>%n событий — дважды щёлкните одно, чтобы открыть его в хронологии</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceGrade</name>
    <message>
        <source>corroborated</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>single source</source>
        <translation>один источник</translation>
    </message>
    <message>
        <source>uncorroborated</source>
        <translation>не подтверждено</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>оспаривается</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>Найти:</translation>
    </message>
    <message>
        <source>text in this source (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation>текст в этом источнике (Enter: следующее, Shift+Enter: предыдущее, Esc: закрыть)</translation>
    </message>
    <message>
        <source>Find in source text</source>
        <translation>Найти в тексте источника</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Закрыть панель поиска</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>нет совпадений</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} из {count}</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Sources ({patterns})</source>
        <translation>Источники ({patterns})</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm)</source>
        <translation>Веб-страницы (*.html *.htm)</translation>
    </message>
    <message>
        <source>Text and Markdown (*.txt *.md *.markdown)</source>
        <translation>Текст и Markdown (*.txt *.md *.markdown)</translation>
    </message>
    <message>
        <source>Bibliographies (*.bib *.ris *.json)</source>
        <translation>Библиографии (*.bib *.ris *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Импорт источников</translation>
    </message>
    <message>
        <source>{file} is read-only: sources cannot be imported into it.</source>
        <translation>{file} доступен только для чтения: импортировать в него источники нельзя.</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>Импорт не удался: {reason}</translation>
    </message>
    <message>
        <source>Import: {summary}</source>
        <translation>Импорт: {summary}</translation>
    </message>
    <message>
        <source>Files being imported: {count}…</source>
        <translation>Импортируется файлов: {count}…</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Импорт источников</translation>
    </message>
    <message>
        <source>Importing {file}… ({number} of {count})</source>
        <translation>Импорт {file}… ({number} из {count})</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Завершение…</translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message>
        <source>a new source</source>
        <translation>новый источник</translation>
    </message>
    <message>
        <source>a new version of “{title}”</source>
        <translation>новая версия «{title}»</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Импорт источников</translation>
    </message>
    <message>
        <source>Each file becomes a new source, or a new version of one of your sources (its passages are moved to the new text; those that cannot be placed are listed for you).</source>
        <translation>Каждый файл становится новым источником или новой версией одного из ваших источников (его фрагменты переносятся в новый текст; те, что не удалось разместить, будут перечислены).</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message>
        <source>What each file becomes</source>
        <translation>Чем станет каждый файл</translation>
    </message>
    <message>
        <source>Import {file} as</source>
        <translation>Импортировать {file} как</translation>
    </message>
    <message>
        <source>new sources (one per record)</source>
        <translation>новые источники (по одному на запись)</translation>
    </message>
    <message>
        <source>Reading your sources…</source>
        <translation>Чтение ваших источников…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Your sources could not be read: {reason}</source>
        <translation>Не удалось прочитать ваши источники: {reason}</translation>
    </message>
    <message>
        <source>You have no sources of your own yet: every file becomes a new source.</source>
        <translation>У вас пока нет своих источников: каждый файл станет новым источником.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with the name of a source you imported before, proposed as its new version; choose “{new}” to keep both.</source>
        <translation>
            <numerusform>%n файл называется так же, как ранее импортированный вами источник, и предложен как его новая версия; выберите «{new}», чтобы сохранить оба.</numerusform>
            <numerusform>%n файла называются так же, как ранее импортированные вами источники, и предложены как их новые версии; выберите «{new}», чтобы сохранить оба.</numerusform>
            <numerusform>%n файлов называются так же, как ранее импортированные вами источники, и предложены как их новые версии; выберите «{new}», чтобы сохранить оба.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a source for a file that is a new version of it.</source>
        <translation>Для файла, который является новой версией источника, выберите этот источник.</translation>
    </message>
    <message>
        <source>Two files are chosen as the new version of the same source; choose one.</source>
        <translation>Два файла выбраны новой версией одного источника; выберите один.</translation>
    </message>
    <message>
        <source>“{typed}” is not one of your sources; pick one from the list.</source>
        <translation>«{typed}» — не ваш источник; выберите из списка.</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>The import failed: {reason}</source>
        <translation>Импорт не удался: {reason}</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Импорт источников</translation>
    </message>
    <message>
        <source>What became of each file</source>
        <translation>Что стало с каждым файлом</translation>
    </message>
    <message>
        <source>not found in the new text: “{quote}” — cited by {records}</source>
        <translation>не найдено в новом тексте: «{quote}» — ссылаются: {records}</translation>
    </message>
    <message>
        <source>not found in the new text: “{quote}”</source>
        <translation>не найдено в новом тексте: «{quote}»</translation>
    </message>
    <message>
        <source>placed approximately, check: “{quote}”</source>
        <translation>размещено приблизительно, проверьте: «{quote}»</translation>
    </message>
    <message>
        <source>Open source</source>
        <translation>Открыть источник</translation>
    </message>
    <message>
        <source>Import anyway ({count})</source>
        <translation>Всё равно импортировать ({count})</translation>
    </message>
    <message>
        <source>Import the files already in the library once more, as new sources</source>
        <translation>Импортировать файлы, уже имеющиеся в библиотеке, ещё раз как новые источники</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <source>agreement step</source>
        <translation>этап соглашения</translation>
    </message>
    <message>
        <source>membership / status</source>
        <translation>членство / статус</translation>
    </message>
    <message>
        <source>organisation fact</source>
        <translation>факт об организации</translation>
    </message>
    <message>
        <source>contradicts a record</source>
        <translation>противоречит записи</translation>
    </message>
    <message>
        <source>your annotated selection</source>
        <translation>ваше выделение с заметкой</translation>
    </message>
    <message>
        <source>not part of the article</source>
        <translation>не часть статьи</translation>
    </message>
    <message>
        <source>striped: supports several kinds</source>
        <translation>в полоску: подтверждает несколько видов</translation>
    </message>
    <message>
        <source>outlined: the current passage</source>
        <translation>в рамке: текущий фрагмент</translation>
    </message>
    <message>
        <source>The passage you jumped to or clicked has a frame around it; its colours stay those of its kinds.</source>
        <translation>Фрагмент, к которому вы перешли или который щёлкнули, обведён рамкой; его цвета остаются цветами его видов.</translation>
    </message>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind} ({count})</translation>
    </message>
    <message>
        <source>striped: supports several kinds ({count})</source>
        <translation>в полоску: подтверждает несколько видов ({count})</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Edit membership status</source>
        <translation>Изменить статус членства</translation>
    </message>
    <message>
        <source>New membership status from selection</source>
        <translation>Новый статус членства из выделенного</translation>
    </message>
    <message>
        <source>country</source>
        <translation>страна</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>blank: still so at the source&apos;s date</source>
        <translation>пусто: так и на дату источника</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
</context>
<context>
    <name>MembershipSection</name>
    <message>
        <source>Hover an interval for its dates, notes and quote; click it (or double-click a row) to read the citing passage in its source.</source>
        <translation>Наведите указатель на интервал, чтобы увидеть даты, примечания и цитату; щёлкните его (или дважды щёлкните строку), чтобы прочесть подтверждающий фрагмент в источнике.</translation>
    </message>
</context>
<context>
    <name>MembershipStatus</name>
    <message>
        <source>founding member</source>
        <translation>член-основатель</translation>
    </message>
    <message>
        <source>member</source>
        <translation>член</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>партнёр</translation>
    </message>
    <message>
        <source>associate member</source>
        <translation>ассоциированный член</translation>
    </message>
    <message>
        <source>applicant</source>
        <translation>кандидат</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>приостановлено</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>вышла</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>open</source>
        <translation>без окончания</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
</context>
<context>
    <name>MembershipStrip</name>
    <message>
        <source>{country} — {status} of {organisation}</source>
        <translation>{country} — {organisation}: {status}</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>Период: {start} — {end}</translation>
    </message>
    <message>
        <source>The start date is not known.</source>
        <translation>Дата начала неизвестна.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Примечание: {note}</translation>
    </message>
    <message>
        <source>DISPUTED: {why}</source>
        <translation>ОСПАРИВАЕТСЯ: {why}</translation>
    </message>
    <message>
        <source>another source contradicts this</source>
        <translation>другой источник противоречит этому</translation>
    </message>
    <message>
        <source>{citation} (a source of low reliability: {grade})</source>
        <translation>{citation} (источник низкой надёжности: {grade})</translation>
    </message>
    <message>
        <source>Click to open the citing passage.</source>
        <translation>Щёлкните, чтобы открыть подтверждающий фрагмент.</translation>
    </message>
    <message>
        <source>Membership and status over time</source>
        <translation>Членство и статус во времени</translation>
    </message>
    <message>
        <source>No membership or status on record.</source>
        <translation>Членство или статус не записаны.</translation>
    </message>
    <message>
        <source>{status} (disputed)</source>
        <translation>{status} (оспаривается)</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>оспаривается</translation>
    </message>
    <message>
        <source>fading end: date not exact · red dashed line: today</source>
        <translation>бледный край: дата неточна · красный пунктир: сегодня</translation>
    </message>
    <message>
        <source>no later evidence: no source gives an end</source>
        <translation>нет поздних свидетельств: конец не указан</translation>
    </message>
</context>
<context>
    <name>MembershipTableModel</name>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказанность</translation>
    </message>
    <message>
        <source>Source quote</source>
        <translation>Цитата из источника</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>tags: {tags}</source>
        <translation>метки: {tags}</translation>
    </message>
    <message>
        <source>created {time}</source>
        <translation>создана {time}</translation>
    </message>
    <message>
        <source>edited {time}</source>
        <translation>изменена {time}</translation>
    </message>
    <message>
        <source>detached: its target is no longer in the corpus</source>
        <translation>отделена: её объекта больше нет в корпусе</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(пустая заметка)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Удалить заметку</translation>
    </message>
</context>
<context>
    <name>NoteCommand</name>
    <message>
        <source>Add note</source>
        <translation>Добавление заметки</translation>
    </message>
    <message>
        <source>Annotate selection</source>
        <translation>Заметка к выделенному</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Удалить заметку</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Your note (plain text)</source>
        <translation>Ваша заметка (простой текст)</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Текст заметки</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>метки через запятую</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>no citation for the founding date</source>
        <translation>нет ссылки для даты основания</translation>
    </message>
    <message>
        <source>none (a top-level organisation)</source>
        <translation>нет (организация верхнего уровня)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Abbreviation:</source>
        <translation>Сокращение:</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>Также известно как:</translation>
    </message>
    <message>
        <source>Founded:</source>
        <translation>Основана:</translation>
    </message>
    <message>
        <source>Part of:</source>
        <translation>Входит в:</translation>
    </message>
    <message>
        <source>Bodies</source>
        <translation>Органы</translation>
    </message>
    <message>
        <source>no bodies on record</source>
        <translation>органов не записано</translation>
    </message>
    <message>
        <source>Membership and status over time</source>
        <translation>Членство и статус во времени</translation>
    </message>
    <message>
        <source>Events (including its bodies)</source>
        <translation>События (включая её органы)</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Соглашения</translation>
    </message>
    <message>
        <source>no agreements on record</source>
        <translation>соглашений не записано</translation>
    </message>
    <message>
        <source>Sources that mention it</source>
        <translation>Источники, где она упоминается</translation>
    </message>
    <message>
        <source>no source cites its events</source>
        <translation>ни один источник не подтверждает её события</translation>
    </message>
    <message>
        <source>Your notes on this organisation</source>
        <translation>Ваши заметки об этой организации</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not stated in the sources</source>
        <translation>в источниках не указано</translation>
    </message>
    <message>
        <source>{country}&apos;s relationship over time</source>
        <translation>{country}: отношения во времени</translation>
    </message>
    <message>
        <source>{source} — {what} cited</source>
        <translation>{source} — подтверждает: {what}</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Office:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>Также известно как:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Your notes on this person</source>
        <translation>Ваши заметки об этой персоне</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>Cite passage</source>
        <translation>Ссылка на фрагмент</translation>
    </message>
    <message>
        <source>Cite contradicting passage</source>
        <translation>Ссылка на противоречащий фрагмент</translation>
    </message>
    <message>
        <source>Remove citation</source>
        <translation>Удаление ссылки</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Соглашение</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Фрагмент</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Agreement step</source>
        <translation>Этап соглашения</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>Статус членства</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>There is no record “{id}” ({kind}) in this library (a newer corpus may have removed it).</source>
        <translation>В этой библиотеке нет записи «{id}» ({kind}) (возможно, её удалила новая версия корпуса).</translation>
    </message>
    <message>
        <source>The record ({kind}) could not be read: {reason}</source>
        <translation>Не удалось прочитать запись ({kind}): {reason}</translation>
    </message>
</context>
<context>
    <name>RecordPhrase</name>
    <message>
        <source>New event</source>
        <translation>Новое событие</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Новое соглашение</translation>
    </message>
    <message>
        <source>New agreement step</source>
        <translation>Новый этап соглашения</translation>
    </message>
    <message>
        <source>New membership status</source>
        <translation>Новый статус членства</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <source>New country</source>
        <translation>Новая страна</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Новая персона</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <source>Edit agreement</source>
        <translation>Изменить соглашение</translation>
    </message>
    <message>
        <source>Edit agreement step</source>
        <translation>Изменить этап соглашения</translation>
    </message>
    <message>
        <source>Edit membership status</source>
        <translation>Изменить статус членства</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>Изменить организацию</translation>
    </message>
    <message>
        <source>Edit country</source>
        <translation>Изменить страну</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Изменить персону</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>Delete agreement</source>
        <translation>Удалить соглашение</translation>
    </message>
    <message>
        <source>Delete agreement step</source>
        <translation>Удалить этап соглашения</translation>
    </message>
    <message>
        <source>Delete membership status</source>
        <translation>Удалить статус членства</translation>
    </message>
    <message>
        <source>Delete organisation</source>
        <translation>Удалить организацию</translation>
    </message>
    <message>
        <source>Delete country</source>
        <translation>Удалить страну</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Удалить персону</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>Изменить событие…</translation>
    </message>
    <message>
        <source>Edit agreement…</source>
        <translation>Изменить соглашение…</translation>
    </message>
    <message>
        <source>Edit agreement step…</source>
        <translation>Изменить этап соглашения…</translation>
    </message>
    <message>
        <source>Edit membership status…</source>
        <translation>Изменить статус членства…</translation>
    </message>
    <message>
        <source>Edit organisation…</source>
        <translation>Изменить организацию…</translation>
    </message>
    <message>
        <source>Edit country…</source>
        <translation>Изменить страну…</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>Изменить персону…</translation>
    </message>
    <message>
        <source>Delete event…</source>
        <translation>Удалить событие…</translation>
    </message>
    <message>
        <source>Delete agreement…</source>
        <translation>Удалить соглашение…</translation>
    </message>
    <message>
        <source>Delete agreement step…</source>
        <translation>Удалить этап соглашения…</translation>
    </message>
    <message>
        <source>Delete membership status…</source>
        <translation>Удалить статус членства…</translation>
    </message>
    <message>
        <source>Delete organisation…</source>
        <translation>Удалить организацию…</translation>
    </message>
    <message>
        <source>Delete country…</source>
        <translation>Удалить страну…</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Удалить персону…</translation>
    </message>
    <message>
        <source>Select one of your own events; the corpus&apos;s are read-only</source>
        <translation>Выберите одно из своих событий; события корпуса только для чтения</translation>
    </message>
    <message>
        <source>Select one of your own agreements; the corpus&apos;s are read-only</source>
        <translation>Выберите одно из своих соглашений; соглашения корпуса только для чтения</translation>
    </message>
    <message>
        <source>Select one of your own agreement steps; the corpus&apos;s are read-only</source>
        <translation>Выберите один из своих этапов соглашений; этапы корпуса только для чтения</translation>
    </message>
    <message>
        <source>Select one of your own membership statuses; the corpus&apos;s are read-only</source>
        <translation>Выберите один из своих статусов членства; статусы корпуса только для чтения</translation>
    </message>
    <message>
        <source>Select one of your own organisations; the corpus&apos;s are read-only</source>
        <translation>Выберите одну из своих организаций; организации корпуса только для чтения</translation>
    </message>
    <message>
        <source>Select one of your own countries; the corpus&apos;s are read-only</source>
        <translation>Выберите одну из своих стран; страны корпуса только для чтения</translation>
    </message>
    <message>
        <source>Select one of your own people; the corpus&apos;s are read-only</source>
        <translation>Выберите одну из своих персон; персоны корпуса только для чтения</translation>
    </message>
    <message>
        <source>Delete your event “{label}” and its citations?</source>
        <translation>Удалить ваше событие «{label}» и ссылки на него?</translation>
    </message>
    <message>
        <source>Delete your agreement “{label}” and its citations?</source>
        <translation>Удалить ваше соглашение «{label}» и ссылки на него?</translation>
    </message>
    <message>
        <source>Delete your agreement step “{label}” and its citations?</source>
        <translation>Удалить ваш этап соглашения «{label}» и ссылки на него?</translation>
    </message>
    <message>
        <source>Delete your membership status “{label}” and its citations?</source>
        <translation>Удалить ваш статус членства «{label}» и ссылки на него?</translation>
    </message>
    <message>
        <source>Delete your organisation “{label}” and its citations?</source>
        <translation>Удалить вашу организацию «{label}» и ссылки на неё?</translation>
    </message>
    <message>
        <source>Delete your country “{label}” and its citations?</source>
        <translation>Удалить вашу страну «{label}» и ссылки на неё?</translation>
    </message>
    <message>
        <source>Delete your person “{label}” and its citations?</source>
        <translation>Удалить вашу персону «{label}» и ссылки на неё?</translation>
    </message>
</context>
<context>
    <name>ReliabilityCommand</name>
    <message>
        <source>Edit source reliability</source>
        <translation>Изменение надёжности источника</translation>
    </message>
</context>
<context>
    <name>ReliabilityDialog</name>
    <message>
        <source>Source reliability</source>
        <translation>Надёжность источника</translation>
    </message>
    <message>
        <source>Reliability grade</source>
        <translation>Оценка надёжности</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>не оценён</translation>
    </message>
    <message>
        <source>Grade (Admiralty code):</source>
        <translation>Оценка (код Адмиралтейства):</translation>
    </message>
    <message>
        <source>Reason for the grade</source>
        <translation>Обоснование оценки</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Обоснование:</translation>
    </message>
    <message>
        <source>Source this one copies</source>
        <translation>Источник, который копирует этот</translation>
    </message>
    <message>
        <source>none: an original text</source>
        <translation>нет: оригинальный текст</translation>
    </message>
    <message>
        <source>A copy of:</source>
        <translation>Копия источника:</translation>
    </message>
    <message>
        <source>Reliability saved; the claims citing this source were graded again.</source>
        <translation>Надёжность сохранена; утверждения, ссылающиеся на этот источник, оценены заново.</translation>
    </message>
    <message>
        <source>Reliability not saved: {reason}</source>
        <translation>Надёжность не сохранена: {reason}</translation>
    </message>
    <message>
        <source>Could not open the editor: {reason}</source>
        <translation>Не удалось открыть редактор: {reason}</translation>
    </message>
</context>
<context>
    <name>ReliabilityGrade</name>
    <message>
        <source>completely reliable</source>
        <translation>полностью надёжен</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>обычно надёжен</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>достаточно надёжен</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>обычно ненадёжен</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>ненадёжен</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>надёжность невозможно оценить</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>не оценён</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n импортирован</numerusform>
            <numerusform>%n импортировано</numerusform>
            <numerusform>%n импортировано</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced by a new version</source>
        <translation>
            <numerusform>%n заменён новой версией</numerusform>
            <numerusform>%n заменены новой версией</numerusform>
            <numerusform>%n заменено новой версией</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already imported</source>
        <translation>
            <numerusform>%n уже импортирован</numerusform>
            <numerusform>%n уже импортированы</numerusform>
            <numerusform>%n уже импортировано</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
            <numerusform>%n с ошибкой</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n отменён</numerusform>
            <numerusform>%n отменено</numerusform>
            <numerusform>%n отменено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) could not be placed in a new version</source>
        <translation>
            <numerusform>%n фрагмент не удалось разместить в новой версии</numerusform>
            <numerusform>%n фрагмента не удалось разместить в новой версии</numerusform>
            <numerusform>%n фрагментов не удалось разместить в новой версии</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>импортировать нечего</translation>
    </message>
    <message>
        <source>{summary} (cancelled)</source>
        <translation>{summary} (отменено)</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}.</translation>
    </message>
</context>
<context>
    <name>SourceMetadataCommand</name>
    <message>
        <source>Edit source details</source>
        <translation>Изменение сведений об источнике</translation>
    </message>
</context>
<context>
    <name>SourceMetadataDialog</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Данные на дату</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>EDTF (2024-05-03, 2024-05, 2024, 1998-21 for spring) or a phrase (May 2024)</source>
        <translation>EDTF (2024-05-03, 2024-05, 2024, 1998-21 для весны) или фраза (May 2024)</translation>
    </message>
    <message>
        <source>the date the source&apos;s data describe, as above</source>
        <translation>дата, к которой относятся данные источника, в том же виде</translation>
    </message>
    <message>
        <source>several separated by “; ”</source>
        <translation>несколько — через «; »</translation>
    </message>
    <message>
        <source>a code such as en, az, ru, tr</source>
        <translation>код, например en, az, ru, tr</translation>
    </message>
    <message>
        <source>why the source is as reliable as it is (its grade: Edit reliability… on its page)</source>
        <translation>почему источник настолько надёжен (оценка: «Изменить надёжность…» на его странице)</translation>
    </message>
    <message>
        <source>Source details</source>
        <translation>Сведения об источнике</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Could not read the source: {reason}</source>
        <translation>Не удалось прочитать источник: {reason}</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Файл: {name}</translation>
    </message>
    <message>
        <source>From the shipped corpus</source>
        <translation>Из поставляемого корпуса</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>Прочитан как {encoding}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>not stated</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>the shipped corpus</source>
        <translation>поставляемый корпус</translation>
    </message>
    <message>
        <source>a bibliographic record (no file)</source>
        <translation>библиографическая запись (без файла)</translation>
    </message>
    <message>
        <source>read as {encoding}</source>
        <translation>прочитан как {encoding}</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} байт</translation>
    </message>
    <message>
        <source>imported {time} UTC</source>
        <translation>импортирован {time} UTC</translation>
    </message>
    <message>
        <source>version {number}</source>
        <translation>версия {number}</translation>
    </message>
    <message>
        <source>note: {text}</source>
        <translation>заметка: {text}</translation>
    </message>
    <message>
        <source>Find… (Ctrl+F)</source>
        <translation>Найти… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Annotate selection…</source>
        <translation>Заметка к выделенному…</translation>
    </message>
    <message>
        <source>Record from the selection:</source>
        <translation>Запись из выделенного:</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Новое событие…</translation>
    </message>
    <message>
        <source>Cite for…</source>
        <translation>Сослаться в записи…</translation>
    </message>
    <message>
        <source>Agreement step…</source>
        <translation>Этап соглашения…</translation>
    </message>
    <message>
        <source>Membership…</source>
        <translation>Членство…</translation>
    </message>
    <message>
        <source>{action} ({key}; select text first)</source>
        <translation>{action} ({key}; сначала выделите текст)</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Изменить сведения…</translation>
    </message>
    <message>
        <source>Change the title, authors, dates and other details of this source</source>
        <translation>Изменить заголовок, авторов, даты и другие сведения об этом источнике</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Новая версия…</translation>
    </message>
    <message>
        <source>Import a newer version of this text; its passages are placed again</source>
        <translation>Импортировать более новую версию этого текста; его фрагменты будут размещены заново</translation>
    </message>
    <message>
        <source>About this source</source>
        <translation>Об этом источнике</translation>
    </message>
    <message>
        <source>Reliability:</source>
        <translation>Надёжность:</translation>
    </message>
    <message>
        <source>The Admiralty code&apos;s source grade: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged. D and E count as low reliability in the evidence grades of the claims citing it.</source>
        <translation>Оценка источника по коду Адмиралтейства: A полностью надёжен, B обычно надёжен, C достаточно надёжен, D обычно ненадёжен, E ненадёжен, F надёжность невозможно оценить. D и E считаются низкой надёжностью в оценках доказанности утверждений, ссылающихся на него.</translation>
    </message>
    <message>
        <source>Edit reliability…</source>
        <translation>Изменить надёжность…</translation>
    </message>
    <message>
        <source>Grade this source (your own sources only: the corpus grades its own)</source>
        <translation>Оценить этот источник (только ваши источники: корпус оценивает свои сам)</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>Click a passage to find it in the text; double-click a record to open it.</source>
        <translation>Щёлкните фрагмент, чтобы найти его в тексте; двойной щелчок по записи открывает её.</translation>
    </message>
    <message>
        <source>Passages of this source</source>
        <translation>Фрагменты этого источника</translation>
    </message>
    <message>
        <source>Passages not found in this version</source>
        <translation>Фрагменты, не найденные в этой версии</translation>
    </message>
    <message>
        <source>A newer version of the text no longer holds these quotes. They keep their notes and citations; cite the right words again, or import a version that holds them.</source>
        <translation>В новой версии текста этих цитат больше нет. Их заметки и ссылки сохранены; сошлитесь на нужные слова заново или импортируйте версию, где они есть.</translation>
    </message>
    <message>
        <source>Notes on the selected passage</source>
        <translation>Заметки к выбранному фрагменту</translation>
    </message>
    <message>
        <source>Select a passage to see and add its notes.</source>
        <translation>Выберите фрагмент, чтобы увидеть и добавить заметки к нему.</translation>
    </message>
    <message>
        <source>Notes on this source</source>
        <translation>Заметки об этом источнике</translation>
    </message>
    <message>
        <source>Find in text</source>
        <translation>Найти в тексте</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>Издатель:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>Опубликовано:</translation>
    </message>
    <message>
        <source>Data as of:</source>
        <translation>Данные на дату:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Imported from:</source>
        <translation>Импортирован из:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>That passage is not in this version of the text; it is listed under “Passages not found in this version”.</source>
        <translation>Этого фрагмента нет в данной версии текста; он указан в разделе «Фрагменты, не найденные в этой версии».</translation>
    </message>
    <message>
        <source>That passage is no longer in this source.</source>
        <translation>Этого фрагмента больше нет в источнике.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>There is no source “{id}” in this library (a newer corpus may have removed it).</source>
        <translation>В этой библиотеке нет источника «{id}» (возможно, его удалила новая версия корпуса).</translation>
    </message>
    <message>
        <source>The source could not be read: {reason}</source>
        <translation>Не удалось прочитать источник: {reason}</translation>
    </message>
    <message>
        <source>The source could not be read again: {reason}</source>
        <translation>Не удалось заново прочитать источник: {reason}</translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation>опубликовано: {date}</translation>
    </message>
    <message>
        <source>publication date not stated</source>
        <translation>дата публикации не указана</translation>
    </message>
    <message>
        <source>The shipped corpus&apos;s details are read-only; add a note instead</source>
        <translation>Сведения поставляемого корпуса только для чтения; добавьте вместо этого заметку</translation>
    </message>
    <message>
        <source>The shipped corpus updates its own texts</source>
        <translation>Поставляемый корпус сам обновляет свои тексты</translation>
    </message>
    <message>
        <source>{symbol} A source of low reliability: {grade}. Every claim resting on it alone is graded uncorroborated.</source>
        <translation>{symbol} Источник низкой надёжности: {grade}. Любое утверждение, опирающееся только на него, оценивается как неподтверждённое.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>без примечания</translation>
    </message>
    <message>
        <source>A copy of: {title} (not an independent witness)</source>
        <translation>Копия: {title} (не независимый свидетель)</translation>
    </message>
    <message>
        <source>Copied by: {title}</source>
        <translation>Копируется в: {title}</translation>
    </message>
    <message>
        <source>[not part of the article] {text}</source>
        <translation>[не часть статьи] {text}</translation>
    </message>
    <message>
        <source>[your citation] {text}</source>
        <translation>[ваша ссылка] {text}</translation>
    </message>
    <message>
        <source>[your selection] {text}</source>
        <translation>[ваше выделение] {text}</translation>
    </message>
    <message>
        <source>p. {page} · {text}</source>
        <translation>с. {page} · {text}</translation>
    </message>
    <message>
        <source>Double-click to open: {label}</source>
        <translation>Двойной щелчок — открыть: {label}</translation>
    </message>
    <message>
        <source>{quote} — cited by {records}</source>
        <translation>{quote} — ссылаются: {records}</translation>
    </message>
    <message>
        <source>Not found since the version of {time}</source>
        <translation>Не найдено начиная с версии от {time}</translation>
    </message>
    <message>
        <source>New version of “{title}”</source>
        <translation>Новая версия «{title}»</translation>
    </message>
    <message>
        <source>Passage “{quote}”</source>
        <translation>Фрагмент «{quote}»</translation>
    </message>
    <message>
        <source>This library file is read-only.</source>
        <translation>Этот файл библиотеки доступен только для чтения.</translation>
    </message>
    <message>
        <source>Write a note on the selected text</source>
        <translation>Написать заметку к выделенному тексту</translation>
    </message>
    <message>
        <source>Annotate selection</source>
        <translation>Заметка к выделенному</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Selection not annotated: {reason}</source>
        <translation>Заметка к выделенному не сохранена: {reason}</translation>
    </message>
    <message>
        <source>Not recorded: the selection holds only spaces</source>
        <translation>Не записано: в выделенном только пробелы</translation>
    </message>
</context>
<context>
    <name>SourceTextView</name>
    <message>
        <source>New event from selection…</source>
        <translation>Новое событие из выделенного…</translation>
    </message>
    <message>
        <source>Cite selection for…</source>
        <translation>Сослаться на выделенное в записи…</translation>
    </message>
    <message>
        <source>New agreement / agreement step from selection…</source>
        <translation>Новое соглашение / этап соглашения из выделенного…</translation>
    </message>
    <message>
        <source>New membership status from selection…</source>
        <translation>Новый статус членства из выделенного…</translation>
    </message>
    <message>
        <source>Annotate selection…</source>
        <translation>Заметка к выделенному…</translation>
    </message>
    <message>
        <source>Find in text…</source>
        <translation>Найти в тексте…</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Совпадения</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>корпус</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>мой</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>words in the sources&apos; titles and full text; &quot;a phrase&quot;; a prefix*</source>
        <translation>слова в заголовках и полном тексте источников; &quot;фраза&quot;; префикс*</translation>
    </message>
    <message>
        <source>Search the sources&apos; text</source>
        <translation>Поиск по тексту источников</translation>
    </message>
    <message>
        <source>Only my sources</source>
        <translation>Только мои источники</translation>
    </message>
    <message>
        <source>Import sources…</source>
        <translation>Импорт источников…</translation>
    </message>
    <message>
        <source>The sources could not be read: {reason}</source>
        <translation>Не удалось прочитать источники: {reason}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>No source holds these words.</source>
        <translation>Ни в одном источнике нет этих слов.</translation>
    </message>
    <message>
        <source>the {shown} best of {total} sources, with {hits} hits</source>
        <translation>лучшие {shown} из {total} источников, совпадений: {hits}</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) with {hits} hits</source>
        <translation>
            <numerusform>%n источник, совпадений: {hits}</numerusform>
            <numerusform>%n источника, совпадений: {hits}</numerusform>
            <numerusform>%n источников, совпадений: {hits}</numerusform>
        </translation>
    </message>
    <message>
        <source>the first {shown} of {total} sources</source>
        <translation>первые {shown} из {total} источников</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) ({mine} of them yours)</source>
        <translation>
            <numerusform>%n источник (ваших среди них: {mine})</numerusform>
            <numerusform>%n источника (ваших среди них: {mine})</numerusform>
            <numerusform>%n источников (ваших среди них: {mine})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message>
        <source>Nothing to count under this filter.</source>
        <translation>С этим фильтром считать нечего.</translation>
    </message>
    <message numerus="yes">
        <source>{period} · {label}: %n event(s)</source>
        <translation>
            <numerusform>{period} · {label}: %n событие</numerusform>
            <numerusform>{period} · {label}: %n события</numerusform>
            <numerusform>{period} · {label}: %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to show them in the timeline</source>
        <translation>Щёлкните, чтобы показать их в хронологии</translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <source>supports</source>
        <translation>подтверждает</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>противоречит</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Edit agreement step</source>
        <translation>Изменить этап соглашения</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Новое соглашение</translation>
    </message>
    <message>
        <source>New agreement / agreement step from selection</source>
        <translation>Новое соглашение / этап соглашения из выделенного</translation>
    </message>
    <message>
        <source>An agreement already recorded</source>
        <translation>Уже записанное соглашение</translation>
    </message>
    <message>
        <source>A new agreement</source>
        <translation>Новое соглашение</translation>
    </message>
    <message>
        <source>Step of:</source>
        <translation>Этап соглашения:</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>соглашение</translation>
    </message>
    <message>
        <source>Agreement title</source>
        <translation>Название соглашения</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>parties (countries)</source>
        <translation>стороны (страны)</translation>
    </message>
    <message>
        <source>Countries:</source>
        <translation>Страны:</translation>
    </message>
    <message>
        <source>parties (organisations)</source>
        <translation>стороны (организации)</translation>
    </message>
    <message>
        <source>Organisations:</source>
        <translation>Организации:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Date as written:</source>
        <translation>Дата, как написано:</translation>
    </message>
    <message>
        <source>Date note:</source>
        <translation>Примечание к дате:</translation>
    </message>
    <message>
        <source>the country that took the step</source>
        <translation>страна, совершившая этот шаг</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
</context>
<context>
    <name>StepKind</name>
    <message>
        <source>proposed</source>
        <translation>предложено</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>подписано</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>одобрено</translation>
    </message>
    <message>
        <source>ratified</source>
        <translation>ратифицировано</translation>
    </message>
    <message>
        <source>ratification rejected</source>
        <translation>в ратификации отказано</translation>
    </message>
    <message>
        <source>entered into force</source>
        <translation>вступило в силу</translation>
    </message>
    <message>
        <source>implementation began</source>
        <translation>начато выполнение</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>выход</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>правопреемство</translation>
    </message>
</context>
<context>
    <name>StepTree</name>
    <message>
        <source>Step</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>As written in the source</source>
        <translation>Как написано в источнике</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказанность</translation>
    </message>
    <message>
        <source>Life-cycle steps</source>
        <translation>Этапы жизненного цикла</translation>
    </message>
    <message>
        <source>{step} (yours)</source>
        <translation>{step} (ваш)</translation>
    </message>
    <message>
        <source>{step}: {date} (EDTF {edtf})</source>
        <translation>{step}: {date} (EDTF {edtf})</translation>
    </message>
    <message>
        <source>As written: {text}</source>
        <translation>Как написано: {text}</translation>
    </message>
    <message>
        <source>Date note: {note}</source>
        <translation>Примечание к дате: {note}</translation>
    </message>
    <message>
        <source>Disputed: {why}</source>
        <translation>Оспаривается: {why}</translation>
    </message>
    <message>
        <source>another source contradicts this</source>
        <translation>другой источник противоречит этому</translation>
    </message>
    <message>
        <source>date note: {note}</source>
        <translation>примечание к дате: {note}</translation>
    </message>
    <message>
        <source>dispute: {note}</source>
        <translation>спор: {note}</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
</context>
</TS>
