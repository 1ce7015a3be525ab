<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az" sourcelanguage="en">
<context>
    <name>AppContext</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Saxlanılmadı: {reason}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Backed up to {path} ({size} bytes, verified).</source>
        <translation>Ehtiyat nüsxə çıxarıldı: {path} ({size} bayt, yoxlanılıb).</translation>
    </message>
    <message>
        <source>Restored from {backup}; the replaced file was kept as {kept}.</source>
        <translation>{backup} nüsxəsindən bərpa edildi; əvəzlənən fayl {kept} kimi saxlanıldı.</translation>
    </message>
    <message>
        <source>Restored from {backup}.</source>
        <translation>{backup} nüsxəsindən bərpa edildi.</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Wheel: zoom · Shift+wheel: pan in time · drag: move</source>
        <translation>Təkər: miqyas · Shift+təkər: zamanda sürüşdür · dartma: hərəkət et</translation>
    </message>
    <message>
        <source>⌘-scroll or pinch</source>
        <translation>⌘-sürüşdürmə və ya çimdik</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+təkər</translation>
    </message>
    <message>
        <source>Timeline chart</source>
        <translation>Zaman xəttinin diaqramı</translation>
    </message>
    <message>
        <source>  (as written: {text})</source>
        <translation>  (mənbədə: {text})</translation>
    </message>
    <message>
        <source>Date approximate</source>
        <translation>Tarix təxminidir</translation>
    </message>
    <message>
        <source>Date uncertain</source>
        <translation>Tarix dəqiq deyil</translation>
    </message>
    <message>
        <source>Organisations: {names}</source>
        <translation>Təşkilatlar: {names}</translation>
    </message>
    <message>
        <source>Countries: {names}</source>
        <translation>Ölkələr: {names}</translation>
    </message>
    <message>
        <source>Evidence: {grade} ({explanation})</source>
        <translation>Sübut: {grade} ({explanation})</translation>
    </message>
</context>
<context>
    <name>ChartScene</name>
    <message>
        <source>No events match the filter.</source>
        <translation>Filtrə uyğun hadisə yoxdur.</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Zolaq</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Digər</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Remove “{chip}” from the filter</source>
        <translation>“{chip}” şərtini filtrdən çıxar</translation>
    </message>
    <message>
        <source>Remove filter: {chip}</source>
        <translation>Filtri çıxar: {chip}</translation>
    </message>
</context>
<context>
    <name>ChipBar</name>
    <message>
        <source>Clear all</source>
        <translation>Hamısını təmizlə</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Bütün hadisələr</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} event(s)</source>
        <translation>
            <numerusform>{total} hadisədən {shown}</numerusform>
            <numerusform>{total} hadisədən {shown}</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting events…</source>
        <translation>Hadisələr sayılır…</translation>
    </message>
</context>
<context>
    <name>CitedCounts</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n hadisə</numerusform>
            <numerusform>%n hadisə</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es)</source>
        <translation>
            <numerusform>%n status</numerusform>
            <numerusform>%n status</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n description(s)</source>
        <translation>
            <numerusform>%n təsvir</numerusform>
            <numerusform>%n təsvir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n founding date(s)</source>
        <translation>
            <numerusform>%n təsis tarixi</numerusform>
            <numerusform>%n təsis tarixi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>e.g. 1997, 1997-05, 1998-05-28, spring 1998</source>
        <translation>məs. 1997, 1997-05, 1998-05-28, spring 1998</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Başlanğıc tarix</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Son tarix</translation>
    </message>
    <message>
        <source>any</source>
        <translation>istənilən</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Başlanğıc</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>{bound}: “{text}” is not a date I understand ({hint}).</source>
        <translation>{bound}: “{text}” tanınan tarix deyil ({hint}).</translation>
    </message>
    <message>
        <source>{bound} “{text}” is not a date: ignored</source>
        <translation>{bound} “{text}” tarix deyil: nəzərə alınmadı</translation>
    </message>
    <message>
        <source>The dates do not make a window: {reason}.</source>
        <translation>Tarixlər aralıq təşkil etmir: {reason}.</translation>
    </message>
    <message>
        <source>From “{start}” to “{end}” is not a window: dates ignored</source>
        <translation>“{start}” – “{end}” aralıq deyil: tarixlər nəzərə alınmadı</translation>
    </message>
    <message>
        <source>Shown without it; the chips say so.</source>
        <translation>Onsuz göstərilir; filtr nişanları bunu bildirir.</translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Select an event to see its date, sources and notes.</source>
        <translation>Tarixini, mənbələrini və qeydlərini görmək üçün hadisə seçin.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>açıq</translation>
    </message>
    <message>
        <source>The event could not be read: {error}</source>
        <translation>Hadisəni oxumaq mümkün olmadı: {error}</translation>
    </message>
    <message>
        <source>Notes are not available in this build.</source>
        <translation>Bu buraxılışda qeydlər mövcud deyil.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Təşkilatlar</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Ölkələr</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Şəxslər</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Sazişlər</translation>
    </message>
    <message>
        <source>  ·  ⚠ disputed</source>
        <translation>  ·  ⚠ mübahisəli</translation>
    </message>
    <message>
        <source>As written: “{text}”</source>
        <translation>Mənbədə: “{text}”</translation>
    </message>
    <message>
        <source>EDTF {date}  ·  precision: {precision}</source>
        <translation>EDTF {date}  ·  dəqiqlik: {precision}</translation>
    </message>
    <message>
        <source>Between {start} and {end}</source>
        <translation>{start} ilə {end} arasında</translation>
    </message>
    <message>
        <source>Date note: {note}</source>
        <translation>Tarix haqqında qeyd: {note}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Yer: {place}</translation>
    </message>
    <message>
        <source>From the shipped corpus (read-only: cite passages for or against it from a source, or add a note)</source>
        <translation>Proqramla gələn korpusdandır (yalnız oxumaq üçün: mənbədən onun lehinə və ya əleyhinə parçalar göstərin, yaxud qeyd əlavə edin)</translation>
    </message>
    <message>
        <source> · made {time}</source>
        <translation> · yaradılıb: {time}</translation>
    </message>
    <message>
        <source>, changed {time}</source>
        <translation>, dəyişdirilib: {time}</translation>
    </message>
    <message>
        <source>Your record</source>
        <translation>Sizin qeydiniz</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redaktə et…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Sil…</translation>
    </message>
    <message>
        <source>Open the page of {name}</source>
        <translation>{name} səhifəsini aç</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Qeydə alınmayıb.</translation>
    </message>
    <message numerus="yes">
        <source>Evidence — %n source(s)</source>
        <translation>
            <numerusform>Sübut — %n mənbə</numerusform>
            <numerusform>Sübut — %n mənbə</numerusform>
        </translation>
    </message>
    <message>
        <source>Computed from the citations, never typed: independent sources are different sources none of which copies another; low reliability is Admiralty grade D or E.</source>
        <translation>İstinadlardan hesablanır, əl ilə yazılmır: müstəqil mənbələr bir-birini köçürməyən fərqli mənbələrdir; aşağı etibarlılıq Admiralty şkalası üzrə D və ya E dərəcəsidir.</translation>
    </message>
    <message>
        <source>⚠ Disputed</source>
        <translation>⚠ Mübahisəli</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>Təsdiq edən</translation>
    </message>
    <message>
        <source>Contradicting</source>
        <translation>Təkzib edən</translation>
    </message>
    <message>
        <source>Supporting passages</source>
        <translation>Təsdiq edən parçalar</translation>
    </message>
