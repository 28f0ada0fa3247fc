"""The .ics file, parsed back with icalendar: stable UID, UTC times, place, video link, no
personal data; a cancelled session or booking cancels the event."""

from __future__ import annotations

from datetime import timedelta

from django.utils import translation
from icalendar import Calendar

from battrerygg.groups import services
from battrerygg.groups.calendar import booking_calendar
from battrerygg.groups.models import Booking
from tests.groups.helpers import NOW, START, schedule


def parse(booking):
    booking = Booking.objects.select_related("session__clinic").get(pk=booking.pk)
    with translation.override("sv"):
        data = booking_calendar(booking, now=NOW)
    cal = Calendar.from_ical(data)
    (event,) = cal.walk("VEVENT")
    return cal, event, data.decode()


def test_the_calendar_file(cast):
    session = schedule(cast, place="Samlingsrummet", video_url="https://video.example.se/rum")
    booking, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    cal, event, text = parse(booking)
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(event["UID"]) == f"{booking.uid}@battrerygg"
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert event.decoded("DTEND") == START + timedelta(minutes=90)
    assert "DTSTART:20260408T120000Z" in text
    assert str(event["SUMMARY"]) == "Ryggskola"
    assert str(event["LOCATION"]) == "Samlingsrummet"
    assert str(event["URL"]) == "https://video.example.se/rum"
    assert str(event["DESCRIPTION"]) == "Grupptillfälle med undervisning på Vårdcentralen A."
    assert str(event["STATUS"]) == "CONFIRMED"
    for private in ("191212121212", "121212-1212", "Anna", "anna@example.se"):
        assert private not in text
    _cal, again, _ = parse(booking)
    assert str(again["UID"]) == str(event["UID"])  # stable


def test_a_cancelled_session_cancels_the_event(cast):
    session = schedule(cast)
    booking, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    services.cancel_session(cast.physio, session.pk, now=NOW)
    cal, event, _ = parse(booking)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_a_cancelled_booking_cancels_and_waiting_is_tentative(cast):
    session = schedule(cast, capacity=1)
    anna, _ = services.book_patient(cast.physio, session.pk, cast.patient, now=NOW)
    bertil, _ = services.book_patient(cast.physio, session.pk, cast.patient_b, now=NOW)
    assert str(parse(bertil)[1]["STATUS"]) == "TENTATIVE"
    services.cancel_booking(cast.patient.user, anna.pk, now=NOW)
    cal, event, _ = parse(anna)
    assert str(cal["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(parse(bertil)[1]["STATUS"]) == "CONFIRMED"
