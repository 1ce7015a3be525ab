<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnalysisPage</name>
    <message numerus="yes">
        <source>%n event(s) with no supporting source, {single} with one only, of {total}.</source>
        <translation>
            <numerusform>%n event with no supporting source, {single} with one only, of {total}.</numerusform>
            <numerusform>%n events with no supporting source, {single} with one only, of {total}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated only to a span longer than one month: in no bar.</source>
        <translation>
            <numerusform>%n event dated only to a span longer than one month is in no bar.</numerusform>
            <numerusform>%n events dated only to a span longer than one month are in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) dated only to a span longer than one year: in no bar.</source>
        <translation>
            <numerusform>%n event dated only to a span longer than one year is in no bar.</numerusform>
            <numerusform>%n events dated only to a span longer than one year are in no bar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n row written to {path}</numerusform>
            <numerusform>%n rows written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsPage</name>
    <message numerus="yes">
        <source>{shown} of %n note(s)</source>
        <translation>
            <numerusform>{shown} of %n note</numerusform>
            <numerusform>{shown} of %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s) to {path}</source>
        <translation>
            <numerusform>Exported %n note to {path}</numerusform>
            <numerusform>Exported %n notes to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsTable</name>
    <message numerus="yes">
        <source>%n event(s) — double-click one to open it on the timeline</source>
        <translation>
            <numerusform>%n event — double-click one to open it on the timeline</numerusform>
            <numerusform>%n events — double-click one to open it on the timeline</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message numerus="yes">
        <source>%n file(s) with the name of a source you imported before, proposed as its new version; choose “{new}” to keep both.</source>
        <translation>
            <numerusform>%n file has the name of a source you imported before, and is proposed as its new version; choose “{new}” to keep both.</numerusform>
            <numerusform>%n files have the name of a source you imported before, and are proposed as its new version; choose “{new}” to keep both.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n imported</numerusform>
            <numerusform>%n imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced by a new version</source>
        <translation>
            <numerusform>%n replaced by a new version</numerusform>
            <numerusform>%n replaced by a new version</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already imported</source>
        <translation>
            <numerusform>%n already imported</numerusform>
            <numerusform>%n already imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) could not be placed in a new version</source>
        <translation>
            <numerusform>%n passage could not be placed in a new version</numerusform>
            <numerusform>%n passages could not be placed in a new version</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceMetadataDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message numerus="yes">
        <source>%n source(s) with {hits} hits</source>
        <translation>
            <numerusform>%n source with {hits} hits</numerusform>
            <numerusform>%n sources with {hits} hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) ({mine} of them yours)</source>
        <translation>
            <numerusform>%n source ({mine} of them yours)</numerusform>
            <numerusform>%n sources ({mine} of them yours)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message numerus="yes">
        <source>{period} · {label}: %n event(s)</source>
        <translation>
            <numerusform>{period} · {label}: %n event</numerusform>
            <numerusform>{period} · {label}: %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
