"""The command line: demo data (harmless to repeat) and createuser."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from battrerygg.accounts.models import User
from battrerygg.clinical.attention import Kind
from battrerygg.diary.models import ActivityEntry
from battrerygg.patients.models import Patient


def test_demo_twice_loads_once(db):
    out = io.StringIO()
    call_command("demo", stdout=out)
    counts = (Patient.objects.count(), ActivityEntry.objects.count())
    call_command("demo", stdout=out)
    assert (Patient.objects.count(), ActivityEntry.objects.count()) == counts
    assert counts[0] == 1 + len(Kind)  # Anna and one patient per dashboard reason
    assert "anna@example.se" in out.getvalue() and "admin@example.se" in out.getvalue()


def test_createuser_patient(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("A-good-password-1\n19121212-1212\n"))
    call_command("createuser", "--email", "Ny@Example.se", "--personnummer",
                 "--password-stdin", stdout=io.StringIO())
    patient = Patient.objects.get()
    assert patient.user.email == "ny@example.se"
    assert patient.personnummer == "191212121212"
    assert patient.episodes.count() == 1


def test_createuser_refuses_a_bad_personnummer(db, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("A-good-password-1\n191212121213\n"))
    with pytest.raises(CommandError):
        call_command("createuser", "--email", "x@example.se", "--personnummer",
                     "--password-stdin")
    assert not User.objects.exists()


def test_identity_numbers_are_normalised_and_masked():
    from battrerygg.patients import identity

    assert identity.normalise("19121212-1212") == "191212121212"
    assert identity.normalise("121212-1212") in {"191212121212", "201212121212"}
    assert identity.mask("191212121212") == "19121212-****"
    assert identity.is_samordningsnummer(identity.normalise("701063-2391"))


def test_behind_a_proxy_waitress_trusts_its_forwarded_proto(monkeypatch):
    from waitress.adjustments import Adjustments

    from battrerygg.cli import proxy_options

    assert proxy_options(False) == {}
    monkeypatch.delenv("BATTRERYGG_TRUSTED_PROXY", raising=False)
    with pytest.raises(SystemExit):  # trusting any sender would let anyone forge an address
        proxy_options(True)
    monkeypatch.setenv("BATTRERYGG_TRUSTED_PROXY", "*")
    with pytest.raises(SystemExit):
        proxy_options(True)
    monkeypatch.setenv("BATTRERYGG_TRUSTED_PROXY", "10.0.0.5")
    options = proxy_options(True)
    adjusted = Adjustments(**options)  # waitress accepts them
    assert adjusted.trusted_proxy == "10.0.0.5"
    assert "x-forwarded-proto" in adjusted.trusted_proxy_headers


def test_demo_migrates_a_fresh_database_itself(db):
    from unittest import mock

    with mock.patch("battrerygg.web.management.commands.demo.call_command") as migrate:
        call_command("demo", stdout=io.StringIO())
    migrate.assert_called_once_with("migrate", interactive=False, verbosity=0)