</context>
<context>
    <name>EventTable</name>
    <message>
        <source>Events</source>
        <translation>Hadisələr</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Hadisələr yüklənir…</translation>
    </message>
    <message>
        <source>Loading events</source>
        <translation>Hadisələr yüklənir</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>open start</source>
        <translation>açıq başlanğıc</translation>
    </message>
    <message>
        <source>open end</source>
        <translation>açıq son</translation>
    </message>
    <message>
        <source>As written: {text}</source>
        <translation>Mənbədə: {text}</translation>
    </message>
    <message>
        <source>Precision: {precision}</source>
        <translation>Dəqiqlik: {precision}</translation>
    </message>
    <message>
        <source>Bounds: {start} to {end}</source>
        <translation>Hədlər: {start} – {end}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Təşkilatlar</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Ölkələr</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Sübut</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Qeydlər</translation>
    </message>
    <message>
        <source>The date as the source gives it; hover a cell for its precision and bounds.</source>
        <translation>Mənbədə göstərildiyi kimi tarix; dəqiqliyini və hədlərini görmək üçün kursoru xananın üzərində saxlayın.</translation>
    </message>
    <message>
        <source>Number of sources with a passage supporting the event.</source>
        <translation>Hadisəni təsdiq edən parçası olan mənbələrin sayı.</translation>
    </message>
    <message>
        <source>Notes: how many of your notes are on the event.</source>
        <translation>Qeydlər: hadisəyə aid qeydlərinizin sayı.</translation>
    </message>
    <message>
        <source>Evidence, computed from the citations: corroborated, single source, uncorroborated (only low-reliability sources) or contested (a passage contradicts it).</source>
        <translation>İstinadlardan hesablanan sübut: təsdiqlənmiş, tək mənbə, təsdiqlənməmiş (yalnız aşağı etibarlı mənbələr) və ya mübahisələndirilmiş (bir parça onu təkzib edir).</translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <translation>{column} üzrə sırala</translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation>Təşkilat yoxdur</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>Ölkə yoxdur</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Qeyd yoxdur</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>Exporting…</source>
        <translation>İxrac edilir…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>CSV-yə ixrac</translation>
    </message>
    <message>
        <source>Exporting annotations…</source>
        <translation>Qeydlər ixrac edilir…</translation>
    </message>
    <message>
        <source>Preparing the rows, once after the corpus changed… {done} of {total}</source>
        <translation>Korpus dəyişdiyi üçün sətirlər bir dəfə hazırlanır… {total} sətirdən {done}</translation>
    </message>
    <message>
        <source>Exporting… {done} of {total} rows</source>
        <translation>İxrac edilir… {total} sətirdən {done}</translation>
    </message>
</context>
<context>
    <name>ExportResult</name>
    <message>
        <source>Export cancelled; {path} was not changed.</source>
        <translation>İxrac ləğv edildi; {path} dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>İxrac alınmadı: {error}</translation>
    </message>
</context>
<context>
    <name>FacetSection</name>
    <message>
        <source>No options yet.</source>
        <translation>Hələ seçim yoxdur.</translation>
    </message>
    <message>
        <source>Narrow the list…</source>
        <translation>Siyahını daralt…</translation>
    </message>
    <message>
        <source>{count} more not listed: narrow the list to find them</source>
        <translation>Daha {count} seçim göstərilmir: tapmaq üçün siyahını daraldın</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with the other filters</source>
        <translation>
            <numerusform>Digər filtrlərlə %n hadisə</numerusform>
            <numerusform>Digər filtrlərlə %n hadisə</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  (%n chosen)</source>
        <translation>
            <numerusform>  (%n seçilib)</numerusform>
            <numerusform>  (%n seçilib)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileJob</name>
    <message>
        <source>Export</source>
        <translation>İxrac</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Any</source>
        <translation>İstənilən</translation>
    </message>
    <message>
        <source>Only disputed</source>
        <translation>Yalnız mübahisəli</translation>
    </message>
    <message>
        <source>Only undisputed</source>
        <translation>Yalnız mübahisəsiz</translation>
    </message>
    <message>
        <source>Search titles, summaries, quotes… (Ctrl+L)</source>
        <translation>Başlıq, xülasə, sitat üzrə axtarış… (Ctrl+L)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Axtarış</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Mübahisəli</translation>
    </message>
    <message>
        <source>Annotated only</source>
        <translation>Yalnız qeydli</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Hamısını təmizlə</translation>
    </message>
    <message>
        <source>Remove every filter</source>
        <translation>Bütün filtrləri çıxar</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtrlər</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Sayılır…</translation>
    </message>
    <message>
        <source>Only disputed ({count})</source>
        <translation>Yalnız mübahisəli ({count})</translation>
    </message>
    <message>
        <source>Only undisputed ({count})</source>
        <translation>Yalnız mübahisəsiz ({count})</translation>
    </message>
    <message>
        <source>Annotated only ({count})</source>
        <translation>Yalnız qeydli ({count})</translation>
    </message>
    <message>
        <source>Counts unavailable: {error}</source>
        <translation>Saylar əlçatan deyil: {error}</translation>
    </message>
