"""Notes as W3C Web Annotations: the JSON-LD written (selectors, the declared unit of positions)
and read back idempotently, re-anchored by quote when positions disagree."""

from __future__ import annotations

import json

import pytest

from azrel_desktop.core.cli import main
from azrel_desktop.core.output import annotations_w3c as w3c

TEXT = "Intro 𝔄𝔷 line one\r\nThe Baku summit of 𝔑𝔄𝔗𝔒 leaders was held.\r\nEnd."


def _own_source(lib, tmp_path) -> str:
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    report, _changes = lib.import_sources([path])
    return report.outcomes[0].source_id


def _export(capsys, db_path, *extra) -> dict:
    assert main(["--db", str(db_path), "export", "annotations", "--format", "w3c", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _items(doc: dict) -> list[dict]:
    return doc["first"]["items"]


def test_the_export_is_web_annotation_json_ld_with_both_selectors_in_code_points(capsys, library, tmp_path):
    sid = _own_source(library, tmp_path)
    with library.db.read() as s:
        from azrel_desktop.core.corpus import models as m

        stored = s.get(m.Source, sid).text
    start = stored.index("Baku summit")
    end = start + len("Baku summit of 𝔑𝔄𝔗𝔒")
    library.annotate_selection(sid, start, end, "A summit <b>not</b> in the corpus", tags=("summits", "NATO"))
    library.add_annotation("event", "ev-1994-05-04-aliyev-pfp-signing-speech", "on the speech", tags=("speech",))
    doc = _export(capsys, library.path)
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"  # a string: nothing to fetch
    assert doc["type"] == "AnnotationCollection" and doc["total"] == len(_items(doc)) == 2
    by_target = {("passage" if isinstance(a["target"], dict) and "selector" in a["target"] else "record"): a
                 for a in _items(doc)}
    note = by_target["passage"]
    assert note["type"] == "Annotation" and note["id"].startswith("urn:azrel:annotation:")
    assert {"created", "modified", "motivation"} <= set(note)
    bodies = note["body"]
    assert {"type": "TextualBody", "value": "A summit <b>not</b> in the corpus", "format": "text/plain",
            "purpose": "commenting"} in bodies
    assert sorted(b["value"] for b in bodies if b["purpose"] == "tagging") == ["NATO", "summits"]
    target = note["target"]
    assert target["type"] == "SpecificResource" and target["source"]["id"] == w3c.iri("source", sid)
    quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
    position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
    assert quote["exact"] == "Baku summit of 𝔑𝔄𝔗𝔒"
    assert quote["prefix"].endswith("line one\nThe ") and quote["suffix"].startswith(" leaders")
    # code points of the stored (NFC, LF) text: the mathematical letters count one each, the CRLF one
    assert (position["start"], position["end"]) == (start, end)
    assert stored[position["start"]:position["end"]] == quote["exact"]
    assert len(stored[:start].encode("utf-16-le")) // 2 == start + 2  # UTF-16 units would count the 𝔄𝔷 twice
    assert position[w3c.POSITION_UNIT] == w3c.NFC_CODE_POINTS
    record = by_target["record"]
    assert record["target"]["id"] == w3c.iri("event", "ev-1994-05-04-aliyev-pfp-signing-speech")


def test_importing_the_same_file_twice_adds_nothing(capsys, library, tmp_path):
    sid = _own_source(library, tmp_path)
    library.annotate_selection(sid, 6, 8, "letters", tags=("x",))
    library.add_annotation("organisation", "org-nato", "the alliance")
    path = tmp_path / "notes.jsonld"
    assert main(["--db", str(library.path), "export", "annotations", "--format", "w3c", "-o", str(path)]) == 0
    before = len(library.annotations())
    result = w3c.read_w3c(library.db, path)
    assert result.added == [] and len(result.already) == 2
    assert len(library.annotations()) == before


def test_a_fresh_library_takes_the_notes_it_can_place_and_says_why_not_the_rest(capsys, library, fresh_library,
                                                                                tmp_path):
    sid = _own_source(library, tmp_path)
    library.annotate_selection(sid, 6, 8, "on my own source")
    library.add_annotation("event", "ev-1994-05-04-aliyev-pfp-signing-speech", "kept", tags=("t1",))
    path = tmp_path / "notes.jsonld"
    assert main(["--db", str(library.path), "export", "annotations", "--format", "w3c", "-o", str(path)]) == 0
    first = w3c.read_w3c(fresh_library.db, path)
    assert len(first.added) == 1 and len(first.skipped) == 1
    assert "has no source" in first.skipped[0][1]
    [note] = fresh_library.annotations()
    assert (note.target_kind, note.body, note.tags) == ("event", "kept", ("t1",))
    again = w3c.read_w3c(fresh_library.db, path)
    assert again.added == [] and len(fresh_library.annotations()) == 1


def test_positions_that_disagree_are_re_anchored_by_the_quote(library, fresh_library, tmp_path):
    with library.db.read() as s:
        from azrel_desktop.core.corpus import models as m

        passage = s.query(m.Passage).filter(m.Passage.kind == "citation").first()
        src_text = s.get(m.Source, passage.source_id).text
    doc = {"@context": w3c.CONTEXT, "type": "Annotation", "id": "https://example.org/anno/1",
           "body": {"type": "TextualBody", "value": "moved", "purpose": "commenting"},
           "target": {"type": "SpecificResource", "source": w3c.iri("source", passage.source_id),
                      "selector": [{"type": "TextQuoteSelector", "exact": passage.exact, "prefix": passage.prefix,
                                    "suffix": passage.suffix},
                                   {"type": "TextPositionSelector", "start": passage.start + 7,
                                    "end": passage.end + 7}]}}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = w3c.read_w3c(fresh_library.db, path)
    assert len(result.added) == 1 and result.reanchored == result.added
    [note] = fresh_library.annotations()
    assert (note.start, note.end) == (passage.start, passage.end)
    assert src_text[note.start:note.end] == passage.exact
    assert w3c.read_w3c(fresh_library.db, path).added == []  # a foreign id maps to the same note each time


@pytest.mark.parametrize("content, says", [
    (b"not json", "is not JSON"),
    (b'{"type": "Dataset"}', "holds no W3C Web Annotations"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
])
def test_a_file_that_is_not_annotations_is_refused_in_one_line(capsys, db_path, tmp_path, content, says):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["--db", str(db_path), "import-annotations", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err and "Traceback" not in err


def test_w3c_goes_with_annotations_only(capsys, db_path):
    assert main(["--db", str(db_path), "export", "events", "--format", "w3c"]) == 2
    assert "--format w3c exports annotations only" in capsys.readouterr().err


def _must_schemas():
    """The W3C test suite's MUST assertions on an annotation, with their definitions, resolved
    from the copies in tests/data (nothing fetched)."""
    from pathlib import Path

    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    root = Path(__file__).parent / "data" / "w3c-annotation"
    base = "https://w3c-annotation-tests.invalid/"
    resources = []
    for path in sorted((root / "definitions").glob("*.json")):
        resources.append((base + path.name, Resource.from_contents(json.loads(path.read_text("utf-8")),
                                                                   default_specification=DRAFT4)))
    musts = json.loads((root / "annotations" / "annotationMusts.test").read_text("utf-8"))["assertions"]
    for name in musts:
        schema = json.loads((root / name).read_text("utf-8"))
        uri = base + Path(name).name  # beside the definitions, as the suite's harness resolves them
        resources.append((uri, Resource.from_contents(schema, default_specification=DRAFT4)))
    registry = Registry().with_resources(resources)
    for name in musts:
        schema = json.loads((root / name).read_text("utf-8"))
        yield name, schema, {"$ref": base + Path(name).name}, registry


def test_every_exported_annotation_meets_the_models_musts(capsys, library, tmp_path):
    from jsonschema import Draft4Validator

    sid = _own_source(library, tmp_path)
    library.annotate_selection(sid, 6, 8, "letters", tags=("x", "y"))
    library.annotate_selection(sid, 10, 14, "", tags=("only a tag",))
    library.add_annotation("organisation", "org-nato", "the alliance")
    items = _items(_export(capsys, library.path))
    assert len(items) == 3
    checked = 0
    for name, schema, wrapper, registry in _must_schemas():
        validator = Draft4Validator(wrapper, registry=registry)
        for item in items:
            valid = validator.is_valid(dict(item, **{"@context": w3c.CONTEXT}))
            assert valid == (schema.get("expectedResult", "valid") == "valid"), (name, item["id"])
            checked += 1
    assert checked == 3 * 54
    # and the schemas do catch a broken annotation: no target, a type that is not Annotation
    broken = {k: v for k, v in items[0].items() if k != "target"} | {"type": "Note", "@context": w3c.CONTEXT}
    failing = [name for name, schema, wrapper, registry in _must_schemas()
               if schema.get("expectedResult", "valid") == "valid"
               and not Draft4Validator(wrapper, registry=registry).is_valid(broken)]
    assert any("targetKeyFound" in n for n in failing) and any("TypeValidated" in n for n in failing)


def test_an_unknown_format_is_refused_in_one_line(capsys, db_path):
    assert main(["--db", str(db_path), "export", "events", "--format", "w3cx"]) == 2
    assert "unknown export format 'w3cx'" in capsys.readouterr().err
