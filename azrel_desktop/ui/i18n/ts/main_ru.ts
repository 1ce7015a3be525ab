<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AppContext</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Backed up to {path} ({size} bytes, verified).</source>
        <translation>Резервная копия создана: {path} ({size} байт, проверена).</translation>
    </message>
    <message>
        <source>Restored from {backup}; the replaced file was kept as {kept}.</source>
        <translation>Восстановлено из {backup}; заменённый файл сохранён как {kept}.</translation>
    </message>
    <message>
        <source>Restored from {backup}.</source>
        <translation>Восстановлено из {backup}.</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Wheel: zoom · Shift+wheel: pan in time · drag: move</source>
        <translation>Колесо: масштаб · Shift+колесо: сдвиг по времени · перетаскивание: перемещение</translation>
    </message>
    <message>
        <source>⌘-scroll or pinch</source>
        <translation>⌘-прокрутка или щипок</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+колесо</translation>
    </message>
    <message>
        <source>Timeline chart</source>
        <translation>Диаграмма хронологии</translation>
    </message>
    <message>
        <source>  (as written: {text})</source>
        <translation>  (в источнике: {text})</translation>
    </message>
    <message>
        <source>Date approximate</source>
        <translation>Дата приблизительная</translation>
    </message>
    <message>
        <source>Date uncertain</source>
        <translation>Дата неточная</translation>
    </message>
    <message>
        <source>Organisations: {names}</source>
        <translation>Организации: {names}</translation>
    </message>
    <message>
        <source>Countries: {names}</source>
        <translation>Страны: {names}</translation>
    </message>
    <message>
        <source>Evidence: {grade} ({explanation})</source>
        <translation>Доказательства: {grade} ({explanation})</translation>
    </message>
</context>
<context>
    <name>ChartScene</name>
    <message>
        <source>No events match the filter.</source>
        <translation>Нет событий, отвечающих фильтру.</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Дорожка</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочие</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Remove “{chip}” from the filter</source>
        <translation>Убрать «{chip}» из фильтра</translation>
    </message>
    <message>
        <source>Remove filter: {chip}</source>
        <translation>Убрать условие фильтра: {chip}</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <source>Clear all</source>
        <translation>Сбросить всё</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Все события</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} event(s)</source>
        <translation>
            <numerusform>{shown} из {total} события</numerusform>
            <numerusform>{shown} из {total} событий</numerusform>
            <numerusform>{shown} из {total} событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting events…</source>
        <translation>Подсчёт событий…</translation>
    </message>