</context>
<context>
    <name>LinkLabel</name>
    <message>
        <source>Open {name}</source>
        <translation>{name} aç</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: {path} cannot be written, so you can browse and export but not save notes. Copy the file somewhere writable to annotate.</source>
        <translation>Yalnız oxumaq üçün: {path} faylına yazmaq mümkün deyil, ona görə baxa və ixrac edə bilərsiniz, amma qeyd saxlaya bilməzsiniz. Qeyd etmək üçün faylı yazıla bilən yerə köçürün.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Ehtiyat nüsxə</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Yalnız oxumaq üçün</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <source>Go back to the previous page</source>
        <translation>Əvvəlki səhifəyə qayıt</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>İrəli</translation>
    </message>
    <message>
        <source>Go forward again</source>
        <translation>Yenidən irəli keç</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>CSV-yə ixrac…</translation>
    </message>
    <message>
        <source>Export the timeline&apos;s events, filtered and sorted as shown</source>
        <translation>Zaman xəttinin hadisələrini göstərildiyi kimi süzülmüş və sıralanmış halda ixrac et</translation>
    </message>
    <message>
        <source>Export annotations…</source>
        <translation>Qeydləri ixrac et…</translation>
    </message>
    <message>
        <source>Export all your notes to CSV</source>
        <translation>Bütün qeydlərinizi CSV-yə ixrac edin</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>İndi ehtiyat nüsxə çıxar</translation>
    </message>
    <message>
        <source>A verified copy of the library in the backups folder</source>
        <translation>Kitabxananın ehtiyat nüsxələr qovluğunda yoxlanılmış surəti</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Ehtiyat nüsxədən bərpa et…</translation>
    </message>
    <message>
        <source>Replace the library with a backup; the current file is kept aside</source>
        <translation>Kitabxananı ehtiyat nüsxə ilə əvəz et; cari fayl kənarda saxlanılır</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıxış</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Geri qaytar</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Təkrarla</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zaman xətti</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Qeydlər</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <source>Every source, or those whose text holds words</source>
        <translation>Bütün mənbələr və ya mətnində sözlər olanlar</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Təhlil</translation>
    </message>
    <message>
        <source>Counts per year by organisation, country and source, under the timeline&apos;s filter</source>
        <translation>Zaman xəttinin filtri altında illər üzrə təşkilat, ölkə və mənbə saylamaları</translation>
    </message>
    <message>
        <source>Import sources…</source>
        <translation>Mənbələri idxal et…</translation>
    </message>
    <message>
        <source>Import your own texts, PDFs, Word files, web pages or bibliographies</source>
        <translation>Öz mətnlərinizi, PDF və Word fayllarınızı, veb-səhifələri və ya biblioqrafiyaları idxal edin</translation>
    </message>
    <message>
        <source>Search the timeline</source>
        <translation>Zaman xəttində axtar</translation>
    </message>
    <message>
        <source>About AzRel Desktop</source>
        <translation>AzRel Desktop haqqında</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Parametrlər…</translation>
    </message>
    <message>
        <source>The interface language</source>
        <translation>İnterfeysin dili</translation>
    </message>
    <message>
        <source>Quick guide</source>
        <translation>Qısa bələdçi</translation>
    </message>
    <message>
        <source>The walkthrough and the shortcuts</source>
        <translation>Addım-addım təlimat və qısayol düymələri</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fayl</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redaktə</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>K&amp;eçid</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Təşkilatlar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Naviqasiya</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Hadisələri ixrac et</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Qeydləri ixrac et</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>{path} faylına ixrac edilir…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>İxrac alınmadı</translation>
    </message>
    <message>
        <source>{message}

The file {path} was not changed.</source>
        <translation>{message}

{path} faylı dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>Exported, with a warning</source>
        <translation>İxrac edildi, xəbərdarlıqla</translation>
    </message>
</context>
<context>
    <name>MissingPage</name>
    <message>
        <source>The {kind} page is not available: {reason}</source>
        <translation>“{kind}” səhifəsi mövcud deyil: {reason}</translation>
    </message>
</context>
<context>
    <name>NoticeChip</name>
    <message>
        <source>{notice}. Click to clear what was typed.</source>
        <translation>{notice}. Yazılanı silmək üçün klikləyin.</translation>
    </message>
    <message>
        <source>Filter notice: {notice}</source>
        <translation>Filtr bildirişi: {notice}</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <source>Export report…</source>
        <translation>Hesabatı ixrac et…</translation>
    </message>
    <message>
        <source>A chronology of the timeline&apos;s events, every claim footnoted to its source</source>
        <translation>Zaman xətti hadisələrinin xronologiyası, hər iddia mənbəyinə haşiyə ilə istinad edir</translation>
    </message>
    <message>
        <source>Export to Excel workbook…</source>
        <translation>Excel kitabına ixrac…</translation>
    </message>
    <message>
        <source>The timeline&apos;s events as an .xlsx workbook with real dates</source>
        <translation>Zaman xəttinin hadisələri əsl tarixlərlə .xlsx kitabı kimi</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>İstinadı köçür</translation>
    </message>
    <message>
        <source>Copy the selected record&apos;s quoted passages with their citations</source>
        <translation>Seçilmiş qeydin sitat gətirilən parçalarını istinadları ilə köçür</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Hesabatı ixrac et</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Hesabat yazılır…</translation>
    </message>
    <message>
        <source>Export to Excel workbook</source>
        <translation>Excel kitabına ixrac</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Kitab yazılır…</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>{path} yazılır…</translation>
    </message>
    <message>
        <source>Select an event (or open a record or a passage) to copy its citation</source>
        <translation>İstinadı köçürmək üçün hadisə seçin (və ya qeydi, yaxud parçanı açın)</translation>
    </message>
    <message>
        <source>Citation copied</source>
        <translation>İstinad köçürüldü</translation>
    </message>
    <message>
        <source>Could not copy the citation: {error}</source>
        <translation>İstinadı köçürmək mümkün olmadı: {error}</translation>
    </message>
