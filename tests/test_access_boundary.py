"""Who may see or do what is decided in the access layer only (issue 10, item 4).

An AST check over ``src/battrerygg`` (migrations aside). Outside ``patients/access.py`` no
module may
(a) define a function named ``may_*``, ``_may_*``, ``can_*`` or ``_can_*`` (a decision
    under its own name);
(b) compare a user's role (``x.role == …``, ``x.role in …``, ``getattr(x, "role") …``,
    the account's ``x.is_patient`` / ``x.is_physiotherapist``) or filter users by role
    (``.filter(role=…)``, ``user__role=…``);
(c) read the models that permissions rest on, ``CareRelation`` and ``StaffMembership``,
    by import or through their reverse relations (``.memberships``, ``.care_relations``,
    ``memberships__…`` lookups);
(d) decide ownership by comparing two people (``patient.user_id == request.user.pk``,
    ``actor == patient.user``, ``session.leader_id != user.pk``): ``access.is_self`` and
    the ``may_*`` functions answer that;
except where an allowlist below says why the use decides nothing. Each finding names the
file and line. ``test_the_check_finds_each_kind_of_decision`` shows that each rule fires.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "battrerygg"
ACCESS = "patients/access.py"

DECISION_NAME = re.compile(r"^_?(may|can)_")
PERMISSION_MODELS = {"CareRelation", "StaffMembership"}
RELATION_NAMES = {"memberships", "care_relations"}  # reverse accessors of those models
QUERY_METHODS = {"filter", "exclude", "get"}
ROLE_PROPERTIES = {"is_patient", "is_physiotherapist"}  # accounts.User's role in a word
# Names that hold a person (a user, or the id of one): compared with each other they decide
# whose something is.
PEOPLE = {"user", "actor", "leader", "physiotherapist", "created_by", "recorded_by",
          "booked_by", "author", "admin", "colleague"}
PERSON_IDS = {f"{name}_id" for name in PEOPLE}

# (module, function): why the name is no permission decision.
NAME_ALLOWED = {
    ("programme/queries.py", "can_undo"):
        "whether a dose change is in force that could be undone: a fact of the data, "
        "not of the user (the write itself asks access.check_treat)",
}

# module: why its role comparisons or role filters decide nothing.
ROLE_ALLOWED = {
    "accounts/models.py": "the account's own is_patient / is_physiotherapist properties",
    "accounts/admin.py": "the Django admin site (system admins) lists staff accounts only",
    "clinic/queries.py": "a clinic admin's count of physiotherapists per clinic (a number)",
}

# module: why it may use CareRelation / StaffMembership (write them, or read without
# deciding anything).
RELATION_ALLOWED = {
    "accounts/models.py": "defines StaffMembership",
    "patients/models.py": "defines CareRelation",
    "accounts/admin.py": "registers StaffMembership with the Django admin site (system admins)",
    "clinic/staff.py": "writes StaffMembership (add_staff) and CareRelation (remove_staff "
                       "moves a leaving physiotherapist's patients); counts open relations",
    "care/services.py": "writes the CareRelation of a newly registered patient, and of a "
                        "registered one who agreed to a clinic's request",
    "clinic/transfers.py": "writes the CareRelations an approved transfer moves (the access "
                           "layer decides who approves) and lists the leaver's patients",
    "clinic/queries.py": "a clinic admin's staff counts (numbers, no patient data)",
    "clinic/demo.py": "writes demo data",
    "web/management/commands/demo.py": "writes demo data",
    "web/management/commands/createuser.py": "writes the membership of a user it creates",
}


def _is_role(node: ast.expr) -> bool:
    """``x.role`` or ``getattr(x, "role"[, default])``."""
    if isinstance(node, ast.Attribute):
        return node.attr == "role"
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id == "getattr" and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant) and node.args[1].value == "role"
    )


def _is_person(node: ast.expr) -> bool:
    """``user``, ``request.user``, ``patient.user_id``, ``actor.pk``, ``session.leader``…"""
    if isinstance(node, ast.Name):
        return node.id in PEOPLE
    if not isinstance(node, ast.Attribute):
        return False
    if node.attr in PEOPLE or node.attr in PERSON_IDS:
        return True
    return node.attr in {"pk", "id"} and _is_person(node.value)


def _is_query_call(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr in QUERY_METHODS) or (
        isinstance(func, ast.Name) and func.id == "Q"
    )


def _names_relation(lookup: str) -> bool:
    return bool(RELATION_NAMES & set(lookup.split("__")))


def findings(module: str, source: str) -> list[str]:
    """Permission decisions in ``source`` (the module ``module``, a path relative to
    src/battrerygg), as "src/battrerygg/<module>:<line>: <what>" lines."""
    tree = ast.parse(source, filename=module)
    found: list[tuple[int, str]] = []

    def add(node: ast.AST, what: str) -> None:
        found.append((getattr(node, "lineno", 0), what))

    for node in ast.walk(tree):
        # (a) a decision under its own name
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and DECISION_NAME.match(
            node.name
        ) and (module, node.name) not in NAME_ALLOWED:
            add(node, f"defines {node.name}(): permission decisions belong in {ACCESS}")
        if module not in ROLE_ALLOWED:
            # (b) a role compared or filtered on
            if isinstance(node, ast.Compare) and any(
                _is_role(side) for side in [node.left, *node.comparators]
            ):
                add(node, f"compares a role: ask {ACCESS} (has_role or a may_* function)")
            if isinstance(node, ast.Attribute) and node.attr in ROLE_PROPERTIES:
                add(node, f"reads .{node.attr}: ask {ACCESS} (has_role)")
            if isinstance(node, ast.Call) and _is_query_call(node):
                for keyword in node.keywords:
                    if keyword.arg and (keyword.arg == "role" or keyword.arg.endswith("__role")):
                        add(node, f"filters users by role ({keyword.arg}=): ask {ACCESS}")
        if module not in RELATION_ALLOWED:
            # (c) the models permissions rest on
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name in PERMISSION_MODELS:
                        add(node, f"imports {alias.name}: read it through {ACCESS}")
            elif isinstance(node, ast.Attribute) and (
                node.attr in PERMISSION_MODELS or node.attr in RELATION_NAMES
            ):
                add(node, f"uses .{node.attr}: read it through {ACCESS}")
            elif isinstance(node, ast.keyword) and node.arg and _names_relation(node.arg):
                add(node, f"looks up {node.arg}=: read it through {ACCESS}")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                re.fullmatch(r"[a-z_]+", node.value) and _names_relation(node.value)
            ):
                add(node, f"looks up {node.value!r}: read it through {ACCESS}")
        # (d) whose is it: two people compared
        if isinstance(node, ast.Compare) and all(
            isinstance(op, ast.Eq | ast.NotEq | ast.Is | ast.IsNot) for op in node.ops
        ) and sum(_is_person(side) for side in [node.left, *node.comparators]) >= 2:
            add(node, f"compares people: ask {ACCESS} (is_self or a may_* function)")
    return [f"src/battrerygg/{module}:{line}: {what}" for line, what in sorted(found)]


def _modules() -> list[tuple[str, Path]]:
    modules = []
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        if module == ACCESS or "/migrations/" in module:
            continue
        modules.append((module, path))
    return modules


def test_no_module_outside_the_access_layer_decides_a_permission():
    problems = [
        line for module, path in _modules()
        for line in findings(module, path.read_text(encoding="utf-8"))
    ]
    assert not problems, "Permission decisions outside the access layer:\n" + "\n".join(problems)


def test_the_access_layer_is_where_the_check_looks():
    assert (SRC / ACCESS).is_file()
    assert len(_modules()) > 50  # the walk found the project's modules


VIOLATIONS = {
    "a decision under its own name": (
        "def may_edit(user, patient):\n    return True\n", 1, "defines may_edit()"),
    "a private decision": (
        "x = 1\n\ndef _may_book_at(actor, patient, session):\n    return True\n", 3,
        "defines _may_book_at()"),
    "a role compared": (
        "def view(request):\n    if request.user.role == Role.CLINIC_ADMIN:\n        pass\n",
        2, "compares a role"),
    "a role read with getattr": (
        "ok = getattr(actor, 'role', None) != Role.PHYSIOTHERAPIST\n", 1, "compares a role"),
    "users filtered by role": (
        "leaders = User.objects.filter(role=Role.PHYSIOTHERAPIST)\n", 1, "filters users by role"),
    "a permission model imported": (
        "from battrerygg.patients.models import CareRelation\n", 1, "imports CareRelation"),
    "memberships read through the user": (
        "\nfound = leader.memberships.filter(clinic=clinic).exists()\n", 2, "uses .memberships"),
    "memberships in a lookup": (
        "q = User.objects.filter(memberships__clinic=clinic)\n", 1, "looks up memberships__clinic"),
    "a role read through the account's property": (
        "if request.user.is_authenticated and request.user.is_patient:\n    pass\n", 1,
        "reads .is_patient"),
    "the patient's own, by ids": (
        "mine = found.patient.user_id == request.user.pk\n", 1, "compares people"),
    "the patient's own, by accounts": (
        "if actor == patient.user:\n    pass\n", 1, "compares people"),
    "staff, by the actor's id": (
        "staff = actor.pk != booking.patient.user_id\n", 1, "compares people"),
    "the leader": (
        "x = 1\nleads = session.leader_id == request.user.id\n", 2, "compares people"),
}


@pytest.mark.parametrize("case", VIOLATIONS, ids=list(VIOLATIONS))
def test_the_check_finds_each_kind_of_decision(case):
    source, line, what = VIOLATIONS[case]
    found = findings("groups/views.py", source)
    assert any(f.startswith(f"src/battrerygg/groups/views.py:{line}: {what}") for f in found), found


def test_the_access_layer_itself_is_not_checked_and_allowlists_are_per_module():
    assert findings("accounts/models.py", "is_patient = self.role == Role.PATIENT\n") == []
    assert findings("groups/views.py", "is_patient = self.role == Role.PATIENT\n")


TEMPLATE_ROLE = re.compile(r"\{%[^%]*\b(?:\.role\b|is_patient|is_physiotherapist|is_clinic_admin)")


def test_no_template_decides_by_role():
    """Templates show by what the context says (``menu``, from access.has_role), never by
    comparing role names or role properties themselves."""
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TEMPLATE_ROLE.search(line)
    ]
    assert not found, "Role decisions in templates:\n" + "\n".join(found)


def test_the_template_check_finds_a_role_comparison():
    assert TEMPLATE_ROLE.search('{% if user.role == "physiotherapist" %}')
    assert TEMPLATE_ROLE.search("{% if user.is_authenticated and user.is_patient %}")
    assert not TEMPLATE_ROLE.search("{% if menu.patient %}")
