"""SPEC P8: one question per screen with plain forms (no JavaScript), progress shown,
answers saved as the patient goes, back and forward, a summary, then the result."""

from __future__ import annotations

import uuid
from datetime import date

from battrerygg.proms.models import Response


def start(client, instrument="startback", timepoint="baseline"):
    return client.post("/questionnaires/start/", {"instrument": instrument,
                                                  "timepoint": timepoint})


def test_a_startback_answered_screen_by_screen(client, cast):
    client.force_login(cast.patient.user)
    response = start(client)
    r = Response.objects.get()
    assert response["Location"] == f"/questionnaires/{r.pk}/1/"
    html = client.get(f"/questionnaires/{r.pk}/1/").content.decode()
    assert "Fråga 1 av 9" in html and '<progress id="progress" max="9" value="0">' in html
    assert html.count('type="radio"') == 2  # one question: agree / disagree
    codes = ["agree", "disagree", "agree", "agree", "agree", "agree", "disagree", "disagree"]
    for n, code in enumerate(codes, start=1):
        response = client.post(f"/questionnaires/{r.pk}/{n}/", {"answer": code, "go": "next"})
        assert response["Location"] == f"/questionnaires/{r.pk}/{n + 1}/"
    r.refresh_from_db()
    assert len(r.answers) == 8 and r.status == "in_progress"  # saved as the patient went
    response = client.post(f"/questionnaires/{r.pk}/9/", {"answer": "moderately", "go": "back"})
    assert response["Location"] == f"/questionnaires/{r.pk}/8/"
    r.refresh_from_db()
    assert r.answers["sb9"] == "moderately"  # going back keeps the answer
    response = client.post(f"/questionnaires/{r.pk}/9/", {"answer": "moderately", "go": "next"})
    assert response["Location"] == f"/questionnaires/{r.pk}/summary/"
    html = client.get(response["Location"]).content.decode()
    assert "Kontrollera dina svar" in html and "Påhittat svar moderately" in html
    response = client.post(f"/questionnaires/{r.pk}/summary/",
                           {"submission_key": str(uuid.uuid4())})
    assert response["Location"] == f"/questionnaires/{r.pk}/result/"
    html = client.get(response["Location"]).content.decode()
    assert "med stöd av din fysioterapeut" in html  # journey: total 5, psych. 2 → medium
    result = html.split('class="card result', 1)[1].split("</section>")[0]
    assert "risk" not in result.lower()
    assert "Tankar och känslor (fråga 5–9): 2 av 5." in html


def test_a_half_answered_form_resumes_where_it_was_left(client, cast):
    client.force_login(cast.patient.user)
    start(client, "odi")
    r = Response.objects.get()
    for n, value in enumerate(["3", "1", "2", "2"], start=1):
        client.post(f"/questionnaires/{r.pk}/{n}/", {"answer": value, "go": "next"})
    client.force_login(cast.patient.user)  # another visit
    home = client.get("/").content.decode()
    assert "4 av 10 besvarade" in home and "Fortsätt" in home
    response = start(client, "odi")  # "Continue" posts the same start form
    assert response["Location"] == f"/questionnaires/{r.pk}/5/"
    assert Response.objects.count() == 1
    html = client.get(f"/questionnaires/{r.pk}/2/").content.decode()
    assert 'value="1" checked' in html  # an earlier answer is shown when going back


def test_optional_odi_sections_may_be_skipped_but_not_too_many(client, cast):
    """One section may be skipped (scored over nine, Fairbank & Pynsent 2000); with two
    skipped there would be no score (SPEC C4 refinement), so the summary says so and the
    form is not sent (the baseline stays open)."""
    client.force_login(cast.patient.user)
    start(client, "odi")
    r = Response.objects.get()
    for n in range(1, 11):
        answer = "2" if n <= 8 else ""
        client.post(f"/questionnaires/{r.pk}/{n}/", {"answer": answer, "go": "next"})
    refused = client.post(f"/questionnaires/{r.pk}/summary/",
                          {"submission_key": str(uuid.uuid4())})
    assert refused.status_code == 400
    assert "För många frågor är obesvarade" in refused.content.decode()
    r.refresh_from_db()
    assert r.status == "in_progress"
    client.post(f"/questionnaires/{r.pk}/9/", {"answer": "2", "go": "next"})
    client.post(f"/questionnaires/{r.pk}/summary/", {"submission_key": str(uuid.uuid4())})
    r.refresh_from_db()
    assert r.status == "submitted" and r.total == 40  # 18 of 5 × 9 answered sections


def test_a_required_question_cannot_be_skipped(client, cast):
    client.force_login(cast.patient.user)
    start(client)
    r = Response.objects.get()
    response = client.post(f"/questionnaires/{r.pk}/1/", {"answer": "", "go": "next"})
    assert response.status_code == 400
    assert "Svara på frågan innan du går vidare." in response.content.decode()


def test_results_are_charted_over_time_with_a_table(client, cast):
    from datetime import date

    from battrerygg.proms import services
    from tests.proms.helpers import answer

    p = cast.patient
    answer(p, "nrs_back", {"pain": "6"}, day=date(2026, 3, 9))
    task = services.assign_questionnaire(p, "nrs_back", date(2026, 3, 10), actor=cast.physio)
    answer(p, "nrs_back", {"pain": "3"}, day=date(2026, 3, 10), timepoint="assigned",
           assignment=task)
    client.force_login(p.user)
    html = client.get("/questionnaires/history/nrs_back/").content.decode()
    assert '<svg class="chart fit"' in html and "<title id=\"proms-chart-title\">" in html
    assert html.count("<circle") == 2
    assert "tydlig förbättring" in html  # 6 → 3 in the table
    assert client.get("/questionnaires/history/sf36/").status_code == 404


def test_a_psfs_rating_names_the_activity(client, cast):
    from battrerygg.proms import services

    task = services.assign_questionnaire(cast.patient, "psfs", date(2026, 3, 10),
                                         actor=cast.physio)
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "psfs", "timepoint": "assigned",
                                           "assignment": str(task.pk)})
    r = Response.objects.get()
    client.post(f"/questionnaires/{r.pk}/1/", {"answer": "Sitta i bilen", "go": "next"})
    html = client.get(f"/questionnaires/{r.pk}/2/").content.decode()
    assert '<p class="named-activity"><strong>Sitta i bilen</strong></p>' in html


def test_change_from_the_summary_goes_back_to_it(client, cast):
    client.force_login(cast.patient.user)
    client.post("/questionnaires/start/", {"instrument": "nrs_back", "timepoint": "baseline"})
    r = Response.objects.get()
    client.post(f"/questionnaires/{r.pk}/1/", {"answer": "5", "go": "next"})
    summary = client.get(f"/questionnaires/{r.pk}/summary/").content.decode()
    assert f"/questionnaires/{r.pk}/1/?from=summary" in summary
    page = client.get(f"/questionnaires/{r.pk}/1/?from=summary").content.decode()
    assert 'name="go" value="summary"' in page and "Spara och gå tillbaka" in page
    back = client.post(f"/questionnaires/{r.pk}/1/", {"answer": "3", "go": "summary"})
    assert back["Location"] == f"/questionnaires/{r.pk}/summary/"
    r.refresh_from_db()
    assert r.answers == {"pain": "3"}
