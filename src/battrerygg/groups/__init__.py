"""Group sessions (SPEC T4): the group education session and supervised group training,
bookings with a waiting list, attendance, an iCalendar file for the patient and the
education session's material.

Who sees what (the rules live in ``patients.access`` only; ``groups.services`` and
``groups.queries`` call them):
- a clinic admin schedules, edits and cancels the clinic's sessions and chooses the leader
  (``access.may_manage_sessions``, ``access.may_lead``), and sees counts only (booked,
  places, waiting), never patients' names;
- a physiotherapist of the clinic schedules sessions too, sees the clinic's sessions with
  counts, and sees and books their own patients (``access.may_book``: care relation and
  works at the session's clinic);
- the session's leader sees the whole roster (names and attendance) to mark attendance
  (``access.roster_visible``, ``access.roster_patients``, ``access.may_mark_attendance``);
- a patient sees their own bookings only and may cancel them and download the .ics file
  (``access.may_cancel_booking``).

Audit: every booking change is recorded with ``record_change`` on the patient's record.
A staff page that shows patients' names or attendance for a session writes exactly one
audit read row per patient shown (``what`` = "groups.roster", written in bulk in one query);
the page of one patient's sessions writes the one row of ``web.pages.patient_page``.
Lists with counts only write no rows.
"""
