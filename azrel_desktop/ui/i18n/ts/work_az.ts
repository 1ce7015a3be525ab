<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az" sourcelanguage="en">
<context>
    <name>ActorDialog</name>
    <message>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>parent body</source>
        <translation>ana qurum</translation>
    </message>
    <message>
        <source>Abbreviation:</source>
        <translation>Abbreviatura:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <source>Body of:</source>
        <translation>Hansı qurumun orqanı:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Vəzifə:</translation>
    </message>
    <message>
        <source>ISO code, e.g. KZ (blank: made up)</source>
        <translation>ISO kodu, məs. KZ (boş: uydurma kod)</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Kod:</translation>
    </message>
</context>
<context>
    <name>AgreementKind</name>
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
        <source>decree</source>
        <translation>fərman</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>saziş</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Tərəflər</translation>
    </message>
    <message>
        <source>no parties on record</source>
        <translation>qeydə alınmış tərəf yoxdur</translation>
    </message>
    <message>
        <source>Life cycle</source>
        <translation>Həyat dövrü</translation>
    </message>
    <message>
        <source>Each step with the quotes it rests on; click a quote to read it in its source.</source>
        <translation>Hər mərhələ əsaslandığı sitatlarla; sitatı mənbəsində oxumaq üçün üzərinə klikləyin.</translation>
    </message>
    <message>
        <source>Related events</source>
        <translation>Əlaqəli hadisələr</translation>
    </message>
    <message>
        <source>no events on record</source>
        <translation>qeydə alınmış hadisə yoxdur</translation>
    </message>
    <message>
        <source>Your notes on this agreement</source>
        <translation>Bu saziş haqqında qeydləriniz</translation>
    </message>
    <message>
        <source>{kind} · yours</source>
        <translation>{kind} · sizin</translation>
    </message>
    <message>
        <source>{kind} · dropped by a newer corpus, kept for your records</source>
        <translation>{kind} · yeni korpusdan çıxarılıb, qeydləriniz üçün saxlanılıb</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>PNG image</source>
        <translation>PNG təsviri</translation>
    </message>
    <message>
        <source>by organisation</source>
        <translation>təşkilatlar üzrə</translation>
    </message>
    <message>
        <source>by country</source>
        <translation>ölkələr üzrə</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>illər üzrə</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>aylar üzrə</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Hadisələr</translation>
    </message>
    <message>
        <source>Sources per event</source>
        <translation>Hər hadisəyə düşən mənbələr</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Təhlil</translation>
    </message>
    <message>
        <source>Events per month by country</source>
        <translation>Aylar üzrə hadisələr, ölkələrə görə</translation>
    </message>
    <message>
        <source>Events per month by organisation</source>
        <translation>Aylar üzrə hadisələr, təşkilatlara görə</translation>
    </message>
    <message>
        <source>Events per year by country</source>
        <translation>İllər üzrə hadisələr, ölkələrə görə</translation>
    </message>
    <message>
        <source>Events per year by organisation</source>
        <translation>İllər üzrə hadisələr, təşkilatlara görə</translation>
    </message>
    <message>
        <source>Events per month by supporting source (coverage)</source>
        <translation>Aylar üzrə hadisələr, təsdiqləyən mənbələrə görə (əhatə)</translation>
    </message>
    <message>
        <source>Events per year by supporting source (coverage)</source>
        <translation>İllər üzrə hadisələr, təsdiqləyən mənbələrə görə (əhatə)</translation>
    </message>
    <message>
        <source>other organisations</source>
        <translation>digər təşkilatlar</translation>
    </message>
    <message>
        <source>other countries</source>
        <translation>digər ölkələr</translation>
    </message>
    <message>
        <source>other sources</source>
        <translation>digər mənbələr</translation>
    </message>
    <message>
        <source>no organisation</source>
        <translation>təşkilat yoxdur</translation>
    </message>
    <message>
        <source>no country</source>
        <translation>ölkə yoxdur</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>mənbə yoxdur</translation>
    </message>
    <message>
        <source>Under the timeline&apos;s filter: {filter}</source>
        <translation>Xronologiyanın filtri ilə: {filter}</translation>
    </message>
    <message>
        <source>All events (the timeline has no filter)</source>
        <translation>Bütün hadisələr (xronologiyada filtr yoxdur)</translation>
    </message>
    <message>
        <source>{count} or more</source>
        <translation>{count} və daha çox</translation>
    </message>
    <message>
        <source>events</source>
        <translation>hadisələr</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) with no supporting source, {single} with one only, of {total}.</source>
        <translation>
            <numerusform>Təsdiqləyən mənbəsi olmayan %n hadisə, yalnız bir mənbəli {single}, cəmi {total}.</numerusform>
            <numerusform>Təsdiqləyən mənbəsi olmayan %n hadisə, yalnız bir mənbəli {single}, cəmi {total}.</numerusform>
        </translation>
    </message>
    <message>
        <source>An event of several organisations (countries) counts once for each.</source>
        <translation>Bir neçə təşkilata (ölkəyə) aid hadisə hər biri üçün bir dəfə sayılır.</translation>
    </message>
    <message>
        <source>An event counts once for each source whose passages support it.</source>
        <translation>Hadisə onu təsdiqləyən parçaları olan hər mənbə üçün bir dəfə sayılır.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated only to a span longer than one month: in no bar.</source>
        <translation>
            <numerusform>Yalnız bir aydan uzun dövrlə tarixlənmiş %n hadisə heç bir sütuna düşmür.</numerusform>
            <numerusform>Yalnız bir aydan uzun dövrlə tarixlənmiş %n hadisə heç bir sütuna düşmür.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated only to a span longer than one year: in no bar.</source>
        <translation>
            <numerusform>Yalnız bir ildən uzun dövrlə tarixlənmiş %n hadisə heç bir sütuna düşmür.</numerusform>
            <numerusform>Yalnız bir ildən uzun dövrlə tarixlənmiş %n hadisə heç bir sütuna düşmür.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a bar to show its events in the timeline.</source>
        <translation>Hadisələrini xronologiyada görmək üçün sütuna klikləyin.</translation>
    </message>
    <message>
        <source>The counts could not be read: {reason}</source>
        <translation>Saylar oxuna bilmədi: {reason}</translation>
    </message>
    <message>
        <source>Export the chart&apos;s counts</source>
        <translation>Diaqramın saylarını ixrac et</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>İxrac alınmadı: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n sətir yazıldı: {path}</numerusform>
            <numerusform>%n sətir yazıldı: {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the chart as an image</source>
        <translation>Diaqramı təsvir kimi ixrac et</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>Diaqram saxlanıldı: {path}</translation>
    </message>
    <message>
        <source>Export failed: {path} could not be written</source>
        <translation>İxrac alınmadı: {path} yazıla bilmədi</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>This library file is read-only, so notes cannot be added, changed or deleted.</source>
        <translation>Bu kitabxana faylı yalnız oxunmaq üçündür, ona görə qeydləri əlavə etmək, dəyişmək və ya silmək olmaz.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Qeydlər</translation>
    </message>
    <message>
        <source>Nothing selected.</source>
        <translation>Heç nə seçilməyib.</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Qeyd əlavə et…</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Hələ qeyd yoxdur.</translation>
    </message>
    <message>
        <source>{heading} ({count})</source>
        <translation>{heading} ({count})</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Saxlanılmadı: {reason}</translation>
    </message>
    <message>
        <source>Note not saved: {reason}</source>
        <translation>Qeyd saxlanılmadı: {reason}</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>On</source>
        <translation>Nəyə aid</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Qeyd</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiketlər</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Yaradılıb</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Dəyişdirilib</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Ayrılıb</translation>
    </message>
    <message>
        <source>detached</source>
        <translation>ayrılıb</translation>
    </message>
    <message>
        <source>Its target is no longer in the corpus; the note is kept.</source>
        <translation>Aid olduğu qeyd artıq korpusda yoxdur; qeyd saxlanılır.</translation>
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
        <translation>Qeydləriniz</translation>
    </message>
    <message>
        <source>Filter notes by text, tag or what they are on</source>
        <translation>Qeydləri mətnə, etiketə və ya aid olduğu obyektə görə süzün</translation>
    </message>
    <message>
        <source>Filter notes by text</source>
        <translation>Qeydləri mətnə görə süz</translation>
    </message>
    <message>
        <source>Filter notes by tag</source>
        <translation>Qeydləri etiketə görə süz</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Dəyiş…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Export annotations…</source>
        <translation>Qeydləri ixrac et…</translation>
    </message>
    <message>
        <source>Save the notes shown as a CSV file</source>
        <translation>Göstərilən qeydləri CSV faylı kimi saxla</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n note(s)</source>
        <translation>
            <numerusform>%n qeyddən {shown}</numerusform>
            <numerusform>%n qeyddən {shown}</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags ({count})</source>
        <translation>Bütün etiketlər ({count})</translation>
    </message>
    <message>
        <source>Select a note to see it in full; double-click to open what it is on.</source>
        <translation>Qeydi tam görmək üçün seçin; aid olduğu obyekti açmaq üçün iki dəfə klikləyin.</translation>
    </message>
    <message>
        <source>{target}  (detached: no longer in the corpus)</source>
        <translation>{target}  (ayrılıb: artıq korpusda yoxdur)</translation>
    </message>
    <message>
        <source>This note&apos;s target is no longer in the corpus.</source>
        <translation>Bu qeydin aid olduğu obyekt artıq korpusda yoxdur.</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Qeydi dəyiş</translation>
    </message>
    <message>
        <source>Note deleted (Ctrl+Z to undo).</source>
        <translation>Qeyd silindi (geri qaytarmaq üçün Ctrl+Z).</translation>
    </message>
    <message>
        <source>Note not changed: {reason}</source>
        <translation>Qeyd dəyişdirilmədi: {reason}</translation>
    </message>
    <message>
        <source>Export the notes shown</source>
        <translation>Göstərilən qeydləri ixrac et</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s) to {path}</source>
        <translation>
            <numerusform>%n qeyd ixrac edildi: {path}</numerusform>
            <numerusform>%n qeyd ixrac edildi: {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV ixracı…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG ixracı…</translation>
    </message>
</context>
<context>
    <name>ChoicePicker</name>
    <message>
        <source>yours</source>
        <translation>sizin</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>köhnəlib</translation>
    </message>
    <message>
        <source>type to find {what}…</source>
        <translation>{what}: tapmaq üçün yazın…</translation>
    </message>
    <message>
        <source>Find {what}</source>
        <translation>Tap: {what}</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Yeni…</translation>
    </message>
    <message>
        <source>Make a new one with the typed name</source>
        <translation>Yazılmış adla yenisini yarat</translation>
    </message>
    <message>
        <source>Matching {what}</source>
        <translation>Uyğun gələnlər: {what}</translation>
    </message>
    <message>
        <source>Chosen {what}</source>
        <translation>Seçilmişlər: {what}</translation>
    </message>
    <message>
        <source>Double-click or press Delete to remove</source>
        <translation>Silmək üçün iki dəfə klikləyin və ya Delete düyməsini basın</translation>
    </message>
</context>
<context>
    <name>CitationList</name>
    <message>
        <source>no citation</source>
        <translation>istinad yoxdur</translation>
    </message>
</context>
<context>
    <name>Citations</name>
    <message>
        <source>{symbol} A source of low reliability ({grade}): weigh this quote with care.</source>
        <translation>{symbol} Aşağı etibarlılıqlı mənbə ({grade}): bu sitatı ehtiyatla qiymətləndirin.</translation>
    </message>
    <message>
        <source>Click to open the source at this passage.</source>
        <translation>Mənbəni bu parçada açmaq üçün klikləyin.</translation>
    </message>
</context>
<context>
    <name>CiteDialog</name>
    <message>
        <source>an event</source>
        <translation>hadisə</translation>
    </message>
    <message>
        <source>an agreement step</source>
        <translation>saziş mərhələsi</translation>
    </message>
    <message>
        <source>a membership status</source>
        <translation>üzvlük statusu</translation>
    </message>
    <message>
        <source>an organisation&apos;s founding</source>
        <translation>təşkilatın yaradılması</translation>
    </message>
    <message>
        <source>Cite selection for…</source>
        <translation>Seçilmiş mətni istinad kimi əlavə et…</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Yazının növü</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Yazı:</translation>
    </message>
    <message>
        <source>type words of its title, or names</source>
        <translation>adından sözlər və ya adlar yazın</translation>
    </message>
    <message>
        <source>Find a record</source>
        <translation>Yazı tap</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Tap:</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Uyğun yazılar</translation>
    </message>
    <message>
        <source>supports it</source>
        <translation>onu təsdiqləyir</translation>
    </message>
    <message>
        <source>contradicts it (the record is then marked disputed)</source>
        <translation>ona ziddir (onda yazı mübahisəli kimi işarələnir)</translation>
    </message>
    <message>
        <source>The passage:</source>
        <translation>Parça:</translation>
    </message>
</context>
<context>
    <name>ClickList</name>
    <message>
        <source>none</source>
        <translation>yoxdur</translation>
    </message>
</context>
<context>
    <name>CodingFlows</name>
    <message>
        <source>Could not open: {reason}</source>
        <translation>Açmaq olmadı: {reason}</translation>
    </message>
    <message>
        <source>choose the agreement this is a step of, or make a new one</source>
        <translation>bunun mərhələsi olduğu sazişi seçin və ya yenisini yaradın</translation>
    </message>
    <message>
        <source>the records are still being searched; choose one when the list shows</source>
        <translation>yazılar hələ axtarılır; siyahı görünəndə birini seçin</translation>
    </message>
    <message>
        <source>choose the record the passage bears on</source>
        <translation>parçanın aid olduğu yazını seçin</translation>
    </message>
    <message>
        <source>Notes on it are kept (as detached). Edit → Undo brings it back.</source>
        <translation>Ona aid qeydlər (ayrılmış kimi) saxlanılır. Redaktə → Geri al onu bərpa edir.</translation>
    </message>
    <message>
        <source>Deleted: {label}</source>
        <translation>Silindi: {label}</translation>
    </message>
    <message>
        <source>Not deleted: {reason}</source>
        <translation>Silinmədi: {reason}</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Silinmədi</translation>
    </message>
    <message>
        <source>Citation removed</source>
        <translation>İstinad silindi</translation>
    </message>
    <message>
        <source>Citation not removed: {reason}</source>
        <translation>İstinad silinmədi: {reason}</translation>
    </message>
    <message>
        <source>Saved: {label}</source>
        <translation>Saxlanıldı: {label}</translation>
    </message>
    <message>
        <source>Citation saved</source>
        <translation>İstinad saxlanıldı</translation>
    </message>
</context>
<context>
    <name>CountryPage</name>
    <message>
        <source>Also known as:</source>
        <translation>Digər adları:</translation>
    </message>
    <message>
        <source>Membership and status in organisations over time</source>
        <translation>Təşkilatlarda üzvlük və status zamanla</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Sazişlər</translation>
    </message>
    <message>
        <source>no agreements on record</source>
        <translation>qeydə alınmış saziş yoxdur</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Hadisələr</translation>
    </message>
    <message>
        <source>Your notes on this country</source>
        <translation>Bu ölkə haqqında qeydləriniz</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yoxdur</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 1994-05-04, 1997-11, spring 1998, 1994~ (blank: not known)</source>
        <translation>məs. 1994-05-04, 1997-11, spring 1998, 1994~ (boş: məlum deyil)</translation>
    </message>
    <message>
        <source>e.g. 1994-05-04, 1997-11, spring 1998, 1994~</source>
        <translation>məs. 1994-05-04, 1997-11, spring 1998, 1994~</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <source>not a date the app can read: {reason}</source>
        <translation>proqramın oxuya bildiyi tarix deyil: {reason}</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Hadisəni dəyiş</translation>
    </message>
    <message>
        <source>New event from selection</source>
        <translation>Seçilmiş mətndən yeni hadisə</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Başlıq:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Tarix:</translation>
    </message>
    <message>
        <source>Dates found in the selection</source>
        <translation>Seçilmiş mətndə tapılan tarixlər</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Tapıldı:</translation>
    </message>
    <message>
        <source>the source&apos;s own words for the date</source>
        <translation>mənbənin tarix üçün öz ifadəsi</translation>
    </message>
    <message>
        <source>Date as written:</source>
        <translation>Yazıldığı kimi tarix:</translation>
    </message>
    <message>
        <source>how the date was worked out</source>
        <translation>tarixin necə müəyyən edildiyi</translation>
    </message>
    <message>
        <source>Date note:</source>
        <translation>Tarix qeydi:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Xülasə:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Yer:</translation>
    </message>
    <message>
        <source>organisations</source>
        <translation>təşkilatlar</translation>
    </message>
    <message>
        <source>Organisations:</source>
        <translation>Təşkilatlar:</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>ölkələr</translation>
    </message>
    <message>
        <source>Countries:</source>
        <translation>Ölkələr:</translation>
    </message>
    <message>
        <source>people</source>
        <translation>şəxslər</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Şəxslər:</translation>
    </message>
    <message>
        <source>agreements</source>
        <translation>sazişlər</translation>
    </message>
    <message>
        <source>Agreements:</source>
        <translation>Sazişlər:</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
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
</context>
<context>
    <name>EventsTable</name>
    <message numerus="yes">
        <source>%n event(s) — double-click one to open it on the timeline</source>
        <translation>
            <numerusform>%n hadisə — xronologiyada açmaq üçün birinə iki dəfə klikləyin</numerusform>
            <numerusform>%n hadisə — xronologiyada açmaq üçün birinə iki dəfə klikləyin</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceGrade</name>
    <message>
        <source>corroborated</source>
        <translation>təsdiqlənib</translation>
    </message>
    <message>
        <source>single source</source>
        <translation>tək mənbə</translation>
    </message>
    <message>
        <source>uncorroborated</source>
        <translation>təsdiqlənməyib</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>mübahisəli</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>Tap:</translation>
    </message>
    <message>
        <source>text in this source (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation>bu mənbədə mətn (Enter: növbəti, Shift+Enter: əvvəlki, Esc: bağla)</translation>
    </message>
    <message>
        <source>Find in source text</source>
        <translation>Mənbə mətnində tap</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Əvvəlki uyğunluq (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Növbəti uyğunluq (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Bağla (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Axtarış panelini bağla</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>uyğunluq yoxdur</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} / {count}</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Sources ({patterns})</source>
        <translation>Mənbələr ({patterns})</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm)</source>
        <translation>Veb səhifələr (*.html *.htm)</translation>
    </message>
    <message>
        <source>Text and Markdown (*.txt *.md *.markdown)</source>
        <translation>Mətn və Markdown (*.txt *.md *.markdown)</translation>
    </message>
    <message>
        <source>Bibliographies (*.bib *.ris *.json)</source>
        <translation>Biblioqrafiyalar (*.bib *.ris *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Bütün fayllar (*)</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Mənbələri idxal et</translation>
    </message>
    <message>
        <source>{file} is read-only: sources cannot be imported into it.</source>
        <translation>{file} yalnız oxunmaq üçündür: ona mənbə idxal etmək olmaz.</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>İdxal alınmadı: {reason}</translation>
    </message>
    <message>
        <source>Import: {summary}</source>
        <translation>İdxal: {summary}</translation>
    </message>
    <message>
        <source>Files being imported: {count}…</source>
        <translation>İdxal edilən fayllar: {count}…</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Importing…</source>
        <translation>İdxal edilir…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Mənbələri idxal et</translation>
    </message>
    <message>
        <source>Importing {file}… ({number} of {count})</source>
        <translation>{file} idxal edilir… ({number} / {count})</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Başa çatdırılır…</translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message>
        <source>a new source</source>
        <translation>yeni mənbə</translation>
    </message>
    <message>
        <source>a new version of “{title}”</source>
        <translation>“{title}” mənbəsinin yeni versiyası</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Mənbələri idxal et</translation>
    </message>
    <message>
        <source>Each file becomes a new source, or a new version of one of your sources (its passages are moved to the new text; those that cannot be placed are listed for you).</source>
        <translation>Hər fayl yeni mənbə və ya mənbələrinizdən birinin yeni versiyası olur (onun parçaları yeni mətnə köçürülür; yerləşdirilə bilməyənlər sizin üçün siyahıya alınır).</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fayl</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Nə kimi idxal edilsin</translation>
    </message>
    <message>
        <source>What each file becomes</source>
        <translation>Hər faylın nəyə çevrildiyi</translation>
    </message>
    <message>
        <source>Import {file} as</source>
        <translation>{file} nə kimi idxal edilsin</translation>
    </message>
    <message>
        <source>new sources (one per record)</source>
        <translation>yeni mənbələr (hər yazı üçün bir)</translation>
    </message>
    <message>
        <source>Reading your sources…</source>
        <translation>Mənbələriniz oxunur…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>İdxal et</translation>
    </message>
    <message>
        <source>Your sources could not be read: {reason}</source>
        <translation>Mənbələriniz oxuna bilmədi: {reason}</translation>
    </message>
    <message>
        <source>You have no sources of your own yet: every file becomes a new source.</source>
        <translation>Hələ öz mənbəniz yoxdur: hər fayl yeni mənbə olur.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with the name of a source you imported before, proposed as its new version; choose “{new}” to keep both.</source>
        <translation>
            <numerusform>Əvvəl idxal etdiyiniz mənbənin adını daşıyan %n fayl onun yeni versiyası kimi təklif olunur; hər ikisini saxlamaq üçün “{new}” seçin.</numerusform>
            <numerusform>Əvvəl idxal etdiyiniz mənbənin adını daşıyan %n fayl onun yeni versiyası kimi təklif olunur; hər ikisini saxlamaq üçün “{new}” seçin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a source for a file that is a new version of it.</source>
        <translation>Yeni versiyası olan fayl üçün mənbəni seçin.</translation>
    </message>
    <message>
        <source>Two files are chosen as the new version of the same source; choose one.</source>
        <translation>İki fayl eyni mənbənin yeni versiyası kimi seçilib; birini seçin.</translation>
    </message>
    <message>
        <source>“{typed}” is not one of your sources; pick one from the list.</source>
        <translation>“{typed}” mənbələrinizdən deyil; siyahıdan birini seçin.</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>The import failed: {reason}</source>
        <translation>İdxal alınmadı: {reason}</translation>
    </message>
    <message>
        <source>Import sources</source>
        <translation>Mənbələri idxal et</translation>
    </message>
    <message>
        <source>What became of each file</source>
        <translation>Hər fayla nə oldu</translation>
    </message>
    <message>
        <source>not found in the new text: “{quote}” — cited by {records}</source>
        <translation>yeni mətndə tapılmadı: “{quote}” — istinad edənlər: {records}</translation>
    </message>
    <message>
        <source>not found in the new text: “{quote}”</source>
        <translation>yeni mətndə tapılmadı: “{quote}”</translation>
    </message>
    <message>
        <source>placed approximately, check: “{quote}”</source>
        <translation>təxmini yerləşdirildi, yoxlayın: “{quote}”</translation>
    </message>
    <message>
        <source>Open source</source>
        <translation>Mənbəni aç</translation>
    </message>
    <message>
        <source>Import anyway ({count})</source>
        <translation>Yenə də idxal et ({count})</translation>
    </message>
    <message>
        <source>Import the files already in the library once more, as new sources</source>
        <translation>Kitabxanada artıq olan faylları yenidən, yeni mənbələr kimi idxal et</translation>
    </message>
</context>
<context>
    <name>Legend</name>
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
        <translation>təşkilat faktı</translation>
    </message>
    <message>
        <source>contradicts a record</source>
        <translation>yazıya ziddir</translation>
    </message>
    <message>
        <source>your annotated selection</source>
        <translation>qeyd yazdığınız seçim</translation>
    </message>
    <message>
        <source>not part of the article</source>
        <translation>məqalənin hissəsi deyil</translation>
    </message>
    <message>
        <source>striped: supports several kinds</source>
        <translation>zolaqlı: bir neçə növü təsdiqləyir</translation>
    </message>
    <message>
        <source>outlined: the current passage</source>
        <translation>çərçivəli: cari parça</translation>
    </message>
    <message>
        <source>The passage you jumped to or clicked has a frame around it; its colours stay those of its kinds.</source>
        <translation>Keçdiyiniz və ya kliklədiyiniz parçanın ətrafında çərçivə olur; rəngləri növlərinin rəngləri olaraq qalır.</translation>
    </message>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind} ({count})</translation>
    </message>
    <message>
        <source>striped: supports several kinds ({count})</source>
        <translation>zolaqlı: bir neçə növü təsdiqləyir ({count})</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Edit membership status</source>
        <translation>Üzvlük statusunu dəyiş</translation>
    </message>
    <message>
        <source>New membership status from selection</source>
        <translation>Seçilmiş mətndən yeni üzvlük statusu</translation>
    </message>
    <message>
        <source>country</source>
        <translation>ölkə</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Ölkə:</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>təşkilat</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Təşkilat:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Başlanğıc:</translation>
    </message>
    <message>
        <source>blank: still so at the source&apos;s date</source>
        <translation>boş: mənbənin tarixində hələ belədir</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Son:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Qeyd:</translation>
    </message>
</context>
<context>
    <name>MembershipSection</name>
    <message>
        <source>Hover an interval for its dates, notes and quote; click it (or double-click a row) to read the citing passage in its source.</source>
        <translation>Tarixləri, qeydləri və sitatı görmək üçün kursoru intervalın üzərinə gətirin; istinad edilən parçanı mənbədə oxumaq üçün ona klikləyin (və ya sətrə iki dəfə klikləyin).</translation>
    </message>
</context>
<context>
    <name>MembershipStatus</name>
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
        <translation>dayandırılıb</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>çıxıb</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>iştirakçı</translation>
    </message>
    <message>
        <source>open</source>
        <translation>sonu açıq</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>məlum deyil</translation>
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
        <translation>Dövr: {start} – {end}</translation>
    </message>
    <message>
        <source>The start date is not known.</source>
        <translation>Başlanğıc tarixi məlum deyil.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Qeyd: {note}</translation>
    </message>
    <message>
        <source>DISPUTED: {why}</source>
        <translation>MÜBAHİSƏLİ: {why}</translation>
    </message>
    <message>
        <source>another source contradicts this</source>
        <translation>başqa mənbə bunu təkzib edir</translation>
    </message>
    <message>
        <source>{citation} (a source of low reliability: {grade})</source>
        <translation>{citation} (aşağı etibarlılıqlı mənbə: {grade})</translation>
    </message>
    <message>
        <source>Click to open the citing passage.</source>
        <translation>İstinad edilən parçanı açmaq üçün klikləyin.</translation>
    </message>
    <message>
        <source>Membership and status over time</source>
        <translation>Zamanla üzvlük və status</translation>
    </message>
    <message>
        <source>No membership or status on record.</source>
        <translation>Qeydə alınmış üzvlük və ya status yoxdur.</translation>
    </message>
    <message>
        <source>{status} (disputed)</source>
        <translation>{status} (mübahisəli)</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>mübahisəli</translation>
    </message>
    <message>
        <source>fading end: date not exact · red dashed line: today</source>
        <translation>solğun uc: tarix dəqiq deyil · qırmızı qırıq xətt: bu gün</translation>
    </message>
    <message>
        <source>no later evidence: no source gives an end</source>
        <translation>sonrakı sübut yoxdur: sonu göstərilməyib</translation>
    </message>
</context>
<context>
    <name>MembershipTableModel</name>
    <message>
        <source>Country</source>
        <translation>Ölkə</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Təşkilat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <source>Evidence</source>
        <translation>Sübut</translation>
    </message>
    <message>
        <source>Source quote</source>
        <translation>Mənbədən sitat</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>tags: {tags}</source>
        <translation>etiketlər: {tags}</translation>
    </message>
    <message>
        <source>created {time}</source>
        <translation>yaradılıb {time}</translation>
    </message>
    <message>
        <source>edited {time}</source>
        <translation>dəyişdirilib {time}</translation>
    </message>
    <message>
        <source>detached: its target is no longer in the corpus</source>
        <translation>ayrılıb: aid olduğu obyekt artıq korpusda yoxdur</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(boş qeyd)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Dəyiş</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Qeydi dəyiş</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Qeydi sil</translation>
    </message>
</context>
<context>
    <name>NoteCommand</name>
    <message>
        <source>Add note</source>
        <translation>Qeyd əlavə et</translation>
    </message>
    <message>
        <source>Annotate selection</source>
        <translation>Seçilmiş mətnə qeyd yaz</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Qeydi dəyiş</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Qeydi sil</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Your note (plain text)</source>
        <translation>Qeydiniz (sadə mətn)</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Qeydin mətni</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>vergüllə ayrılmış etiketlər</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiketlər</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saxla</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>no citation for the founding date</source>
        <translation>yaradılma tarixi üçün istinad yoxdur</translation>
    </message>
    <message>
        <source>none (a top-level organisation)</source>
        <translation>yoxdur (yuxarı səviyyəli təşkilat)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <source>Abbreviation:</source>
        <translation>Abbreviatura:</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>Digər adları:</translation>
    </message>
    <message>
        <source>Founded:</source>
        <translation>Yaradılıb:</translation>
    </message>
    <message>
        <source>Part of:</source>
        <translation>Tərkibindədir:</translation>
    </message>
    <message>
        <source>Bodies</source>
        <translation>Orqanlar</translation>
    </message>
    <message>
        <source>no bodies on record</source>
        <translation>qeydə alınmış orqan yoxdur</translation>
    </message>
    <message>
        <source>Membership and status over time</source>
        <translation>Zamanla üzvlük və status</translation>
    </message>
    <message>
        <source>Events (including its bodies)</source>
        <translation>Hadisələr (orqanları daxil olmaqla)</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Sazişlər</translation>
    </message>
    <message>
        <source>no agreements on record</source>
        <translation>qeydə alınmış saziş yoxdur</translation>
    </message>
    <message>
        <source>Sources that mention it</source>
        <translation>Onu xatırladan mənbələr</translation>
    </message>
    <message>
        <source>no source cites its events</source>
        <translation>heç bir mənbə onun hadisələrinə istinad etmir</translation>
    </message>
    <message>
        <source>Your notes on this organisation</source>
        <translation>Bu təşkilat haqqında qeydləriniz</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yoxdur</translation>
    </message>
    <message>
        <source>not stated in the sources</source>
        <translation>mənbələrdə göstərilməyib</translation>
    </message>
    <message>
        <source>{country}&apos;s relationship over time</source>
        <translation>{country}: zamanla münasibətlər</translation>
    </message>
    <message>
        <source>{source} — {what} cited</source>
        <translation>{source} — istinad: {what}</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Office:</source>
        <translation>Vəzifə:</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>Digər adları:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Hadisələr</translation>
    </message>
    <message>
        <source>Your notes on this person</source>
        <translation>Bu şəxs haqqında qeydləriniz</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>göstərilməyib</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yoxdur</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>Cite passage</source>
        <translation>Parçaya istinad</translation>
    </message>
    <message>
        <source>Cite contradicting passage</source>
        <translation>Zidd parçaya istinad</translation>
    </message>
    <message>
        <source>Remove citation</source>
        <translation>İstinadın silinməsi</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Saxlanılmadı: {reason}</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>Event</source>
        <translation>Hadisə</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Saziş</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Təşkilat</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Parça</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Ölkə</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Şəxs</translation>
    </message>
    <message>
        <source>Agreement step</source>
        <translation>Saziş mərhələsi</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>Üzvlük statusu</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>There is no record “{id}” ({kind}) in this library (a newer corpus may have removed it).</source>
        <translation>Bu kitabxanada “{id}” yazısı ({kind}) yoxdur (yeni korpus onu silmiş ola bilər).</translation>
    </message>
    <message>
        <source>The record ({kind}) could not be read: {reason}</source>
        <translation>Yazı ({kind}) oxuna bilmədi: {reason}</translation>
    </message>
</context>
<context>
    <name>RecordPhrase</name>
    <message>
        <source>New event</source>
        <translation>Yeni hadisə</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Yeni saziş</translation>
    </message>
    <message>
        <source>New agreement step</source>
        <translation>Yeni saziş mərhələsi</translation>
    </message>
    <message>
        <source>New membership status</source>
        <translation>Yeni üzvlük statusu</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Yeni təşkilat</translation>
    </message>
    <message>
        <source>New country</source>
        <translation>Yeni ölkə</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Yeni şəxs</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Hadisəni dəyiş</translation>
    </message>
    <message>
        <source>Edit agreement</source>
        <translation>Sazişi dəyiş</translation>
    </message>
    <message>
        <source>Edit agreement step</source>
        <translation>Saziş mərhələsini dəyiş</translation>
    </message>
    <message>
        <source>Edit membership status</source>
        <translation>Üzvlük statusunu dəyiş</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>Təşkilatı dəyiş</translation>
    </message>
    <message>
        <source>Edit country</source>
        <translation>Ölkəni dəyiş</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Şəxsi dəyiş</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Hadisəni sil</translation>
    </message>
    <message>
        <source>Delete agreement</source>
        <translation>Sazişi sil</translation>
    </message>
    <message>
        <source>Delete agreement step</source>
        <translation>Saziş mərhələsini sil</translation>
    </message>
    <message>
        <source>Delete membership status</source>
        <translation>Üzvlük statusunu sil</translation>
    </message>
    <message>
        <source>Delete organisation</source>
        <translation>Təşkilatı sil</translation>
    </message>
    <message>
        <source>Delete country</source>
        <translation>Ölkəni sil</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Şəxsi sil</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>Hadisəni dəyiş…</translation>
    </message>
    <message>
        <source>Edit agreement…</source>
        <translation>Sazişi dəyiş…</translation>
    </message>
    <message>
        <source>Edit agreement step…</source>
        <translation>Saziş mərhələsini dəyiş…</translation>
    </message>
    <message>
        <source>Edit membership status…</source>
        <translation>Üzvlük statusunu dəyiş…</translation>
    </message>
    <message>
        <source>Edit organisation…</source>
        <translation>Təşkilatı dəyiş…</translation>
    </message>
    <message>
        <source>Edit country…</source>
        <translation>Ölkəni dəyiş…</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>Şəxsi dəyiş…</translation>
    </message>
    <message>
        <source>Delete event…</source>
        <translation>Hadisəni sil…</translation>
    </message>
    <message>
        <source>Delete agreement…</source>
        <translation>Sazişi sil…</translation>
    </message>
    <message>
        <source>Delete agreement step…</source>
        <translation>Saziş mərhələsini sil…</translation>
    </message>
    <message>
        <source>Delete membership status…</source>
        <translation>Üzvlük statusunu sil…</translation>
    </message>
    <message>
        <source>Delete organisation…</source>
        <translation>Təşkilatı sil…</translation>
    </message>
    <message>
        <source>Delete country…</source>
        <translation>Ölkəni sil…</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Şəxsi sil…</translation>
    </message>
    <message>
        <source>Select one of your own events; the corpus&apos;s are read-only</source>
        <translation>Öz hadisələrinizdən birini seçin; korpusun hadisələri yalnız oxunur</translation>
    </message>
    <message>
        <source>Select one of your own agreements; the corpus&apos;s are read-only</source>
        <translation>Öz sazişlərinizdən birini seçin; korpusun sazişləri yalnız oxunur</translation>
    </message>
    <message>
        <source>Select one of your own agreement steps; the corpus&apos;s are read-only</source>
        <translation>Öz saziş mərhələlərinizdən birini seçin; korpusun mərhələləri yalnız oxunur</translation>
    </message>
    <message>
        <source>Select one of your own membership statuses; the corpus&apos;s are read-only</source>
        <translation>Öz üzvlük statuslarınızdan birini seçin; korpusun statusları yalnız oxunur</translation>
    </message>
    <message>
        <source>Select one of your own organisations; the corpus&apos;s are read-only</source>
        <translation>Öz təşkilatlarınızdan birini seçin; korpusun təşkilatları yalnız oxunur</translation>
    </message>
    <message>
        <source>Select one of your own countries; the corpus&apos;s are read-only</source>
        <translation>Öz ölkələrinizdən birini seçin; korpusun ölkələri yalnız oxunur</translation>
    </message>
    <message>
        <source>Select one of your own people; the corpus&apos;s are read-only</source>
        <translation>Öz şəxslərinizdən birini seçin; korpusun şəxsləri yalnız oxunur</translation>
    </message>
    <message>
        <source>Delete your event “{label}” and its citations?</source>
        <translation>“{label}” hadisəniz və onun istinadları silinsin?</translation>
    </message>
    <message>
        <source>Delete your agreement “{label}” and its citations?</source>
        <translation>“{label}” sazişiniz və onun istinadları silinsin?</translation>
    </message>
    <message>
        <source>Delete your agreement step “{label}” and its citations?</source>
        <translation>“{label}” saziş mərhələniz və onun istinadları silinsin?</translation>
    </message>
    <message>
        <source>Delete your membership status “{label}” and its citations?</source>
        <translation>“{label}” üzvlük statusunuz və onun istinadları silinsin?</translation>
    </message>
    <message>
        <source>Delete your organisation “{label}” and its citations?</source>
        <translation>“{label}” təşkilatınız və onun istinadları silinsin?</translation>
    </message>
    <message>
        <source>Delete your country “{label}” and its citations?</source>
        <translation>“{label}” ölkəniz və onun istinadları silinsin?</translation>
    </message>
    <message>
        <source>Delete your person “{label}” and its citations?</source>
        <translation>“{label}” şəxsiniz və onun istinadları silinsin?</translation>
    </message>
</context>
<context>
    <name>ReliabilityCommand</name>
    <message>
        <source>Edit source reliability</source>
        <translation>Mənbənin etibarlılığının dəyişdirilməsi</translation>
    </message>
</context>
<context>
    <name>ReliabilityDialog</name>
    <message>
        <source>Source reliability</source>
        <translation>Mənbənin etibarlılığı</translation>
    </message>
    <message>
        <source>Reliability grade</source>
        <translation>Etibarlılıq dərəcəsi</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>qiymətləndirilməyib</translation>
    </message>
    <message>
        <source>Grade (Admiralty code):</source>
        <translation>Dərəcə (Admiralty kodu):</translation>
    </message>
    <message>
        <source>Reason for the grade</source>
        <translation>Dərəcənin səbəbi</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Səbəb:</translation>
    </message>
    <message>
        <source>Source this one copies</source>
        <translation>Bu mənbənin köçürdüyü mənbə</translation>
    </message>
    <message>
        <source>none: an original text</source>
        <translation>yoxdur: orijinal mətn</translation>
    </message>
    <message>
        <source>A copy of:</source>
        <translation>Surəti:</translation>
    </message>
    <message>
        <source>Reliability saved; the claims citing this source were graded again.</source>
        <translation>Etibarlılıq saxlanıldı; bu mənbəyə istinad edən iddialar yenidən qiymətləndirildi.</translation>
    </message>
    <message>
        <source>Reliability not saved: {reason}</source>
        <translation>Etibarlılıq saxlanılmadı: {reason}</translation>
    </message>
    <message>
        <source>Could not open the editor: {reason}</source>
        <translation>Redaktoru açmaq olmadı: {reason}</translation>
    </message>
</context>
<context>
    <name>ReliabilityGrade</name>
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
        <translation>adətən etibarsız</translation>
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
        <source>not graded</source>
        <translation>qiymətləndirilməyib</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n idxal edildi</numerusform>
            <numerusform>%n idxal edildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced by a new version</source>
        <translation>
            <numerusform>%n yeni versiya ilə əvəz edildi</numerusform>
            <numerusform>%n yeni versiya ilə əvəz edildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already imported</source>
        <translation>
            <numerusform>%n artıq idxal edilib</numerusform>
            <numerusform>%n artıq idxal edilib</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n alınmadı</numerusform>
            <numerusform>%n alınmadı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n ləğv edildi</numerusform>
            <numerusform>%n ləğv edildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) could not be placed in a new version</source>
        <translation>
            <numerusform>%n parça yeni versiyada yerləşdirilə bilmədi</numerusform>
            <numerusform>%n parça yeni versiyada yerləşdirilə bilmədi</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>idxal ediləcək heç nə yoxdur</translation>
    </message>
    <message>
        <source>{summary} (cancelled)</source>
        <translation>{summary} (ləğv edildi)</translation>
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
        <translation>Mənbə məlumatlarının dəyişdirilməsi</translation>
    </message>
</context>
<context>
    <name>SourceMetadataDialog</name>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Müəlliflər</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Nəşriyyat</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Nəşr tarixi</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Məlumatların tarixi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Etibarlılıq</translation>
    </message>
    <message>
        <source>EDTF (2024-05-03, 2024-05, 2024, 1998-21 for spring) or a phrase (May 2024)</source>
        <translation>EDTF (2024-05-03, 2024-05, 2024, yaz üçün 1998-21) və ya ifadə (May 2024)</translation>
    </message>
    <message>
        <source>the date the source&apos;s data describe, as above</source>
        <translation>mənbənin məlumatlarının aid olduğu tarix, yuxarıdakı kimi</translation>
    </message>
    <message>
        <source>several separated by “; ”</source>
        <translation>bir neçəsi “; ” ilə ayrılır</translation>
    </message>
    <message>
        <source>a code such as en, az, ru, tr</source>
        <translation>en, az, ru, tr kimi kod</translation>
    </message>
    <message>
        <source>why the source is as reliable as it is (its grade: Edit reliability… on its page)</source>
        <translation>mənbənin niyə bu qədər etibarlı olduğu (dərəcəsi: səhifəsində Etibarlılığı dəyiş…)</translation>
    </message>
    <message>
        <source>Source details</source>
        <translation>Mənbə məlumatları</translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation>{caption}:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>Could not read the source: {reason}</source>
        <translation>Mənbəni oxumaq olmadı: {reason}</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fayl: {name}</translation>
    </message>
    <message>
        <source>From the shipped corpus</source>
        <translation>Proqramla gələn korpusdan</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>{encoding} kimi oxunub</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n səhifə</numerusform>
            <numerusform>%n səhifə</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Saxlanılmadı: {reason}</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>not stated</source>
        <translation>göstərilməyib</translation>
    </message>
    <message>
        <source>the shipped corpus</source>
        <translation>proqramla gələn korpus</translation>
    </message>
    <message>
        <source>a bibliographic record (no file)</source>
        <translation>biblioqrafik qeyd (fayl yoxdur)</translation>
    </message>
    <message>
        <source>read as {encoding}</source>
        <translation>{encoding} kimi oxunub</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} bayt</translation>
    </message>
    <message>
        <source>imported {time} UTC</source>
        <translation>idxal edilib {time} UTC</translation>
    </message>
    <message>
        <source>version {number}</source>
        <translation>versiya {number}</translation>
    </message>
    <message>
        <source>note: {text}</source>
        <translation>qeyd: {text}</translation>
    </message>
    <message>
        <source>Find… (Ctrl+F)</source>
        <translation>Tap… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Annotate selection…</source>
        <translation>Seçilmiş mətnə qeyd yaz…</translation>
    </message>
    <message>
        <source>Record from the selection:</source>
        <translation>Seçilmiş mətndən yazı:</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Yeni hadisə…</translation>
    </message>
    <message>
        <source>Cite for…</source>
        <translation>İstinad kimi…</translation>
    </message>
    <message>
        <source>Agreement step…</source>
        <translation>Saziş mərhələsi…</translation>
    </message>
    <message>
        <source>Membership…</source>
        <translation>Üzvlük…</translation>
    </message>
    <message>
        <source>{action} ({key}; select text first)</source>
        <translation>{action} ({key}; əvvəlcə mətni seçin)</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Məlumatları dəyiş…</translation>
    </message>
    <message>
        <source>Change the title, authors, dates and other details of this source</source>
        <translation>Bu mənbənin başlığını, müəlliflərini, tarixlərini və digər məlumatlarını dəyişin</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Yeni versiya…</translation>
    </message>
    <message>
        <source>Import a newer version of this text; its passages are placed again</source>
        <translation>Bu mətnin daha yeni versiyasını idxal edin; parçaları yenidən yerləşdirilir</translation>
    </message>
    <message>
        <source>About this source</source>
        <translation>Bu mənbə haqqında</translation>
    </message>
    <message>
        <source>Reliability:</source>
        <translation>Etibarlılıq:</translation>
    </message>
    <message>
        <source>The Admiralty code&apos;s source grade: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged. D and E count as low reliability in the evidence grades of the claims citing it.</source>
        <translation>Admiralty kodu üzrə mənbə dərəcəsi: A tam etibarlı, B adətən etibarlı, C kifayət qədər etibarlı, D adətən etibarsız, E etibarsız, F etibarlılığı qiymətləndirmək mümkün deyil. D və E ona istinad edən iddiaların sübut dərəcələrində aşağı etibarlılıq sayılır.</translation>
    </message>
    <message>
        <source>Edit reliability…</source>
        <translation>Etibarlılığı dəyiş…</translation>
    </message>
    <message>
        <source>Grade this source (your own sources only: the corpus grades its own)</source>
        <translation>Bu mənbəni qiymətləndirin (yalnız öz mənbələriniz: korpus öz mənbələrini özü qiymətləndirir)</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Parçalar</translation>
    </message>
    <message>
        <source>Click a passage to find it in the text; double-click a record to open it.</source>
        <translation>Parçanı mətndə tapmaq üçün ona klikləyin; yazını açmaq üçün iki dəfə klikləyin.</translation>
    </message>
    <message>
        <source>Passages of this source</source>
        <translation>Bu mənbənin parçaları</translation>
    </message>
    <message>
        <source>Passages not found in this version</source>
        <translation>Bu versiyada tapılmayan parçalar</translation>
    </message>
    <message>
        <source>A newer version of the text no longer holds these quotes. They keep their notes and citations; cite the right words again, or import a version that holds them.</source>
        <translation>Mətnin yeni versiyasında bu sitatlar artıq yoxdur. Qeydləri və istinadları saxlanılır; düzgün sözlərə yenidən istinad edin və ya onları ehtiva edən versiyanı idxal edin.</translation>
    </message>
    <message>
        <source>Notes on the selected passage</source>
        <translation>Seçilmiş parça haqqında qeydlər</translation>
    </message>
    <message>
        <source>Select a passage to see and add its notes.</source>
        <translation>Qeydlərini görmək və əlavə etmək üçün parça seçin.</translation>
    </message>
    <message>
        <source>Notes on this source</source>
        <translation>Bu mənbə haqqında qeydlər</translation>
    </message>
    <message>
        <source>Find in text</source>
        <translation>Mətndə tap</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>Nəşriyyat:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Müəllif:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>Nəşr tarixi:</translation>
    </message>
    <message>
        <source>Data as of:</source>
        <translation>Məlumatların tarixi:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Imported from:</source>
        <translation>Haradan idxal edilib:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <source>That passage is not in this version of the text; it is listed under “Passages not found in this version”.</source>
        <translation>Bu parça mətnin bu versiyasında yoxdur; o, “Bu versiyada tapılmayan parçalar” altında göstərilir.</translation>
    </message>
    <message>
        <source>That passage is no longer in this source.</source>
        <translation>Bu parça artıq bu mənbədə yoxdur.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>There is no source “{id}” in this library (a newer corpus may have removed it).</source>
        <translation>Bu kitabxanada “{id}” mənbəsi yoxdur (yeni korpus onu silmiş ola bilər).</translation>
    </message>
    <message>
        <source>The source could not be read: {reason}</source>
        <translation>Mənbə oxuna bilmədi: {reason}</translation>
    </message>
    <message>
        <source>The source could not be read again: {reason}</source>
        <translation>Mənbə yenidən oxuna bilmədi: {reason}</translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation>nəşr tarixi: {date}</translation>
    </message>
    <message>
        <source>publication date not stated</source>
        <translation>nəşr tarixi göstərilməyib</translation>
    </message>
    <message>
        <source>The shipped corpus&apos;s details are read-only; add a note instead</source>
        <translation>Proqramla gələn korpusun məlumatları yalnız oxunur; əvəzinə qeyd əlavə edin</translation>
    </message>
    <message>
        <source>The shipped corpus updates its own texts</source>
        <translation>Proqramla gələn korpus öz mətnlərini özü yeniləyir</translation>
    </message>
    <message>
        <source>{symbol} A source of low reliability: {grade}. Every claim resting on it alone is graded uncorroborated.</source>
        <translation>{symbol} Aşağı etibarlılıqlı mənbə: {grade}. Yalnız ona əsaslanan hər iddia təsdiqlənməmiş kimi qiymətləndirilir.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yoxdur</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>qeyd yoxdur</translation>
    </message>
    <message>
        <source>A copy of: {title} (not an independent witness)</source>
        <translation>Surəti: {title} (müstəqil şahid deyil)</translation>
    </message>
    <message>
        <source>Copied by: {title}</source>
        <translation>Surətini çıxaran: {title}</translation>
    </message>
    <message>
        <source>[not part of the article] {text}</source>
        <translation>[məqalənin hissəsi deyil] {text}</translation>
    </message>
    <message>
        <source>[your citation] {text}</source>
        <translation>[sizin istinadınız] {text}</translation>
    </message>
    <message>
        <source>[your selection] {text}</source>
        <translation>[sizin seçiminiz] {text}</translation>
    </message>
    <message>
        <source>p. {page} · {text}</source>
        <translation>s. {page} · {text}</translation>
    </message>
    <message>
        <source>Double-click to open: {label}</source>
        <translation>Açmaq üçün iki dəfə klikləyin: {label}</translation>
    </message>
    <message>
        <source>{quote} — cited by {records}</source>
        <translation>{quote} — istinad edənlər: {records}</translation>
    </message>
    <message>
        <source>Not found since the version of {time}</source>
        <translation>{time} versiyasından bəri tapılmır</translation>
    </message>
    <message>
        <source>New version of “{title}”</source>
        <translation>“{title}” mənbəsinin yeni versiyası</translation>
    </message>
    <message>
        <source>Passage “{quote}”</source>
        <translation>Parça “{quote}”</translation>
    </message>
    <message>
        <source>This library file is read-only.</source>
        <translation>Bu kitabxana faylı yalnız oxunmaq üçündür.</translation>
    </message>
    <message>
        <source>Write a note on the selected text</source>
        <translation>Seçilmiş mətn haqqında qeyd yazın</translation>
    </message>
    <message>
        <source>Annotate selection</source>
        <translation>Seçilmiş mətnə qeyd yaz</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Saxlanılmadı: {reason}</translation>
    </message>
    <message>
        <source>Selection not annotated: {reason}</source>
        <translation>Seçilmiş mətnə qeyd yazılmadı: {reason}</translation>
    </message>
    <message>
        <source>Not recorded: the selection holds only spaces</source>
        <translation>Yazılmadı: seçimdə yalnız boşluqlar var</translation>
    </message>
</context>
<context>
    <name>SourceTextView</name>
    <message>
        <source>New event from selection…</source>
        <translation>Seçilmiş mətndən yeni hadisə…</translation>
    </message>
    <message>
        <source>Cite selection for…</source>
        <translation>Seçilmiş mətni istinad kimi əlavə et…</translation>
    </message>
    <message>
        <source>New agreement / agreement step from selection…</source>
        <translation>Seçilmiş mətndən yeni saziş / saziş mərhələsi…</translation>
    </message>
    <message>
        <source>New membership status from selection…</source>
        <translation>Seçilmiş mətndən yeni üzvlük statusu…</translation>
    </message>
    <message>
        <source>Annotate selection…</source>
        <translation>Seçilmiş mətnə qeyd yaz…</translation>
    </message>
    <message>
        <source>Find in text…</source>
        <translation>Mətndə tap…</translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Müəlliflər</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Nəşr tarixi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Mənşə</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fayl</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Parçalar</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Uyğunluqlar</translation>
    </message>
    <message>
        <source>corpus</source>
        <translation>korpus</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mənim</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <source>words in the sources&apos; titles and full text; &quot;a phrase&quot;; a prefix*</source>
        <translation>mənbələrin başlıqlarında və tam mətnində sözlər; &quot;ifadə&quot;; prefiks*</translation>
    </message>
    <message>
        <source>Search the sources&apos; text</source>
        <translation>Mənbələrin mətnində axtar</translation>
    </message>
    <message>
        <source>Only my sources</source>
        <translation>Yalnız mənim mənbələrim</translation>
    </message>
    <message>
        <source>Import sources…</source>
        <translation>Mənbələri idxal et…</translation>
    </message>
    <message>
        <source>The sources could not be read: {reason}</source>
        <translation>Mənbələr oxuna bilmədi: {reason}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Axtarılır…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yüklənir…</translation>
    </message>
    <message>
        <source>No source holds these words.</source>
        <translation>Heç bir mənbədə bu sözlər yoxdur.</translation>
    </message>
    <message>
        <source>the {shown} best of {total} sources, with {hits} hits</source>
        <translation>{total} mənbədən ən uyğun {shown} mənbə, {hits} uyğunluq</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) with {hits} hits</source>
        <translation>
            <numerusform>%n mənbə, {hits} uyğunluq</numerusform>
            <numerusform>%n mənbə, {hits} uyğunluq</numerusform>
        </translation>
    </message>
    <message>
        <source>the first {shown} of {total} sources</source>
        <translation>{total} mənbədən ilk {shown} mənbə</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) ({mine} of them yours)</source>
        <translation>
            <numerusform>%n mənbə (onlardan {mine} sizindir)</numerusform>
            <numerusform>%n mənbə (onlardan {mine} sizindir)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message>
        <source>Nothing to count under this filter.</source>
        <translation>Bu filtrlə sayılacaq heç nə yoxdur.</translation>
    </message>
    <message numerus="yes">
        <source>{period} · {label}: %n event(s)</source>
        <translation>
            <numerusform>{period} · {label}: %n hadisə</numerusform>
            <numerusform>{period} · {label}: %n hadisə</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to show them in the timeline</source>
        <translation>Onları xronologiyada göstərmək üçün klikləyin</translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <source>supports</source>
        <translation>təsdiqləyir</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>ziddir</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Edit agreement step</source>
        <translation>Saziş mərhələsini dəyiş</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>Yeni saziş</translation>
    </message>
    <message>
        <source>New agreement / agreement step from selection</source>
        <translation>Seçilmiş mətndən yeni saziş / saziş mərhələsi</translation>
    </message>
    <message>
        <source>An agreement already recorded</source>
        <translation>Artıq qeydə alınmış saziş</translation>
    </message>
    <message>
        <source>A new agreement</source>
        <translation>Yeni saziş</translation>
    </message>
    <message>
        <source>Step of:</source>
        <translation>Hansı sazişin mərhələsi:</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>saziş</translation>
    </message>
    <message>
        <source>Agreement title</source>
        <translation>Sazişin adı</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Başlıq:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Növ:</translation>
    </message>
    <message>
        <source>parties (countries)</source>
        <translation>tərəflər (ölkələr)</translation>
    </message>
    <message>
        <source>Countries:</source>
        <translation>Ölkələr:</translation>
    </message>
    <message>
        <source>parties (organisations)</source>
        <translation>tərəflər (təşkilatlar)</translation>
    </message>
    <message>
        <source>Organisations:</source>
        <translation>Təşkilatlar:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Mərhələ</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>Mərhələ:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Tarix:</translation>
    </message>
    <message>
        <source>Date as written:</source>
        <translation>Yazıldığı kimi tarix:</translation>
    </message>
    <message>
        <source>Date note:</source>
        <translation>Tarix qeydi:</translation>
    </message>
    <message>
        <source>the country that took the step</source>
        <translation>addımı atan ölkə</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Ölkə:</translation>
    </message>