</context>
<context>
    <name>PassageCard</name>
    <message>
        <source>Open “{title}” ({kind}) at this passage</source>
        <translation>“{title}” ({kind}) mənbəyini bu parçada aç</translation>
    </message>
    <message>
        <source>{mark} Source of low reliability: {grade}</source>
        <translation>{mark} Aşağı etibarlı mənbə: {grade}</translation>
    </message>
    <message>
        <source>The source is graded D (not usually reliable) or E (unreliable): weigh this quote with care. Its page says why.</source>
        <translation>Mənbə D (adətən etibarlı deyil) və ya E (etibarsız) dərəcəsindədir: bu sitatı ehtiyatla qiymətləndirin. Səbəbi mənbənin səhifəsində yazılıb.</translation>
    </message>
    <message>
        <source>Remove this citation</source>
        <translation>Bu istinadı sil</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Parametrlər</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Sistem dili</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>İnterfeysin dili:</translation>
    </message>
    <message>
        <source>A new language is shown after a restart of AzRel Desktop.</source>
        <translation>Yeni dil AzRel Desktop yenidən başladıldıqdan sonra göstəriləcək.</translation>
    </message>
    <message>
        <source>The environment variable {name} chooses the language while it is set.</source>
        <translation>{name} mühit dəyişəni təyin olunduqca dili o seçir.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Bax:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>İrəli</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Ana qovluq</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Yeni qovluq yarat</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Siyahı</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Ətraflı görünüş</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Faylın &amp;adı:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Fayl növü:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Aç</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Saxla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Fərqli saxla</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Yeni qovluq</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Adını &amp;dəyiş</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Sil</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>&amp;Gizli faylları göstər</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Yeni qovluq</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Seç</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Qovluq:</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Fayl qovluğu</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Qovluq</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Psevdonim</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Qısayol</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Naməlum</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Bütün fayllar (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Qovluqlar</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Kompüterim</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 artıq mövcuddur.
Onu əvəz etmək istəyirsiniz?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>“%1” silinsin?</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Son yerlər</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Geri qayıt</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>İrəli keç</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ana qovluğa keç</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Yeni qovluq yarat</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Siyahı görünüşünə keç</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Ətraflı görünüşə keç</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Yan panel</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fayllar</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Qovluğu tap</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Fayl tapılmadı.
Faylın adının düzgün verildiyini yoxlayın.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ölçü</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Dəyişdirilmə tarixi</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Kompüterim</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Kompüter</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri qaytar</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Təkrarla</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Kəs</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kö&amp;çür</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Yapışdır</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Hamısını seç</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Ətraflı göstər...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ətraflını gizlət...</translation>
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
        <translation>Saxla</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Hamısını saxla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Bəli</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>&amp;Hamısına bəli</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Xeyr</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Ha&amp;mısına xeyr</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Təkrar cəhd et</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nəzərə alma</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Kömək</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tətbiq et</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Sıfırla</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standart dəyərləri bərpa et</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri qaytar</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Təkrarla</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Kəs</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kö&amp;çür</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>&amp;Keçidin ünvanını köçür</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Yapışdır</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Hamısını seç</translation>
    </message>
</context>
<context>
    <name>QuickGuide</name>
    <message>
        <source>Quick guide — AzRel Desktop</source>
        <translation>Qısa bələdçi — AzRel Desktop</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Chicago author-date (18th edition)</source>
        <translation>Chicago müəllif-tarix (18-ci nəşr)</translation>
    </message>
    <message>
        <source>APA (7th edition)</source>
        <translation>APA (7-ci nəşr)</translation>
    </message>
    <message>
        <source>Harvard (Cite Them Right)</source>
        <translation>Harvard (Cite Them Right)</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word sənədi</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Veb-səhifə (HTML)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Hesabatı ixrac et</translation>
    </message>
    <message>
        <source>Include my notes on each event</source>
        <translation>Hər hadisəyə qeydlərimi əlavə et</translation>
    </message>
    <message>
        <source>Chronology</source>
        <translation>Xronologiya</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Citation style:</source>
        <translation>İstinad üslubu:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Başlıq:</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Saved views</source>
        <translation>Saxlanılmış görünüşlər</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>Cari görünüşü saxla…</translation>
    </message>
    <message>
        <source>Manage saved views…</source>
        <translation>Saxlanılmış görünüşləri idarə et…</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Görünüşü saxla</translation>
    </message>
    <message>
        <source>Name of this view (its filter, sort and lanes):</source>
        <translation>Bu görünüşün adı (filtri, sıralaması və zolaqları):</translation>
    </message>
    <message>
        <source>There is already a view named “{name}”. Replace it with the current filter? (Edit → Undo brings it back.)</source>
        <translation>“{name}” adlı görünüş artıq var. Onu cari filtrlə əvəz edək? (Redaktə → Geri qaytar onu geri gətirir.)</translation>
    </message>
    <message>
        <source>Opened the view “{name}”</source>
        <translation>“{name}” görünüşü açıldı</translation>
    </message>
    <message>
        <source>; left out what is gone: {what}</source>
        <translation>; artıq olmayanlar buraxıldı: {what}</translation>
    </message>
    <message>
        <source>Save view {name}</source>
        <translation>{name} görünüşünü saxla</translation>
    </message>
    <message>
        <source>Rename view {name}</source>
        <translation>{name} görünüşünün adını dəyiş</translation>
    </message>
    <message>
        <source>Delete view {name}</source>
        <translation>{name} görünüşünü sil</translation>
    </message>
</context>
<context>
    <name>SavedViewsDialog</name>
    <message>
        <source>Saved views</source>
        <translation>Saxlanılmış görünüşlər</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Adını dəyiş…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>No saved views yet: use View → Saved views → Save current view…</source>
        <translation>Hələ saxlanılmış görünüş yoxdur: Görünüş → Saxlanılmış görünüşlər → Cari görünüşü saxla… əmrindən istifadə edin</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Görünüşün adını dəyiş</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Yeni ad:</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Görünüşü sil</translation>
    </message>
    <message>
        <source>Delete the view “{name}”? (Edit → Undo brings it back.)</source>
        <translation>“{name}” görünüşü silinsin? (Redaktə → Geri qaytar onu geri gətirir.)</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>By organisation</source>
        <translation>Təşkilat üzrə</translation>
    </message>
    <message>
        <source>Lanes by organisation (bodies in their parent&apos;s lane)</source>
        <translation>Təşkilatlar üzrə zolaqlar (qurumlar ana təşkilatın zolağında)</translation>
    </message>
    <message>
        <source>By country</source>
        <translation>Ölkə üzrə</translation>
    </message>
    <message>
        <source>Lanes by partner country</source>
        <translation>Tərəfdaş ölkələr üzrə zolaqlar</translation>
    </message>
    <message>
        <source>Zoom out (wheel, {gesture}, −)</source>
        <translation>Kiçilt (təkər, {gesture}, −)</translation>
    </message>
    <message>
        <source>Zoom in (wheel, {gesture}, +)</source>
        <translation>Böyüt (təkər, {gesture}, +)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Sığdır</translation>
    </message>
    <message>
        <source>Show the whole range</source>
        <translation>Bütün aralığı göstər</translation>
    </message>
    <message>
        <source>● day  ▬ period  ┄ approximate  ⬚ no later evidence</source>
        <translation>● gün  ▬ dövr  ┄ təxmini  ⬚ sonrakı sübut yoxdur</translation>
    </message>
    <message>
        <source>A dot is an exact day; a bar is a month, season, year or interval.
Faded ends and a dashed outline mark an approximate or uncertain date;
an arrow marks an unknown start; a faint dashed end is &quot;no later evidence&quot;:
no source gives an end, and none dated after that point supports it;
double chevrons: the event goes on beyond the From/To window shown.
The mark at the top right of each event is its evidence, computed from its citations:</source>
        <translation>Nöqtə dəqiq gündür; zolaq ay, fəsil, il və ya aralıqdır.
Solğun uclar və qırıq kontur təxmini və ya qeyri-dəqiq tarixi bildirir;
ox naməlum başlanğıcı göstərir; solğun qırıq son &quot;sonrakı sübut yoxdur&quot; deməkdir:
heç bir mənbə sonu göstərmir və o andan sonrakı tarixli heç bir mənbə onu təsdiq etmir;
ikiqat bucaqlar: hadisə göstərilən Başlanğıc/Son aralığından kənara çıxır.
Hər hadisənin yuxarı sağ küncündəki işarə istinadlardan hesablanan sübutdur:</translation>
    </message>
    <message>
        <source>The wheel (or {gesture}, or +/−) zooms about the pointer; Shift+wheel or drag pans in time;
the scrollbar or Alt+wheel moves through the lanes.
Each organisation or country keeps its colour whatever the filter.</source>
        <translation>Təkər (və ya {gesture}, yaxud +/−) göstəricinin ətrafında miqyası dəyişir; Shift+təkər və ya dartma zamanda sürüşdürür;
sürüşdürmə zolağı və ya Alt+təkər zolaqlar arasında hərəkət edir.
Hər təşkilat və ölkə filtrdən asılı olmayaraq öz rəngini saxlayır.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>The chart could not load: {error}</source>
        <translation>Diaqramı yükləmək mümkün olmadı: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} event(s), sampled</source>
        <translation>
            <numerusform>{total} hadisədən {shown}, seçmə</numerusform>
            <numerusform>{total} hadisədən {shown}, seçmə</numerusform>
        </translation>
    </message>
    <message>
        <source>More than {limit} events match, so the chart shows a sample spread over the whole span: every event has the same chance, and the same filter gives the same sample. The table lists every event. Narrow the filter to chart them all.</source>
        <translation>{limit}-dən çox hadisə uyğun gəlir, ona görə diaqram bütün dövrə yayılmış seçməni göstərir: hər hadisənin şansı eynidir və eyni filtr eyni seçməni verir. Cədvəldə bütün hadisələr var. Hamısını diaqramda görmək üçün filtri daraldın.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n hadisə</numerusform>
            <numerusform>%n hadisə</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Could not show the event: {error}</source>
        <translation>Hadisəni göstərmək mümkün olmadı: {error}</translation>
    </message>
    <message>
        <source>Events could not be loaded: {error}</source>
        <translation>Hadisələri yükləmək mümkün olmadı: {error}</translation>
    </message>
    <message>
        <source>Timeline — {title}</source>
        <translation>Zaman xətti — {title}</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zaman xətti</translation>
    </message>
    <message>
        <source>No event {id} in this library.</source>
        <translation>Bu kitabxanada {id} hadisəsi yoxdur.</translation>
    </message>
    <message>
        <source>Filters that hid the event were removed: {filters}</source>
        <translation>Hadisəni gizlədən filtrlər çıxarıldı: {filters}</translation>
    </message>
