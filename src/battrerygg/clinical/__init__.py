"""The programme's clinical rules: pure, typed Python with no Django and no I/O.

Each module reads like the guideline it implements and cites its source. A test fails if
any module here imports Django (tests/clinical/test_purity.py).

- ``pain_monitoring``: SPEC C1, the pain-monitoring model (zones, 24-hour rule, advice).
- ``red_flags``: SPEC C2, warning signs and the four outcomes.
- ``course``: SPEC C5, is the episode settling?
- ``attention``: SPEC T5/C7, the dashboard's reasons for attention, the review rule and the
  order of patients (calling the modules above).
- ``instruments``: SPEC C4 questionnaires (one module each), C6 ``change`` and the P8
  follow-up ``schedule``.
"""