</context>
<context>
    <name>StepKind</name>
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
        <translation>təsdiqlənib</translation>
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
        <translation>hüquq varisliyi</translation>
    </message>
</context>
<context>
    <name>StepTree</name>
    <message>
        <source>Step</source>
        <translation>Mərhələ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarix</translation>
    </message>
    <message>
        <source>As written in the source</source>
        <translation>Mənbədə yazıldığı kimi</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kim</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Sübut</translation>
    </message>
    <message>
        <source>Life-cycle steps</source>
        <translation>Həyat dövrünün mərhələləri</translation>
    </message>
    <message>
        <source>{step} (yours)</source>
        <translation>{step} (sizin)</translation>
    </message>
    <message>
        <source>{step}: {date} (EDTF {edtf})</source>
        <translation>{step}: {date} (EDTF {edtf})</translation>
    </message>
    <message>
        <source>As written: {text}</source>
        <translation>Yazıldığı kimi: {text}</translation>
    </message>
    <message>
        <source>Date note: {note}</source>
        <translation>Tarix qeydi: {note}</translation>
    </message>
    <message>
        <source>Disputed: {why}</source>
        <translation>Mübahisəli: {why}</translation>
    </message>
    <message>
        <source>another source contradicts this</source>
        <translation>başqa mənbə bunu təkzib edir</translation>
    </message>
    <message>
        <source>date note: {note}</source>
        <translation>tarix qeydi: {note}</translation>
    </message>
    <message>
        <source>dispute: {note}</source>
        <translation>mübahisə: {note}</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Təkrarla</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n səhifə</numerusform>
            <numerusform>%n səhifə</numerusform>
        </translation>
    </message>
</context>
</TS>
