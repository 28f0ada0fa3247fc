"""Audit ``what`` keys are members of one enum (audit/keys.py): every call that writes a row
names its data with a member, every member has a plain name on the patient's access-log
page, and keys stored before a rename keep theirs."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import battrerygg
from battrerygg.audit.keys import RENAMED, What, what_of
from battrerygg.audit.models import AuditEvent
from battrerygg.audit.texts import OTHER, WHAT, what_label

ROOT = Path(battrerygg.__file__).parent
# Functions given a ``what`` key: by keyword, or at this position.
KEYWORD = {"record_read", "record_reads", "record_change", "page_read", "record_page_read",
           "record_auth_event", "write",
           "AuditEvent", "check_read", "patient_page"}
POSITION = {"check_read": 2, "patient_page": 0}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _keys_given() -> tuple[list[str], set[str]]:
    """(calls whose key is not a What member or a variable holding one, members named)."""
    wrong, named = [], set()
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "What"):
                named.add(node.attr)
            if not isinstance(node, ast.Call) or _name(node.func) not in KEYWORD:
                continue
            name = _name(node.func)
            given = [k.value for k in node.keywords if k.arg == "what"]
            if name in POSITION and len(node.args) > POSITION[name]:
                given.append(node.args[POSITION[name]])
            for arg in given:
                member = (isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name)
                          and arg.value.id == "What")
                # A variable or a lookup passes a member on (typed What, checked by mypy).
                if not (member or isinstance(arg, ast.Name | ast.Subscript)):
                    where = path.relative_to(ROOT.parent)
                    wrong.append(f"{where}:{arg.lineno}: {name}(… {ast.unparse(arg)} …)")
    return wrong, named


def test_every_call_names_its_data_with_a_member():
    wrong, named = _keys_given()
    assert wrong == [], "use a member of battrerygg.audit.keys.What, not a string"
    # The scan sees the keys of pages, queries, services and the dashboard.
    assert {"TIMELINE", "DIARY", "PROGRAMME", "SESSIONS", "GROUPS_ROSTER", "DASHBOARD",
            "PROGRAMME_DOSE_PROGRESSED"} <= named
    assert sorted(set(What.__members__) - named) == [], "members the product never writes"


def test_every_read_key_the_product_writes_has_a_plain_name():
    """Each member (read or change) is named in plain words on the patient's "who has
    read my record" page, never the "your data" of an unknown key."""
    assert sorted(set(What) - set(WHAT)) == []
    for what in What:
        assert what_label(what) != str(OTHER), what


def test_every_key_has_a_name_for_the_log_reviewer():
    """The clinic's log review (T8) names every member in the reviewer's words; a key added
    without one would break the review page."""
    from battrerygg.audit.texts import REVIEW

    assert sorted(set(What) - set(REVIEW)) == []


def test_renamed_keys_keep_their_names():
    """Rows are never rewritten: a key stored before a rename reads like its member."""
    assert RENAMED, "nothing renamed: drop this test with RENAMED"
    for old, member in RENAMED.items():
        assert old not in set(What)
        assert what_of(old) is member
        assert what_label(old) == what_label(member)
    assert what_of("no.such.key") is None
    assert what_label("no.such.key") == str(OTHER)


def test_goal_changes_and_reads_share_one_key(cast):
    """weekly_goal (changes) and weekly_goals (reads) were one kind of data with two keys."""
    from battrerygg.plan import queries, services

    services.set_goal(cast.patient, activity="walking", unit="minutes", target=60,
                      today=date(2026, 3, 10))
    queries.current_goals(cast.physio, cast.patient)
    rows = AuditEvent.objects.filter(patient=cast.patient, what__startswith="weekly_goal")
    assert sorted((r.action, r.what) for r in rows) == [
        ("create", What.WEEKLY_GOALS), ("read", What.WEEKLY_GOALS)]
