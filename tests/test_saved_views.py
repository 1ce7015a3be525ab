"""Saved views: a named filter with its sort and lanes, kept in the file (migration 0013),
opened even when a record it names is gone, and used by `azrel export --view`."""

from __future__ import annotations

import pytest

from azrel_desktop.core.cli import main
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research import saved_views as views

NATO = EventFilter(organisations=("org-nato",), date_from="1994", date_to="2006")


def test_a_view_keeps_its_filter_sort_and_lanes(library):
    info, before, _ = views.save_view(library.db, "  NATO   years ", NATO, sort="title", descending=True,
                                      lanes="country")
    assert before is None and info.name == "NATO years"
    opened = views.filter_from_view(library, "nato YEARS")
    assert opened.filter == NATO and (opened.sort, opened.descending, opened.lanes) == ("title", True, "country")
    assert opened.dropped == ()
    with pytest.raises(views.ViewError, match="already a view named"):
        views.save_view(library.db, "nato years", EventFilter())
    replaced, old, _ = views.save_view(library.db, "nato years", EventFilter(kinds=("visit",)), replace=True)
    assert old.filter["organisations"] == ["org-nato"] and replaced.id == info.id


def test_rename_delete_and_undo_by_restoring(library):
    info, _, _ = views.save_view(library.db, "A", NATO)
    views.save_view(library.db, "B", EventFilter())
    with pytest.raises(views.ViewError, match="already a view named"):
        views.rename_view(library.db, "A", "b")
    renamed, before, _ = views.rename_view(library.db, "A", "C")
    assert renamed.name == "C" and before.name == "A"
    views.restore_view(library.db, before)  # undo the rename
    deleted, _ = views.delete_view(library.db, "A")
    with library.db.read() as s:
        assert [v.name for v in views.list_views(s)] == ["B"]
    restored, _ = views.restore_view(library.db, deleted)  # undo the delete
    assert (restored.id, restored.name, restored.created_at) == (info.id, "A", info.created_at)
    assert views.filter_from_view(library.db, "A").filter == NATO


def test_a_view_naming_a_record_that_is_gone_still_opens_and_says_what_it_dropped(library):
    info, _, _ = views.save_view(library.db, "old", NATO)
    data = dict(info.filter, organisations=["org-gone", "org-nato"], kinds=["visit", "teleportation"],
                future_setting=True)
    views.restore_view(library.db, views.SavedViewInfo(info.id, info.name, data, "date", False, "organisation",
                                                        info.created_at, info.updated_at))
    opened = views.filter_from_view(library, "old")
    assert opened.filter.organisations == ("org-nato",) and opened.filter.kinds == ("visit",)
    said = " | ".join(opened.dropped)
    assert "organisation 'org-gone' (no longer in the library)" in said
    assert "'teleportation'" in said and "'future_setting'" in said


def test_names_and_settings_are_checked(library):
    for name in ("", "   ", "x" * 201):
        with pytest.raises(views.ViewError):
            views.save_view(library.db, name, EventFilter())
    with pytest.raises(views.ViewError, match="cannot sort by"):
        views.save_view(library.db, "v", EventFilter(), sort="colour")
    with pytest.raises(views.ViewError, match="lanes"):
        views.save_view(library.db, "v", EventFilter(), lanes="people")


def test_export_with_a_view_writes_what_the_same_filter_and_sort_write(capsys, library, tmp_path):
    views.save_view(library.db, "nato by title", NATO, sort="title")
    by_view, by_options = tmp_path / "view.csv", tmp_path / "options.csv"
    assert main(["--db", str(library.path), "export", "events", "--view", "nato by title", "-o", str(by_view)]) == 0
    with library.db.read() as s, by_options.open("w", encoding="utf-8", newline="") as out:
        from azrel_desktop.core.output.export import export_events

        export_events(s, NATO, out, sort="title")
    assert by_view.read_bytes() == by_options.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(library.path), "export", "events", "--view", "nato by title", "--org", "CIS"]) == 2
    assert "either --view or filter options" in capsys.readouterr().err
    assert main(["--db", str(library.path), "export", "events", "--view", "nope"]) == 2
    assert "no view named 'nope'" in capsys.readouterr().err


def test_a_report_with_a_view_is_the_report_of_the_same_filter_and_sort(capsys, library, tmp_path):
    views.save_view(library.db, "nato by title", NATO, sort="title", descending=True)
    by_view, by_options = tmp_path / "view.md", tmp_path / "options.md"
    assert main(["--db", str(library.path), "report", "--view", "nato by title", "-o", str(by_view)]) == 0
    assert main(["--db", str(library.path), "report", "--org", "org-nato", "--from", "1994", "--to", "2006",
                 "--sort", "title", "--descending", "-o", str(by_options)]) == 0
    assert by_view.read_text(encoding="utf-8") == by_options.read_text(encoding="utf-8")
    assert main(["--db", str(library.path), "report", "--view", "nato by title", "-o", str(by_view)]) == 0
    everything = tmp_path / "all.md"
    assert main(["--db", str(library.path), "report", "-o", str(everything)]) == 0
    assert everything.read_text(encoding="utf-8") != by_view.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(library.path), "report", "--view", "nato by title", "--org", "CIS",
                 "-o", str(by_view)]) == 2
    assert "either --view or filter options" in capsys.readouterr().err


def test_views_on_the_command_line(capsys, library):
    views.save_view(library.db, "nato", NATO)
    assert main(["--db", str(library.path), "views", "list"]) == 0
    assert "nato: 1994 – 2006 · organisation is NATO" in capsys.readouterr().out.replace("from 1994 to 2006",
                                                                                          "1994 – 2006")
    assert main(["--db", str(library.path), "views", "rename", "nato", "alliance"]) == 0
    assert main(["--db", str(library.path), "views", "delete", "alliance"]) == 0
    capsys.readouterr()
    assert main(["--db", str(library.path), "views", "list"]) == 0
    assert "no saved views yet" in capsys.readouterr().out
