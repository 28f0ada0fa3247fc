"""The one rule for a form sent again (``battrerygg.submissions``), on a real model with a
unique (patient, submission_key): first send stores; same key and content returns the
first record; changed content is a new record, itself stored once; a concurrent request
that stored the key first is returned, not raised; anything else is raised. Each test runs
inside the test's transaction, so a conflict must leave that transaction usable (the
savepoint), which PostgreSQL would otherwise refuse ("current transaction is aborted")."""

from __future__ import annotations

import uuid

import pytest
from django.db import IntegrityError

from battrerygg.redflags.models import RedFlagCheck
from battrerygg.submissions import ChangedForm, create_once, save_once, stored_key

KEY = uuid.UUID("5d2f7a1e-0c4b-4e8a-9b3d-6a1f2e3c4d5e")
NO = {"night_pain": False}
YES = {"night_pain": True}


class Taken(ValueError):
    """A service's own check that found the key taken."""


@pytest.fixture
def form(cast):
    """save_once for a red-flag check of the cast's patient: form(answers, key=KEY, …)."""
    patient = cast.patient

    def find(key: uuid.UUID) -> RedFlagCheck | None:
        return RedFlagCheck.objects.filter(patient=patient, submission_key=key).first()

    def send(answers, key=KEY, **options):
        def create(use: uuid.UUID) -> RedFlagCheck:
            return RedFlagCheck.objects.create(patient=patient, answers=answers,
                                               outcome="self_care", submission_key=use)

        return save_once(find, create, key, answers, **options)

    send.find = find
    return send


def test_the_first_send_stores(form):
    check, created = form(NO)
    assert created and check.answers == NO
    assert check.submission_key == stored_key(KEY, NO)


def test_same_key_same_content_returns_the_first(form):
    first, _ = form(NO)
    again, created = form(dict(NO))
    assert again == first and not created
    assert RedFlagCheck.objects.count() == 1


def test_same_key_changed_content_is_a_new_record(form):
    first, _ = form(NO)
    changed, created = form(YES)
    assert created and changed != first and changed.answers == YES
    assert changed.submission_key == stored_key(KEY, YES) != first.submission_key


def test_the_changed_form_sent_again_is_stored_once(form):
    form(NO)
    changed, _ = form(YES)
    again, created = form(YES)
    assert again == changed and not created
    back, created = form(NO)  # changed back to what was first sent: the first record
    assert not created and back.answers == NO
    assert RedFlagCheck.objects.count() == 2


def test_the_first_record_is_found_after_it_was_changed(form):
    first, _ = form(NO)
    RedFlagCheck.objects.filter(pk=first.pk).update(answers=YES)  # e.g. corrected since
    again, created = form(NO)
    assert again == first and not created


def test_first_record_rule_returns_the_first_for_changed_content(form):
    first, _ = form(NO, changed=ChangedForm.FIRST_RECORD)
    assert first.submission_key == KEY
    again, created = form(YES, changed=ChangedForm.FIRST_RECORD)
    assert again == first and not created and again.answers == NO


def test_other_keys_are_other_records(form):
    form(NO)
    _, created = form(NO, key=uuid.uuid4())
    assert created and RedFlagCheck.objects.count() == 2


def test_a_concurrent_request_that_stored_first_is_returned(cast):
    """The other request's row is committed between our look and our insert: the unique
    constraint raises IntegrityError once, inside the savepoint, and the look again finds
    that row; the transaction goes on."""
    key = stored_key(KEY, NO)
    looks: list[uuid.UUID] = []

    def find(use: uuid.UUID) -> RedFlagCheck | None:
        looks.append(use)
        if len(looks) == 1:  # not there yet when we first look
            return None
        return RedFlagCheck.objects.filter(patient=cast.patient, submission_key=use).first()

    other = RedFlagCheck.objects.create(patient=cast.patient, answers=NO, outcome="self_care",
                                        submission_key=key)
    inserts: list[uuid.UUID] = []

    def create(use: uuid.UUID) -> RedFlagCheck:
        inserts.append(use)
        return RedFlagCheck.objects.create(patient=cast.patient, answers=NO, outcome="self_care",
                                           submission_key=use)

    check, created = save_once(find, create, KEY, NO)
    assert (check, created) == (other, False)
    assert inserts == [key] and looks == [key, key]
    assert RedFlagCheck.objects.count() == 1  # the transaction is still usable


def test_an_integrity_error_nothing_explains_is_raised(cast):
    def create() -> RedFlagCheck:
        raise IntegrityError("another constraint")

    with pytest.raises(IntegrityError):
        create_once(lambda: None, create)
    assert RedFlagCheck.objects.count() == 0  # the transaction is still usable


def test_a_conflict_of_the_service_is_looked_at_again(cast):
    other = RedFlagCheck.objects.create(patient=cast.patient, answers=NO, outcome="self_care")
    looks = iter([None, other])

    def create() -> RedFlagCheck:
        RedFlagCheck.objects.create(patient=cast.patient, answers=YES, outcome="self_care")
        raise Taken("email_taken")  # rolled back with the savepoint

    found, created = create_once(lambda: next(looks), create, conflicts=(Taken,))
    assert (found, created) == (other, False)
    assert RedFlagCheck.objects.count() == 1
    with pytest.raises(Taken):  # nothing stored under the key: the service's error stands
        create_once(lambda: None, create, conflicts=(Taken,))


def test_a_natural_key_found_is_not_created_again(cast):
    created_rows: list[RedFlagCheck] = []

    def find() -> RedFlagCheck | None:
        return RedFlagCheck.objects.filter(patient=cast.patient).first()

    def create() -> RedFlagCheck:
        check = RedFlagCheck.objects.create(patient=cast.patient, answers=NO, outcome="self_care")
        created_rows.append(check)
        return check

    first, created = create_once(find, create)
    again, created_again = create_once(find, create)
    assert created and not created_again and again == first and len(created_rows) == 1


def test_the_stored_key_depends_on_content_not_order():
    assert stored_key(KEY, {"a": 1, "b": 2}) == stored_key(KEY, {"b": 2, "a": 1})
    assert stored_key(KEY, {"a": 1}) != stored_key(KEY, {"a": 2})
    assert stored_key(KEY, {"a": 1}) != stored_key(uuid.uuid4(), {"a": 1})