</context>
<context>
    <name>_Plural</name>
    <message numerus="yes">
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>{path} faylına %n sətir yazıldı</numerusform>
            <numerusform>{path} faylına %n sətir yazıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) support this event</source>
        <translation>
            <numerusform>Bu hadisəni %n mənbə təsdiq edir</numerusform>
            <numerusform>Bu hadisəni %n mənbə təsdiq edir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n qeyd</numerusform>
            <numerusform>%n qeyd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>AzRel Desktop {version} (MIT licence)</source>
        <translation>AzRel Desktop {version} (MIT lisenziyası)</translation>
    </message>
    <message>
        <source>A research browser for the foreign relations of Azerbaijan. Every fact is cited to an exact passage of a source.</source>
        <translation>Azərbaycanın xarici əlaqələri üzrə tədqiqat bələdçisi. Hər fakt mənbənin dəqiq parçasına istinad edir.</translation>
    </message>
    <message>
        <source>Library: {path}</source>
        <translation>Kitabxana: {path}</translation>
    </message>
    <message>
        <source>Events: {count}</source>
        <translation>Hadisələr: {count}</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>İstifadə olunan komponentlər:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Creating your library (the first start takes a few seconds)…</source>
        <translation>Kitabxananız yaradılır (ilk başlanğıc bir neçə saniyə çəkir)…</translation>
    </message>
    <message>
        <source>{path} could not be opened: {error}</source>
        <translation>{path} açıla bilmədi: {error}</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Kitabxana açılır…</translation>
    </message>
    <message>
        <source>{app} cannot open the library</source>
        <translation>{app} kitabxananı aça bilmir</translation>
    </message>
    <message>
        <source>You can choose another library file (or a new file name to start a fresh library), or quit. The file was not changed.</source>
        <translation>Başqa kitabxana faylı (və ya yeni kitabxana başlamaq üçün yeni fayl adı) seçə, yaxud çıxa bilərsiniz. Fayl dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Başqa fayl seç…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıxış</translation>
    </message>
    <message>
        <source>{app}: the library is damaged</source>
        <translation>{app}: kitabxana zədələnib</translation>
    </message>
    <message>
        <source>The damaged file was kept as {name}. Restore the backup from {time}?</source>
        <translation>Zədələnmiş fayl {name} kimi saxlanıldı. {time} tarixli ehtiyat nüsxə bərpa edilsin?</translation>
    </message>
    <message>
        <source>Restore backup from {time}</source>
        <translation>{time} tarixli ehtiyat nüsxəni bərpa et</translation>
    </message>
    <message>
        <source>Open or create an AzRel library</source>
        <translation>AzRel kitabxanasını aç və ya yarat</translation>
    </message>
    <message>
        <source>AzRel libraries (*.sqlite3 *.db);;All files (*)</source>
        <translation>AzRel kitabxanaları (*.sqlite3 *.db);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <source>The library could not be opened.</source>
        <translation>Kitabxananı açmaq mümkün olmadı.</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <source>Restore from backup</source>
        <translation>Ehtiyat nüsxədən bərpa et</translation>
    </message>
    <message>
        <source>AzRel backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>AzRel ehtiyat nüsxələri (*.sqlite3 *.db);;Bütün fayllar (*)</translation>
    </message>
    <message>
        <source>Replace the library with the backup {name}?

