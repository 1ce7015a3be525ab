"""Search of the sources' full text: which sources hold the words, with hit counts, and the
hits' offsets in the stored text; and the `azrel import`, `sources`, `edit-source` commands."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from azrel_desktop.core.cli import main
from azrel_desktop.core.query.source_search import hit_spans, parse_query


def test_hits_are_offsets_in_the_stored_text_folded_like_the_index():
    body = "In BAKI and Bakı, the Partnership  for Peace; Bakí. Partnerships for all."
    spans = hit_spans(body, parse_query('baki "partnership for"'))
    assert [body[s:e] for s, e in spans] == ["BAKI", "Bakı", "Partnership  for", "Bakí"]
    prefix = hit_spans(body, parse_query("partn"))
    assert [body[s:e] for s, e in prefix] == ["Partnership", "Partnerships"]


def test_sources_page_lists_matches_with_hit_counts(library, sample_files):
    library.import_sources([sample_files.write("one.txt", "Qarabağ talks. Qarabağ again. Qarabağ thrice."),
                            sample_files.write("two.txt", "Talks on Qarabag once.")])
    rows = library.sources("qarabag")
    assert [(r.title, r.hits) for r in rows] == [("Qarabağ talks. Qarabağ again. Qarabağ thrice.", 3),
                                                 ("Talks on Qarabag once.", 1)]
    assert all(not r.is_seed for r in rows)
    every = library.sources()
    assert len(every) == 7 and all(r.hits is None for r in every)
    assert [r.title for r in every] == sorted((r.title for r in every), key=str.casefold)
    assert library.sources("no-such-word-anywhere") == []
    assert library.sources('"') == every  # no words: the whole list
    hits = library.source_hits(rows[1].id, "qarabag")
    assert hits == [(9, 16)]


def test_corpus_sources_are_searched_too(library):
    rows = library.sources("CSTO")
    assert rows and all(r.is_seed for r in rows) and all(r.hits >= 1 for r in rows)


def test_the_index_follows_edits_of_the_title(library, sample_files):
    report, _ = library.import_sources([sample_files.write("t.txt", "Body words only.")])
    sid = report.outcomes[0].source_id
    assert library.sources("zanzibar") == []
    library.update_source_metadata(sid, title="Zanzibar notes")
    assert [r.id for r in library.sources("zanzibar")] == [sid]
    with library.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM source_fts")).scalar_one() == \
            s.execute(text("SELECT count(*) FROM sources")).scalar_one()


def test_metadata_edit_checks_dates_and_returns_before_and_after(library, sample_files):
    report, _ = library.import_sources([sample_files.write("m.txt", "Some words.")])
    sid = report.outcomes[0].source_id
    before, after, changes = library.update_source_metadata(sid, published="spring 2021", publisher="  ",
                                                            reliability="C3")
    assert after.published == "2021-21" and after.publisher is None and after.reliability == "C3"
    assert before.published is None and changes.ids == {sid}
    with pytest.raises(ValueError, match="not a date"):
        library.update_source_metadata(sid, published="whenever")
    with pytest.raises(ValueError, match="needs a title"):
        library.update_source_metadata(sid, title=" ")
    assert library.source(sid).published == "2021-21"
    with pytest.raises(ValueError, match="shipped corpus"):
        library.update_source_metadata("src-000", title="Renamed")
    with pytest.raises(ValueError, match="no source"):
        library.update_source_metadata("nope", title="X")


# --- the command line ------------------------------------------------------------------------


def test_cli_import_reports_each_file_and_exits_1_when_one_failed(db_path, sample_files, capsys):
    good = sample_files.write("good.txt", "A statement of the ministry of foreign affairs.")
    bad = sample_files.write("bad.pdf", "not a pdf")
    code = main(["--db", str(db_path), "import", str(good), str(bad), "--publisher", "MFA", "--published", "2024-02"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "good.txt: imported as" in out
    assert "bad.pdf: it is named .pdf but is not a PDF" in err
    assert err.strip().splitlines()[-1] == "1 imported, 1 failed"
    code = main(["--db", str(db_path), "import", str(good), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["files"][0]["status"] == "already imported"
    assert data["summary"] == "1 already imported"


def test_cli_import_refuses_a_bad_date_and_a_title_for_several_files(db_path, sample_files, capsys):
    f = sample_files.write("f.txt", "Words.")
    assert main(["--db", str(db_path), "import", str(f), "--published", "the other day"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["--db", str(db_path), "import", str(f), str(f), "--title", "T"]) == 2
    assert "on its own" in capsys.readouterr().err


def test_cli_replaces_lists_edits_and_searches(db_path, sample_files, capsys):
    v1 = sample_files.write("v1.txt", "The first version says the talks were in Baku. The end.")
    assert main(["--db", str(db_path), "import", str(v1), "--title", "Talks report"]) == 0
    v2 = sample_files.write("v2.txt", "Preface. The first version says the talks were in Baku. The end.")
    assert main(["--db", str(db_path), "import", str(v2), "--replaces", "Talks report"]) == 0
    assert "a new version of “Talks report”" in capsys.readouterr().out
    assert main(["--db", str(db_path), "edit-source", "Talks report", "--published", "March 2020",
                 "--reliability", "B"]) == 0
    assert "published = '2020-03'" in capsys.readouterr().out
    assert main(["--db", str(db_path), "sources", "--mine", "--search", "preface", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["title"], r["hits"], r["published"]) for r in rows] == [("Talks report", 1, "2020-03")]
    assert main(["--db", str(db_path), "check"]) == 0


def test_upgrading_a_file_indexes_the_sources_it_already_holds(tmp_path, file_at_revision, backed_up_before_upgrade):
    import sqlite3

    from azrel_desktop.core.service import Library

    path = file_at_revision(tmp_path / "old.sqlite3", "0007")
    con = sqlite3.connect(path)
    con.execute("INSERT INTO sources(id, title, kind, language, text, sha256, is_seed) "
                "VALUES ('mine', 'Old notes', 'notes', 'en', 'Words about Gəncə and Bakı.', 'x', 0)")
    con.commit()
    con.close()
    lib = Library.open(path)
    try:
        backed_up_before_upgrade(path, "0007")
        assert [r.id for r in lib.sources("baki gəncə")] == ["mine"]
        with lib.db.read() as s:  # the triggers of 0005 on `sources` survived the change of the table
            names = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                  "AND tbl_name = 'sources'"))}
        assert {"corpus_version_sources_delete", "source_fts_insert", "source_fts_update"} <= names
    finally:
        lib.close()


def test_a_limit_keeps_the_best_matches_and_the_count_says_how_many(library, sample_files):
    library.import_sources([sample_files.write(f"s{i}.txt", f"Shusha {'Shusha ' * i}talks {i}.") for i in range(5)])
    assert library.count_sources("shusha") == 5 and library.count_sources("shusha", own_only=True) == 5
    best = library.sources("shusha", limit=2)
    assert len(best) == 2 and all(r.hits >= 4 for r in best)
    assert library.count_sources() == len(library.sources()) == 10
    assert [r.title for r in library.sources(limit=3)] == [r.title for r in library.sources()][:3]
    assert library.sources("CSTO", own_only=True) == [] and library.count_sources("CSTO", own_only=True) == 0
