"""Red-flag form data as a browser sends it: every sign answered."""

from __future__ import annotations

import uuid

from battrerygg.clinical.red_flags import Sign


def red_flag_form(*yes: str, key: str | None = None) -> dict[str, str]:
    data = {sign.value: "yes" if sign.value in yes else "no" for sign in Sign}
    data["submission_key"] = key or str(uuid.uuid4())
    return data