</context>
<context>
    <name>CitedCounts</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es)</source>
        <translation>
            <numerusform>%n статус</numerusform>
            <numerusform>%n статуса</numerusform>
            <numerusform>%n статусов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n description(s)</source>
        <translation>
            <numerusform>%n описание</numerusform>
            <numerusform>%n описания</numerusform>
            <numerusform>%n описаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n founding date(s)</source>
        <translation>
            <numerusform>%n дата основания</numerusform>
            <numerusform>%n даты основания</numerusform>
            <numerusform>%n дат основания</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>e.g. 1997, 1997-05, 1998-05-28, spring 1998</source>
        <translation>напр. 1997, 1997-05, 1998-05-28, spring 1998</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Начальная дата</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Конечная дата</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>{bound}: “{text}” is not a date I understand ({hint}).</source>
        <translation>{bound}: «{text}» не распознано как дата ({hint}).</translation>
    </message>
    <message>
        <source>{bound} “{text}” is not a date: ignored</source>
        <translation>{bound} «{text}» — не дата: не учтено</translation>
    </message>
    <message>
        <source>The dates do not make a window: {reason}.</source>
        <translation>Даты не образуют интервал: {reason}.</translation>
    </message>
    <message>
        <source>From “{start}” to “{end}” is not a window: dates ignored</source>
        <translation>С «{start}» по «{end}» — не интервал: даты не учтены</translation>
    </message>
    <message>
        <source>Shown without it; the chips say so.</source>
        <translation>Показано без этого условия; метки фильтра об этом сообщают.</translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Select an event to see its date, sources and notes.</source>
        <translation>Выберите событие, чтобы увидеть его дату, источники и заметки.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>The event could not be read: {error}</source>
        <translation>Не удалось прочитать событие: {error}</translation>
    </message>
    <message>
        <source>Notes are not available in this build.</source>
        <translation>Заметки недоступны в этой сборке.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Соглашения</translation>
    </message>
    <message>
        <source>  ·  ⚠ disputed</source>
        <translation>  ·  ⚠ спорное</translation>
    </message>
    <message>
        <source>As written: “{text}”</source>
        <translation>В источнике: «{text}»</translation>
    </message>
    <message>
        <source>EDTF {date}  ·  precision: {precision}</source>
        <translation>EDTF {date}  ·  точность: {precision}</translation>
    </message>
    <message>
        <source>Between {start} and {end}</source>
        <translation>Между {start} и {end}</translation>
    </message>
    <message>
        <source>Date note: {note}</source>
        <translation>Примечание к дате: {note}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Место: {place}</translation>
    </message>
    <message>
        <source>From the shipped corpus (read-only: cite passages for or against it from a source, or add a note)</source>
        <translation>Из поставляемого корпуса (только чтение: укажите фрагменты источника за или против или добавьте заметку)</translation>
    </message>
    <message>
        <source> · made {time}</source>
        <translation> · создано {time}</translation>
    </message>
    <message>
        <source>, changed {time}</source>
        <translation>, изменено {time}</translation>
    </message>
    <message>
        <source>Your record</source>
        <translation>Ваша запись</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Open the page of {name}</source>
        <translation>Открыть страницу: {name}</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Не записано.</translation>
    </message>
    <message numerus="yes">
        <source>Evidence — %n source(s)</source>
        <translation>
            <numerusform>Доказательства — %n источник</numerusform>
            <numerusform>Доказательства — %n источника</numerusform>
            <numerusform>Доказательства — %n источников</numerusform>
        </translation>
    </message>
    <message>
        <source>Computed from the citations, never typed: independent sources are different sources none of which copies another; low reliability is Admiralty grade D or E.</source>
        <translation>Вычисляется по ссылкам, а не вводится вручную: независимые источники — разные источники, ни один из которых не копирует другой; низкая надёжность — оценка D или E по шкале Адмиралтейства.</translation>
    </message>
    <message>
        <source>⚠ Disputed</source>
        <translation>⚠ Спорное</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>Подтверждают</translation>
    </message>
    <message>
        <source>Contradicting</source>
        <translation>Опровергают</translation>
    </message>
    <message>
        <source>Supporting passages</source>
        <translation>Подтверждающие фрагменты</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Загрузка событий…</translation>
    </message>
    <message>
        <source>Loading events</source>
        <translation>Загрузка событий</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>open start</source>
        <translation>открытое начало</translation>
    </message>
    <message>
        <source>open end</source>
        <translation>открытый конец</translation>
    </message>
    <message>
        <source>As written: {text}</source>
        <translation>В источнике: {text}</translation>
    </message>
    <message>
        <source>Precision: {precision}</source>
        <translation>Точность: {precision}</translation>
    </message>
    <message>
        <source>Bounds: {start} to {end}</source>
        <translation>Границы: с {start} по {end}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>The date as the source gives it; hover a cell for its precision and bounds.</source>
        <translation>Дата в том виде, как её даёт источник; наведите курсор на ячейку, чтобы увидеть точность и границы.</translation>
    </message>
    <message>
        <source>Number of sources with a passage supporting the event.</source>
        <translation>Число источников с фрагментом, подтверждающим событие.</translation>
    </message>
    <message>
        <source>Notes: how many of your notes are on the event.</source>
        <translation>Заметки: сколько ваших заметок относится к событию.</translation>
    </message>
    <message>
        <source>Evidence, computed from the citations: corroborated, single source, uncorroborated (only low-reliability sources) or contested (a passage contradicts it).</source>
        <translation>Доказательства, вычисленные по ссылкам: подтверждено, один источник, не подтверждено (только источники низкой надёжности) или оспорено (фрагмент ему противоречит).</translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <translation>Сортировать по столбцу «{column}»</translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation>Нет организаций</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>Нет стран</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Нет заметок</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>Exporting annotations…</source>
        <translation>Экспорт заметок…</translation>
    </message>
    <message>
        <source>Preparing the rows, once after the corpus changed… {done} of {total}</source>
        <translation>Подготовка строк после изменения корпуса (однократно)… {done} из {total}</translation>
    </message>
    <message>
        <source>Exporting… {done} of {total} rows</source>
        <translation>Экспорт… {done} из {total} строк</translation>
    </message>
</context>
<context>
    <name>ExportResult</name>
    <message>
        <source>Export cancelled; {path} was not changed.</source>
        <translation>Экспорт отменён; {path} не изменён.</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Ошибка экспорта: {error}</translation>
    </message>