The current file is kept aside first, so nothing is lost.</source>
        <translation>Kitabxana {name} ehtiyat nüsxəsi ilə əvəz edilsin?

Cari fayl əvvəlcə kənarda saxlanılır, ona görə heç nə itmir.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Bərpa et</translation>
    </message>
</context>
<context>
    <name>context_menus</name>
    <message>
        <source>Citation copied: {text}</source>
        <translation>İstinad köçürüldü: {text}</translation>
    </message>
    <message>
        <source>The citation could not be read: {error}</source>
        <translation>İstinadı oxumaq mümkün olmadı: {error}</translation>
    </message>
    <message>
        <source>Quote copied.</source>
        <translation>Sitat köçürüldü.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Qeyd əlavə et</translation>
    </message>
    <message>
        <source>Note added (Ctrl+Z to undo).</source>
        <translation>Qeyd əlavə edildi (geri qaytarmaq üçün Ctrl+Z).</translation>
    </message>
    <message>
        <source>Note not added: {reason}</source>
        <translation>Qeyd əlavə edilmədi: {reason}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Open source</source>
        <translation>Mənbəni aç</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Qeyd əlavə et…</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>İstinadı köçür</translation>
    </message>
    <message>
        <source>Copy quote</source>
        <translation>Sitatı köçür</translation>
    </message>
    <message>
        <source>Filter timeline by organisation: {name}</source>
        <translation>Zaman xəttini təşkilata görə süz: {name}</translation>
    </message>
    <message>
        <source>Filter timeline by country: {name}</source>
        <translation>Zaman xəttini ölkəyə görə süz: {name}</translation>
    </message>
