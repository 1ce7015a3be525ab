<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChipBar</name>
    <message numerus="yes">
        <source>{shown} of {total} event(s)</source>
        <translation>
            <numerusform>{shown} of {total} event</numerusform>
            <numerusform>{shown} of {total} events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CitedCounts</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es)</source>
        <translation>
            <numerusform>%n status</numerusform>
            <numerusform>%n statuses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n description(s)</source>
        <translation>
            <numerusform>%n description</numerusform>
            <numerusform>%n descriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n founding date(s)</source>
        <translation>
            <numerusform>%n founding date</numerusform>
            <numerusform>%n founding dates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message numerus="yes">
        <source>Evidence — %n source(s)</source>
        <translation>
            <numerusform>Evidence — %n source</numerusform>
            <numerusform>Evidence — %n sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacetSection</name>
    <message numerus="yes">
        <source>%n event(s) with the other filters</source>
        <translation>
            <numerusform>%n event with the other filters</numerusform>
            <numerusform>%n events with the other filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  (%n chosen)</source>
        <translation>
            <numerusform>  (%n chosen)</numerusform>
            <numerusform>  (%n chosen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message numerus="yes">
        <source>{shown} of {total} event(s), sampled</source>
        <translation>
            <numerusform>{shown} of {total} event, sampled</numerusform>
            <numerusform>{shown} of {total} events, sampled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plural</name>
    <message numerus="yes">
        <source>%n row(s) written to {path}</source>
        <translation>
            <numerusform>%n row written to {path}</numerusform>
            <numerusform>%n rows written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) support this event</source>
        <translation>
            <numerusform>%n source supports this event</numerusform>
            <numerusform>%n sources support this event</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
</TS>