</context>
<context>
    <name>FacetSection</name>
    <message>
        <source>No options yet.</source>
        <translation>Вариантов пока нет.</translation>
    </message>
    <message>
        <source>Narrow the list…</source>
        <translation>Сузить список…</translation>
    </message>
    <message>
        <source>{count} more not listed: narrow the list to find them</source>
        <translation>Ещё {count} не показаны: сузьте список, чтобы их найти</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with the other filters</source>
        <translation>
            <numerusform>%n событие с учётом других фильтров</numerusform>
            <numerusform>%n события с учётом других фильтров</numerusform>
            <numerusform>%n событий с учётом других фильтров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  (%n chosen)</source>
        <translation>
            <numerusform>  (выбран %n)</numerusform>
            <numerusform>  (выбрано %n)</numerusform>
            <numerusform>  (выбрано %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileJob</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Any</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Only disputed</source>
        <translation>Только спорные</translation>
    </message>
    <message>
        <source>Only undisputed</source>
        <translation>Только бесспорные</translation>
    </message>
    <message>
        <source>Search titles, summaries, quotes… (Ctrl+L)</source>
        <translation>Поиск по названиям, описаниям, цитатам… (Ctrl+L)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Спорные</translation>
    </message>
    <message>
        <source>Annotated only</source>
        <translation>Только с заметками</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Сбросить всё</translation>
    </message>
    <message>
        <source>Remove every filter</source>
        <translation>Убрать все фильтры</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>Only disputed ({count})</source>
        <translation>Только спорные ({count})</translation>
    </message>
    <message>
        <source>Only undisputed ({count})</source>
        <translation>Только бесспорные ({count})</translation>
    </message>
    <message>
        <source>Annotated only ({count})</source>
        <translation>Только с заметками ({count})</translation>
    </message>
    <message>
        <source>Counts unavailable: {error}</source>
        <translation>Подсчёт недоступен: {error}</translation>
    </message>
</context>
<context>
    <name>LinkLabel</name>
    <message>
        <source>Open {name}</source>
        <translation>Открыть: {name}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: {path} cannot be written, so you can browse and export but not save notes. Copy the file somewhere writable to annotate.</source>
        <translation>Только чтение: в {path} нельзя записывать, поэтому можно просматривать и экспортировать, но не сохранять заметки. Чтобы делать заметки, скопируйте файл в доступное для записи место.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation>Вернуться на предыдущую страницу</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>Снова вперёд</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export the timeline&apos;s events, filtered and sorted as shown</source>
        <translation>Экспортировать события хронологии с текущими фильтрами и сортировкой</translation>
    </message>
    <message>
        <source>Export annotations…</source>
        <translation>Экспорт заметок…</translation>
    </message>
    <message>
        <source>Export all your notes to CSV</source>
        <translation>Экспортировать все ваши заметки в CSV</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Создать резервную копию</translation>
    </message>
    <message>
        <source>A verified copy of the library in the backups folder</source>
        <translation>Проверенная копия библиотеки в папке резервных копий</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Replace the library with a backup; the current file is kept aside</source>
        <translation>Заменить библиотеку резервной копией; текущий файл сохраняется отдельно</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Every source, or those whose text holds words</source>
        <translation>Все источники или те, в тексте которых есть слова</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <source>Counts per year by organisation, country and source, under the timeline&apos;s filter</source>
        <translation>Подсчёт по годам в разрезе организаций, стран и источников с фильтром хронологии</translation>
    </message>
    <message>
        <source>Import sources…</source>
        <translation>Импорт источников…</translation>
    </message>
    <message>
        <source>Import your own texts, PDFs, Word files, web pages or bibliographies</source>
        <translation>Импортировать собственные тексты, PDF, файлы Word, веб-страницы или библиографии</translation>
    </message>
    <message>
        <source>Search the timeline</source>
        <translation>Поиск по хронологии</translation>
    </message>
    <message>
        <source>About AzRel Desktop</source>
        <translation>О программе AzRel Desktop</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>The interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>Quick guide</source>
        <translation>Краткое руководство</translation>
    </message>
    <message>
        <source>The walkthrough and the shortcuts</source>
        <translation>Пошаговое знакомство и сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Навигация</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Экспорт событий</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Экспорт заметок</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Экспорт в {path}…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>{message}

The file {path} was not changed.</source>
        <translation>{message}

Файл {path} не изменён.</translation>
    </message>
    <message>
        <source>Exported, with a warning</source>
        <translation>Экспортировано с предупреждением</translation>
    </message>
</context>
<context>
    <name>MissingPage</name>
    <message>
        <source>The {kind} page is not available: {reason}</source>
        <translation>Страница «{kind}» недоступна: {reason}</translation>
    </message>
</context>
<context>
    <name>NoticeChip</name>
    <message>
        <source>{notice}. Click to clear what was typed.</source>
        <translation>{notice}. Нажмите, чтобы стереть введённое.</translation>
    </message>
    <message>
        <source>Filter notice: {notice}</source>
        <translation>Замечание к фильтру: {notice}</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <source>Export report…</source>
        <translation>Экспорт отчёта…</translation>
    </message>
    <message>
        <source>A chronology of the timeline&apos;s events, every claim footnoted to its source</source>
        <translation>Хронология событий со сносками на источник для каждого утверждения</translation>
    </message>
    <message>
        <source>Export to Excel workbook…</source>
        <translation>Экспорт в книгу Excel…</translation>
    </message>
    <message>
        <source>The timeline&apos;s events as an .xlsx workbook with real dates</source>
        <translation>События хронологии в виде книги .xlsx с настоящими датами</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>Copy the selected record&apos;s quoted passages with their citations</source>
        <translation>Скопировать цитируемые фрагменты выбранной записи вместе со ссылками</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Запись отчёта…</translation>
    </message>
    <message>
        <source>Export to Excel workbook</source>
        <translation>Экспорт в книгу Excel</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Запись книги…</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Запись {path}…</translation>
    </message>
    <message>
        <source>Select an event (or open a record or a passage) to copy its citation</source>
        <translation>Выберите событие (или откройте запись или фрагмент), чтобы скопировать ссылку</translation>
    </message>
    <message>
        <source>Citation copied</source>
        <translation>Ссылка скопирована</translation>
    </message>
    <message>
        <source>Could not copy the citation: {error}</source>
        <translation>Не удалось скопировать ссылку: {error}</translation>
    </message>
</context>
<context>
    <name>PassageCard</name>
    <message>
        <source>Open “{title}” ({kind}) at this passage</source>
        <translation>Открыть «{title}» ({kind}) на этом фрагменте</translation>
    </message>
    <message>
        <source>{mark} Source of low reliability: {grade}</source>
        <translation>{mark} Источник низкой надёжности: {grade}</translation>
    </message>
    <message>
        <source>The source is graded D (not usually reliable) or E (unreliable): weigh this quote with care. Its page says why.</source>
        <translation>Источник имеет оценку D (обычно ненадёжный) или E (ненадёжный): относитесь к цитате осторожно. Причина указана на его странице.</translation>
    </message>
    <message>
        <source>Remove this citation</source>
        <translation>Удалить эту ссылку</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Язык интерфейса:</translation>
    </message>
    <message>
        <source>A new language is shown after a restart of AzRel Desktop.</source>
        <translation>Новый язык будет показан после перезапуска AzRel Desktop.</translation>
    </message>
    <message>
        <source>The environment variable {name} chooses the language while it is set.</source>
        <translation>Пока задана переменная окружения {name}, язык выбирает она.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Перейти к:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Родительский каталог</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Создать папку</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Подробный вид</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Имя файла:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Типы файлов:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Новая папка</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Переименовать</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Показать ск&amp;рытые файлы</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Новая папка</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Выбрать</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Каталог:</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Папка с файлами</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Ярлык</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестный</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Каталоги</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Мой компьютер</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 уже существует.
Заменить его?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Действительно удалить «%1»?</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Недавние документы</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Перейти в родительский каталог</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Создать новую папку</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Переключить в режим списка</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Переключить в подробный режим</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Боковая панель</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Найти каталог</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Файл не найден.
Проверьте правильность указанного имени файла.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Дата изменения</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Мой компьютер</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить действие</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить действие</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Вырезать</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>В&amp;ставить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Выделить всё</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Показать подробности...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Скрыть подробности...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Сохранить все</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Да для &amp;всех</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;ет для всех</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Восстановить значения по умолчанию</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить действие</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить действие</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Вырезать</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Скопировать &amp;адрес ссылки</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>В&amp;ставить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Выделить всё</translation>
    </message>
</context>
<context>
    <name>QuickGuide</name>
    <message>
        <source>Quick guide — AzRel Desktop</source>
        <translation>Краткое руководство — AzRel Desktop</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Chicago author-date (18th edition)</source>
        <translation>Chicago, автор — дата (18-е издание)</translation>
    </message>
    <message>
        <source>APA (7th edition)</source>
        <translation>APA (7-е издание)</translation>
    </message>
    <message>
        <source>Harvard (Cite Them Right)</source>
        <translation>Гарвардский (Cite Them Right)</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Документ Word</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Веб-страница (HTML)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <source>Include my notes on each event</source>
        <translation>Включить мои заметки к каждому событию</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Citation style:</source>
        <translation>Стиль ссылок:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Saved views</source>
        <translation>Сохранённые виды</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>Сохранить текущий вид…</translation>
    </message>
    <message>
        <source>Manage saved views…</source>
        <translation>Управление сохранёнными видами…</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <source>Name of this view (its filter, sort and lanes):</source>
        <translation>Название вида (его фильтр, сортировка и дорожки):</translation>
    </message>
    <message>
        <source>There is already a view named “{name}”. Replace it with the current filter? (Edit → Undo brings it back.)</source>
        <translation>Вид «{name}» уже существует. Заменить его текущим фильтром? (Правка → Отменить вернёт его.)</translation>
    </message>
    <message>
        <source>Opened the view “{name}”</source>
        <translation>Открыт вид «{name}»</translation>
    </message>
    <message>
        <source>; left out what is gone: {what}</source>
        <translation>; пропущено то, чего больше нет: {what}</translation>
    </message>
    <message>
        <source>Save view {name}</source>
        <translation>сохранение вида {name}</translation>
    </message>
    <message>
        <source>Rename view {name}</source>
        <translation>переименование вида {name}</translation>
    </message>
    <message>
        <source>Delete view {name}</source>
        <translation>удаление вида {name}</translation>
    </message>
</context>
<context>
    <name>SavedViewsDialog</name>
    <message>
        <source>Saved views</source>
        <translation>Сохранённые виды</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>No saved views yet: use View → Saved views → Save current view…</source>
        <translation>Сохранённых видов пока нет: воспользуйтесь командой Вид → Сохранённые виды → Сохранить текущий вид…</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Переименовать вид</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Удалить вид</translation>
    </message>
    <message>
        <source>Delete the view “{name}”? (Edit → Undo brings it back.)</source>
        <translation>Удалить вид «{name}»? (Правка → Отменить вернёт его.)</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>By organisation</source>
        <translation>По организациям</translation>
    </message>
    <message>
        <source>Lanes by organisation (bodies in their parent&apos;s lane)</source>
        <translation>Дорожки по организациям (органы — на дорожке своей организации)</translation>
    </message>
    <message>
        <source>By country</source>
        <translation>По странам</translation>
    </message>
    <message>
        <source>Lanes by partner country</source>
        <translation>Дорожки по странам-партнёрам</translation>
    </message>
    <message>
        <source>Zoom out (wheel, {gesture}, −)</source>
        <translation>Уменьшить (колесо, {gesture}, −)</translation>
    </message>
    <message>
        <source>Zoom in (wheel, {gesture}, +)</source>
        <translation>Увеличить (колесо, {gesture}, +)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Целиком</translation>
    </message>
    <message>
        <source>Show the whole range</source>
        <translation>Показать весь период</translation>
    </message>
    <message>
        <source>● day  ▬ period  ┄ approximate  ⬚ no later evidence</source>
        <translation>● день  ▬ период  ┄ приблизительно  ⬚ нет поздних свидетельств</translation>
    </message>
    <message>
        <source>A dot is an exact day; a bar is a month, season, year or interval.
Faded ends and a dashed outline mark an approximate or uncertain date;
an arrow marks an unknown start; a faint dashed end is &quot;no later evidence&quot;:
no source gives an end, and none dated after that point supports it;
double chevrons: the event goes on beyond the From/To window shown.
The mark at the top right of each event is its evidence, computed from its citations:</source>
        <translation>Точка — точный день; полоса — месяц, сезон, год или интервал.
Блёклые концы и пунктирный контур означают приблизительную или неточную дату;
стрелка — неизвестное начало; бледный пунктирный конец — «нет поздних свидетельств»:
ни один источник не указывает конец, и ни один источник с более поздней датой его не подтверждает;
двойные уголки: событие выходит за показанный интервал С/По.
Знак в правом верхнем углу события — его доказательства, вычисленные по ссылкам:</translation>
    </message>
    <message>
        <source>The wheel (or {gesture}, or +/−) zooms about the pointer; Shift+wheel or drag pans in time;
the scrollbar or Alt+wheel moves through the lanes.
Each organisation or country keeps its colour whatever the filter.</source>
        <translation>Колесо (или {gesture}, или +/−) меняет масштаб вокруг указателя; Shift+колесо или перетаскивание сдвигают по времени;
полоса прокрутки или Alt+колесо перемещают по дорожкам.
Каждая организация и страна сохраняет свой цвет при любом фильтре.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The chart could not load: {error}</source>
        <translation>Не удалось загрузить диаграмму: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} event(s), sampled</source>
        <translation>
            <numerusform>{shown} из {total} события, выборка</numerusform>
            <numerusform>{shown} из {total} событий, выборка</numerusform>
            <numerusform>{shown} из {total} событий, выборка</numerusform>
        </translation>
    </message>
    <message>
        <source>More than {limit} events match, so the chart shows a sample spread over the whole span: every event has the same chance, and the same filter gives the same sample. The table lists every event. Narrow the filter to chart them all.</source>
        <translation>Фильтру отвечает больше {limit} событий, поэтому диаграмма показывает выборку по всему периоду: у каждого события одинаковые шансы, и один и тот же фильтр даёт одну и ту же выборку. В таблице перечислены все события. Сузьте фильтр, чтобы показать на диаграмме все.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Could not show the event: {error}</source>
        <translation>Не удалось показать событие: {error}</translation>
    </message>
    <message>
        <source>Events could not be loaded: {error}</source>
        <translation>Не удалось загрузить события: {error}</translation>
    </message>
    <message>
        <source>Timeline — {title}</source>
        <translation>Хронология — {title}</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>No event {id} in this library.</source>
        <translation>В этой библиотеке нет события {id}.</translation>
    </message>
    <message>
        <source>Filters that hid the event were removed: {filters}</source>
        <translation>Сняты фильтры, скрывавшие событие: {filters}</translation>
    </message>