</context>
<context>
    <name>core_labels</name>
    <message>
        <source>corroborated</source>
        <translation>təsdiqlənmiş</translation>
    </message>
    <message>
        <source>single source</source>
        <translation>tək mənbə</translation>
    </message>
    <message>
        <source>uncorroborated</source>
        <translation>təsdiqlənməmiş</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>mübahisələndirilmiş</translation>
    </message>
    <message>
        <source>supported by two or more independent sources, none of low reliability needed</source>
        <translation>iki və ya daha çox müstəqil mənbə ilə təsdiqlənir, aşağı etibarlı mənbəyə ehtiyac olmadan</translation>
    </message>
    <message>
        <source>supported by one source (or by copies of one), not of low reliability</source>
        <translation>bir mənbə (və ya onun surətləri) ilə təsdiqlənir, aşağı etibarlı deyil</translation>
    </message>
    <message>
        <source>supported only by sources of low reliability</source>
        <translation>yalnız aşağı etibarlı mənbələrlə təsdiqlənir</translation>
    </message>
    <message>
        <source>a cited passage contradicts it</source>
        <translation>istinad edilən parça onu təkzib edir</translation>
    </message>
    <message>
        <source>completely reliable</source>
        <translation>tam etibarlı</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>adətən etibarlı</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>kifayət qədər etibarlı</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>adətən etibarlı deyil</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>etibarsız</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>etibarlılığı qiymətləndirmək mümkün deyil</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>səfər</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>görüş</translation>
    </message>
    <message>
        <source>summit</source>
        <translation>sammit</translation>
    </message>
    <message>
        <source>conference</source>
        <translation>konfrans</translation>
    </message>
    <message>
        <source>signing</source>
        <translation>imzalanma</translation>
    </message>
    <message>
        <source>ratification</source>
        <translation>ratifikasiya</translation>
    </message>
    <message>
        <source>membership change</source>
        <translation>üzvlük dəyişikliyi</translation>
    </message>
    <message>
        <source>military operation</source>
        <translation>hərbi əməliyyat</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>münaqişə</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>bəyanat</translation>
    </message>
    <message>
        <source>decree</source>
        <translation>fərman</translation>
    </message>
    <message>
        <source>vote</source>
        <translation>səsvermə</translation>
    </message>
    <message>
        <source>legal action</source>
        <translation>hüquqi addım</translation>
    </message>
    <message>
        <source>withdrawal</source>
        <translation>çıxma</translation>
    </message>
    <message>
        <source>diplomatic relations</source>
        <translation>diplomatik münasibətlər</translation>
    </message>
    <message>
        <source>cooperation</source>
        <translation>əməkdaşlıq</translation>
    </message>
    <message>
        <source>accusation</source>
        <translation>ittiham</translation>
    </message>
    <message>
        <source>other</source>
        <translation>digər</translation>
    </message>
    <message>
        <source>treaty</source>
        <translation>müqavilə</translation>
    </message>
    <message>
        <source>charter</source>
        <translation>xartiya</translation>
    </message>
    <message>
        <source>declaration</source>
        <translation>bəyannamə</translation>
    </message>
    <message>
        <source>programme</source>
        <translation>proqram</translation>
    </message>
    <message>
        <source>convention</source>
        <translation>konvensiya</translation>
    </message>
    <message>
        <source>ceasefire</source>
        <translation>atəşkəs</translation>
    </message>
    <message>
        <source>peace statement</source>
        <translation>sülh bəyanatı</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>saziş</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>təklif edilib</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>imzalanıb</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>təsdiq edilib</translation>
    </message>
    <message>
        <source>ratified</source>
        <translation>ratifikasiya edilib</translation>
    </message>
    <message>
        <source>ratification rejected</source>
        <translation>ratifikasiya rədd edilib</translation>
    </message>
    <message>
        <source>entered into force</source>
        <translation>qüvvəyə minib</translation>
    </message>
    <message>
        <source>implementation began</source>
        <translation>icrasına başlanılıb</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>çıxılıb</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>əvəzlənib</translation>
    </message>
    <message>
        <source>founding member</source>
        <translation>təsisçi üzv</translation>
    </message>
    <message>
        <source>member</source>
        <translation>üzv</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>müşahidəçi</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>tərəfdaş</translation>
    </message>
    <message>
        <source>associate member</source>
        <translation>assosiativ üzv</translation>
    </message>
    <message>
        <source>applicant</source>
        <translation>namizəd</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>üzvlüyü dayandırılıb</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>iştirakçı</translation>
    </message>
    <message>
        <source>exact day</source>
        <translation>dəqiq gün</translation>
    </message>
    <message>
        <source>month</source>
        <translation>ay</translation>
    </message>
    <message>
        <source>season</source>
        <translation>fəsil</translation>
    </message>
    <message>
        <source>year</source>
        <translation>il</translation>
    </message>
    <message>
        <source>decade</source>
        <translation>onillik</translation>
    </message>
    <message>
        <source>century</source>
        <translation>əsr</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>aralıq</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>təxmini</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>qeyri-dəqiq</translation>
    </message>
    <message>
        <source>event</source>
        <translation>hadisə</translation>
    </message>
    <message>
        <source>agreement step</source>
        <translation>saziş mərhələsi</translation>
    </message>
    <message>
        <source>membership / status</source>
        <translation>üzvlük / status</translation>
    </message>
    <message>
        <source>organisation fact</source>
        <translation>təşkilat haqqında fakt</translation>
    </message>
    <message>
        <source>contradicts a record</source>
        <translation>qeydi təkzib edir</translation>
    </message>
    <message>
        <source>your annotated selection</source>
        <translation>qeyd etdiyiniz seçim</translation>
    </message>
    <message>
        <source>not part of the article</source>
        <translation>məqalənin hissəsi deyil</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>korpus</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mənim</translation>
    </message>
    <message>
        <source>the shipped corpus</source>
        <translation>proqramla gələn korpus</translation>
    </message>
    <message>
        <source>events you recorded</source>
        <translation>qeydə aldığınız hadisələr</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>mövzu</translation>
    </message>
    <message>
        <source>party</source>
        <translation>tərəf</translation>
    </message>
    <message>
        <source>host</source>
        <translation>ev sahibi</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>qonaq</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>çıxış edən</translation>
    </message>
    <message>
        <source>signatory</source>
        <translation>imzalayan</translation>
    </message>
    <message>
        <source>location</source>
        <translation>məkan</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>iştirakçı tərəf</translation>
    </message>
    <message>
        <source>addressee</source>
        <translation>ünvanlanan</translation>
    </message>
    <message>
        <source>mentioned</source>
        <translation>adı çəkilən</translation>
    </message>
    <message>
        <source>convener</source>
        <translation>çağıran</translation>
    </message>
    <message>
        <source>admitting</source>
        <translation>qəbul edən</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>alan</translation>
    </message>
    <message>
        <source>organiser</source>
        <translation>təşkilatçı</translation>
    </message>
    <message>
        <source>accuser</source>
        <translation>ittiham edən</translation>
    </message>
    <message>
        <source>accused</source>
        <translation>ittiham olunan</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>ana təşkilat</translation>
    </message>
    <message>
        <source>advocate</source>
        <translation>tərəfdar</translation>
    </message>
    <message>
        <source>attacker</source>
        <translation>hücum edən</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>töhfə verən</translation>
    </message>
    <message>
        <source>court</source>
        <translation>məhkəmə</translation>
    </message>
    <message>
        <source>donor</source>
        <translation>donor</translation>
    </message>
    <message>
        <source>founder</source>
        <translation>təsisçi</translation>
    </message>
    <message>
        <source>framework</source>
        <translation>çərçivə</translation>
    </message>
    <message>
        <source>head</source>
        <translation>rəhbər</translation>
    </message>
    <message>
        <source>interviewee</source>
        <translation>müsahib</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>verən</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>aparıcı</translation>
    </message>
    <message>
        <source>peacekeeper</source>
        <translation>sülhməramlı</translation>
    </message>
    <message>
        <source>respondent</source>
        <translation>cavabdeh</translation>
    </message>
    <message>
        <source>spokesman</source>
        <translation>sözçü</translation>
    </message>
    <message>
        <source>submitter</source>
        <translation>təqdim edən</translation>
    </message>
    <message>
        <source>withdrawing</source>
        <translation>çıxan</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Təşkilatlar</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Ölkələr</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Şəxslər</translation>
    </message>
    <message>
        <source>Kinds of event</source>
        <translation>Hadisə növləri</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Mənşə</translation>
    </message>
    <message>
        <source>Your tags</source>
        <translation>Etiketləriniz</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Sübut</translation>
    </message>
    <message>
        <source>Your own events</source>
        <translation>Öz hadisələriniz</translation>
    </message>
    <message>
        <source>The shipped corpus</source>
        <translation>Proqramla gələn korpus</translation>
    </message>
    <message>
        <source>spring {year}</source>
        <translation>{year}, yaz</translation>
    </message>
    <message>
        <source>summer {year}</source>
        <translation>{year}, yay</translation>
    </message>
    <message>
        <source>autumn {year}</source>
        <translation>{year}, payız</translation>
    </message>
    <message>
        <source>winter {year}</source>
        <translation>{year}, qış</translation>
    </message>
    <message>
        <source>century {number}</source>
        <translation>{number} əsr</translation>
    </message>
    <message>
        <source>the {decade}s</source>
        <translation>{decade}-cı illər</translation>
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
        <translation>təxminən {date}</translation>
    </message>
    <message>
        <source>possibly {date}</source>
        <translation>ehtimal ki, {date}</translation>
    </message>
    <message>
        <source>about, possibly {date}</source>
        <translation>təxminən, ehtimal ki, {date}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>{date} qədər</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>{date} etibarən</translation>
    </message>
    <message>
        <source>organisation is {name}</source>
        <translation>təşkilat: {name}</translation>
    </message>
    <message>
        <source>country is {name}</source>
        <translation>ölkə: {name}</translation>
    </message>
    <message>
        <source>person is {name}</source>
        <translation>şəxs: {name}</translation>
    </message>
    <message>
        <source>source is {name}</source>
        <translation>mənbə: {name}</translation>
    </message>
    <message>
        <source>evidence is {name}</source>
        <translation>sübut: {name}</translation>
    </message>
    <message>
        <source>tagged {name}</source>
        <translation>etiket: {name}</translation>
    </message>
    <message>
        <source>kind is {kind}</source>
        <translation>növ: {kind}</translation>
    </message>
    <message>
        <source>your own events</source>
        <translation>öz hadisələriniz</translation>
    </message>
    <message>
        <source>the shipped corpus&apos;s events</source>
        <translation>proqramla gələn korpusun hadisələri</translation>
    </message>
    <message>
        <source>disputed only</source>
        <translation>yalnız mübahisəli</translation>
    </message>
    <message>
        <source>undisputed only</source>
        <translation>yalnız mübahisəsiz</translation>
    </message>
    <message>
        <source>annotated only</source>
        <translation>yalnız qeydli</translation>
    </message>
    <message>
        <source>text “{text}” ignored: it holds no words</source>
        <translation>“{text}” mətni nəzərə alınmadı: onda söz yoxdur</translation>
    </message>
    <message>
        <source>text contains “{text}”</source>
        <translation>mətndə “{text}” var</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>qiymətləndirilməyib</translation>
    </message>
    <message>
        <source>unknown grade</source>
        <translation>naməlum dərəcə</translation>
    </message>
    <message>
        <source>{country} — {status} of {organisation}</source>
        <translation>{country} — {organisation}: {status}</translation>
    </message>
    <message>
        <source>{agreement} — {step} {date}</source>
        <translation>{agreement} — {date}: {step}</translation>
    </message>
    <message>
        <source>{agreement} — {step}</source>
        <translation>{agreement} — {step}</translation>
    </message>
    <message>
        <source>{organisation} (founded)</source>
        <translation>{organisation} (təsis edilməsi)</translation>
    </message>
    <message>
        <source>{organisation} (description)</source>
        <translation>{organisation} (təsviri)</translation>
    </message>