</context>
<context>
    <name>_Plural</name>
    <message numerus="yes">
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n строка записана в {path}</numerusform>
            <numerusform>%n строки записаны в {path}</numerusform>
            <numerusform>%n строк записано в {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) support this event</source>
        <translation>
            <numerusform>%n источник подтверждает это событие</numerusform>
            <numerusform>%n источника подтверждают это событие</numerusform>
            <numerusform>%n источников подтверждают это событие</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n заметка</numerusform>
            <numerusform>%n заметки</numerusform>
            <numerusform>%n заметок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>AzRel Desktop {version} (MIT licence)</source>
        <translation>AzRel Desktop {version} (лицензия MIT)</translation>
    </message>
    <message>
        <source>A research browser for the foreign relations of Azerbaijan. Every fact is cited to an exact passage of a source.</source>
        <translation>Исследовательский обозреватель внешних связей Азербайджана. Каждый факт подкреплён ссылкой на точный фрагмент источника.</translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation>Библиотека: {path}</translation>
    </message>
    <message>
        <source>Events: {count}</source>
        <translation>Событий: {count}</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Компоненты:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Creating your library (the first start takes a few seconds)…</source>
        <translation>Создание вашей библиотеки (первый запуск занимает несколько секунд)…</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error}</source>
        <translation>Не удалось открыть {path}: {error}</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Открытие библиотеки…</translation>
    </message>
    <message>
        <source>{app} cannot open the library</source>
        <translation>{app} не может открыть библиотеку</translation>
    </message>
    <message>
        <source>You can choose another library file (or a new file name to start a fresh library), or quit. The file was not changed.</source>
        <translation>Можно выбрать другой файл библиотеки (или новое имя файла, чтобы начать новую библиотеку) либо выйти. Файл не изменён.</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Выбрать другой файл…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>{app}: the library is damaged</source>
        <translation>{app}: библиотека повреждена</translation>
    </message>
    <message>
        <source>The damaged file was kept as {name}. Restore the backup from {time}?</source>
        <translation>Повреждённый файл сохранён как {name}. Восстановить резервную копию от {time}?</translation>
    </message>
    <message>
        <source>Restore backup from {time}</source>
        <translation>Восстановить копию от {time}</translation>
    </message>
    <message>
        <source>Open or create an AzRel library</source>
        <translation>Открыть или создать библиотеку AzRel</translation>
    </message>
    <message>
        <source>AzRel libraries (*.sqlite3 *.db);;All files (*)</source>
        <translation>Библиотеки AzRel (*.sqlite3 *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The library could not be opened.</source>
        <translation>Не удалось открыть библиотеку.</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>AzRel backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>Резервные копии AzRel (*.sqlite3 *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Replace the library with the backup {name}?

The current file is kept aside first, so nothing is lost.</source>
        <translation>Заменить библиотеку резервной копией {name}?

Текущий файл сначала сохраняется отдельно, так что ничего не теряется.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
</context>
<context>
    <name>context_menus</name>
    <message>
        <source>Citation copied: {text}</source>
        <translation>Ссылка скопирована: {text}</translation>
    </message>
    <message>
        <source>The citation could not be read: {error}</source>
        <translation>Не удалось прочитать ссылку: {error}</translation>
    </message>
    <message>
        <source>Quote copied.</source>
        <translation>Цитата скопирована.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>Note added (Ctrl+Z to undo).</source>
        <translation>Заметка добавлена (Ctrl+Z — отменить).</translation>
    </message>
    <message>
        <source>Note not added: {reason}</source>
        <translation>Заметка не добавлена: {reason}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open source</source>
        <translation>Открыть источник</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Добавить заметку…</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>Copy quote</source>
        <translation>Копировать цитату</translation>
    </message>
    <message>
        <source>Filter timeline by organisation: {name}</source>
        <translation>Отфильтровать хронологию по организации: {name}</translation>
    </message>
    <message>
        <source>Filter timeline by country: {name}</source>
        <translation>Отфильтровать хронологию по стране: {name}</translation>
    </message>
</context>
<context>
    <name>core_labels</name>
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
        <translation>оспорено</translation>
    </message>
    <message>
        <source>supported by two or more independent sources, none of low reliability needed</source>
        <translation>подтверждено двумя или более независимыми источниками без опоры на источники низкой надёжности</translation>
    </message>
    <message>
        <source>supported by one source (or by copies of one), not of low reliability</source>
        <translation>подтверждено одним источником (или его копиями) не низкой надёжности</translation>
    </message>
    <message>
        <source>supported only by sources of low reliability</source>
        <translation>подтверждено только источниками низкой надёжности</translation>
    </message>
    <message>
        <source>a cited passage contradicts it</source>
        <translation>ему противоречит приведённый фрагмент</translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation>полностью надёжный</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>обычно надёжный</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>достаточно надёжный</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>обычно ненадёжный</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>ненадёжный</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>надёжность невозможно оценить</translation>
    </message>
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
    <message>
        <source>treaty</source>
        <translation>договор</translation>
    </message>
    <message>
        <source>charter</source>
        <translation>хартия</translation>
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
        <source>agreement</source>
        <translation>соглашение</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>план</translation>
    </message>
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
        <translation>заменено</translation>
    </message>
    <message>
        <source>founding member</source>
        <translation>член-учредитель</translation>
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
        <translation>членство приостановлено</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>exact day</source>
        <translation>точный день</translation>
    </message>
    <message>
        <source>month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <source>season</source>
        <translation>сезон</translation>
    </message>
    <message>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <source>decade</source>
        <translation>десятилетие</translation>
    </message>
    <message>
        <source>century</source>
        <translation>век</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>интервал</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>приблизительно</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>неточно</translation>
    </message>
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
        <translation>ваш выделенный фрагмент с заметкой</translation>
    </message>
    <message>
        <source>not part of the article</source>
        <translation>не часть статьи</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>корпус</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>мои</translation>
    </message>
    <message>
        <source>the shipped corpus</source>
        <translation>поставляемый корпус</translation>
    </message>
    <message>
        <source>events you recorded</source>
        <translation>записанные вами события</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>предмет</translation>
    </message>
    <message>
        <source>party</source>
        <translation>сторона</translation>
    </message>
    <message>
        <source>host</source>
        <translation>принимающая сторона</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>гость</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>выступающий</translation>
    </message>
    <message>
        <source>signatory</source>
        <translation>подписант</translation>
    </message>
    <message>
        <source>location</source>
        <translation>место</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>действующее лицо</translation>
    </message>
    <message>
        <source>addressee</source>
        <translation>адресат</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>упомянут</translation>
    </message>
    <message>
        <source>convener</source>
        <translation>созывающая сторона</translation>
    </message>
    <message>
        <source>admitting</source>
        <translation>принимающая в члены</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>получатель</translation>
    </message>
    <message>
        <source>organiser</source>
        <translation>организатор</translation>
    </message>
    <message>
        <source>accuser</source>
        <translation>обвинитель</translation>
    </message>
    <message>
        <source>accused</source>
        <translation>обвиняемый</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>вышестоящая организация</translation>
    </message>
    <message>
        <source>advocate</source>
        <translation>сторонник</translation>
    </message>
    <message>
        <source>attacker</source>
        <translation>нападающая сторона</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>участник-донор</translation>
    </message>
    <message>
        <source>court</source>
        <translation>суд</translation>
    </message>
    <message>
        <source>donor</source>
        <translation>донор</translation>
    </message>
    <message>
        <source>founder</source>
        <translation>основатель</translation>
    </message>
    <message>
        <source>framework</source>
        <translation>рамка</translation>
    </message>
    <message>
        <source>head</source>
        <translation>глава</translation>
    </message>
    <message>
        <source>interviewee</source>
        <translation>интервьюируемый</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>издавший</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>ведущий</translation>
    </message>
    <message>
        <source>peacekeeper</source>
        <translation>миротворец</translation>
    </message>
    <message>
        <source>respondent</source>
        <translation>ответчик</translation>
    </message>
    <message>
        <source>spokesman</source>
        <translation>представитель</translation>
    </message>
    <message>
        <source>submitter</source>
        <translation>подавший</translation>
    </message>
    <message>
        <source>withdrawing</source>
        <translation>выходящий</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Kinds of event</source>
        <translation>Типы событий</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <source>Your tags</source>
        <translation>Ваши метки</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>Your own events</source>
        <translation>Ваши события</translation>
    </message>
    <message>
        <source>The shipped corpus</source>
        <translation>Поставляемый корпус</translation>
    </message>
    <message>
        <source>spring {year}</source>
        <translation>весна {year}</translation>
    </message>
    <message>
        <source>summer {year}</source>
        <translation>лето {year}</translation>
    </message>
    <message>
        <source>autumn {year}</source>
        <translation>осень {year}</translation>
    </message>
    <message>
        <source>winter {year}</source>
        <translation>зима {year}</translation>
    </message>
    <message>
        <source>century {number}</source>
        <translation>{number} век</translation>
    </message>
    <message>
        <source>the {decade}s</source>
        <translation>{decade}-е годы</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation>около {date}</translation>
    </message>
    <message>
        <source>possibly {date}</source>
        <translation>возможно, {date}</translation>
    </message>
    <message>
        <source>about, possibly {date}</source>
        <translation>около, возможно, {date}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>до {date}</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>с {date}</translation>
    </message>
    <message>
        <source>organisation is {name}</source>
        <translation>организация: {name}</translation>
    </message>
    <message>
        <source>country is {name}</source>
        <translation>страна: {name}</translation>
    </message>
    <message>
        <source>person is {name}</source>
        <translation>лицо: {name}</translation>
    </message>
    <message>
        <source>source is {name}</source>
        <translation>источник: {name}</translation>
    </message>
    <message>
        <source>evidence is {name}</source>
        <translation>доказательства: {name}</translation>
    </message>
    <message>
        <source>tagged {name}</source>
        <translation>метка: {name}</translation>
    </message>
    <message>
        <source>kind is {kind}</source>
        <translation>тип: {kind}</translation>
    </message>
    <message>
        <source>your own events</source>
        <translation>ваши события</translation>
    </message>
    <message>
        <source>the shipped corpus&apos;s events</source>
        <translation>события поставляемого корпуса</translation>
    </message>
    <message>
        <source>disputed only</source>
        <translation>только спорные</translation>
    </message>
    <message>
        <source>undisputed only</source>
        <translation>только бесспорные</translation>
    </message>
    <message>
        <source>annotated only</source>
        <translation>только с заметками</translation>
    </message>
    <message>
        <source>text “{text}” ignored: it holds no words</source>
        <translation>текст «{text}» не учтён: в нём нет слов</translation>
    </message>
    <message>
        <source>text contains “{text}”</source>
        <translation>текст содержит «{text}»</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>без оценки</translation>
    </message>
    <message>
        <source>unknown grade</source>
        <translation>неизвестная оценка</translation>
    </message>
    <message>
        <source>{country} — {status} of {organisation}</source>
        <translation>{country} — {organisation}: {status}</translation>
    </message>
    <message>
        <source>{agreement} — {step} {date}</source>
        <translation>{agreement} — {step}: {date}</translation>
    </message>
    <message>
        <source>{agreement} — {step}</source>
        <translation>{agreement} — {step}</translation>
    </message>
    <message>
        <source>{organisation} (founded)</source>
        <translation>{organisation} (основание)</translation>
    </message>
    <message>
        <source>{organisation} (description)</source>
        <translation>{organisation} (описание)</translation>
    </message>
</context>
<context>
    <name>crash_report</name>
    <message>
        <source>AzRel Desktop: unexpected error</source>
        <translation>AzRel Desktop: непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong inside AzRel Desktop. Your saved work is safe: every change is saved when it is made.

{error}

The details were written to {log}. Please include that file when you report the problem.</source>
        <translation>В AzRel Desktop что-то пошло не так. Сохранённая работа в безопасности: каждое изменение сохраняется сразу.

{error}

Подробности записаны в {log}. Приложите этот файл, сообщая о проблеме.</translation>
    </message>
</context>
<context>
    <name>export_formats</name>
    <message>
        <source>CSV for Excel and LibreOffice, UTF-8 with byte-order mark</source>
        <translation>CSV для Excel и LibreOffice, UTF-8 с меткой порядка байтов</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Книга Excel</translation>
    </message>
</context>
<context>
    <name>file_check</name>
    <message>
        <source>AzRel Desktop can close it now and recover it: the damaged file is moved aside (never deleted) and your newest verified backup is offered, or, without one, your own records are saved into a new file. Until then, what can still be read stays readable; the check runs again at the next start.</source>
        <translation>AzRel Desktop может закрыть её сейчас и восстановить: повреждённый файл переносится в сторону (и никогда не удаляется), и предлагается ваша последняя проверенная резервная копия, а если её нет, ваши собственные записи сохраняются в новый файл. До тех пор то, что ещё читается, остаётся доступным; при следующем запуске проверка повторится.</translation>
    </message>
    <message>
        <source>Recover now</source>
        <translation>Восстановить сейчас</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
</context>
<context>
    <name>saved_views</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
</context>
<context>
    <name>undo_command</name>
    <message>
        <source>Could not {action}: {reason}</source>
        <translation>Не удалось выполнить {action}: {reason}</translation>
    </message>
</context>
</TS>