</context>
<context>
    <name>crash_report</name>
    <message>
        <source>AzRel Desktop: unexpected error</source>
        <translation>AzRel Desktop: gözlənilməz xəta</translation>
    </message>
    <message>
        <source>Something went wrong inside AzRel Desktop. Your saved work is safe: every change is saved when it is made.

{error}

The details were written to {log}. Please include that file when you report the problem.</source>
        <translation>AzRel Desktop daxilində nəsə səhv getdi. Saxlanılmış işiniz təhlükəsizdir: hər dəyişiklik edildiyi anda saxlanılır.

{error}

Təfərrüatlar {log} faylına yazıldı. Problem barədə xəbər verərkən həmin faylı əlavə edin.</translation>
    </message>
</context>
<context>
    <name>export_formats</name>
    <message>
        <source>CSV for Excel and LibreOffice, UTF-8 with byte-order mark</source>
        <translation>Excel və LibreOffice üçün CSV, bayt sırası nişanı ilə UTF-8</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel kitabı</translation>
    </message>
</context>
<context>
    <name>file_check</name>
    <message>
        <source>AzRel Desktop can close it now and recover it: the damaged file is moved aside (never deleted) and your newest verified backup is offered, or, without one, your own records are saved into a new file. Until then, what can still be read stays readable; the check runs again at the next start.</source>
        <translation>AzRel Desktop onu indi bağlayıb bərpa edə bilər: zədələnmiş fayl kənara köçürülür (heç vaxt silinmir) və ən yeni yoxlanılmış ehtiyat nüsxəniz təklif olunur, o olmadıqda isə öz qeydləriniz yeni fayla saxlanılır. O vaxta qədər oxuna bilənlər oxunaqlı qalır; yoxlama növbəti başlanğıcda yenidən aparılır.</translation>
    </message>
    <message>
        <source>Recover now</source>
        <translation>İndi bərpa et</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>İndi yox</translation>
    </message>
</context>
<context>
    <name>saved_views</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüş</translation>
    </message>
</context>
<context>
    <name>undo_command</name>
    <message>
        <source>Could not {action}: {reason}</source>
        <translation>Alınmadı ({action}): {reason}</translation>
    </message>
</context>
</TS>
