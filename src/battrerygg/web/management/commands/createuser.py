"""Create a patient, physiotherapist or clinic-admin account."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError, transaction
from django.utils import timezone

from battrerygg.accounts.models import Clinic, Role, StaffMembership, User
from battrerygg.patients.services import register_patient


class Command(BaseCommand):
    help = "Create a user account. The password is asked for unless --password-stdin is used."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", choices=Role.values, default=Role.PATIENT)
        parser.add_argument("--name", default="")
        parser.add_argument("--clinic", help="clinic name (created if missing)")
        parser.add_argument(
            "--personnummer", action="store_true",
            help="patients: ask for the personnummer or samordningsnummer (never an argument, "
                 "so it stays out of shell history and process lists)",
        )
        parser.add_argument("--language", choices=["sv", "en"], default="sv")
        parser.add_argument(
            "--password-stdin", action="store_true",
            help="read the password (then, with --personnummer, the number) from stdin lines",
        )

    def handle(self, *args: Any, **o: Any) -> None:
        if o["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
        pnr = None
        if o["personnummer"]:
            pnr = (sys.stdin.readline() if o["password_stdin"]
                   else getpass.getpass("Personnummer: ")).strip()
        if not password:
            raise CommandError("a password is required")
        from django.contrib.auth.password_validation import validate_password

        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        clinic = Clinic.objects.get_or_create(name=o["clinic"])[0] if o["clinic"] else None
        try:
            with transaction.atomic():
                if o["role"] == Role.PATIENT:
                    register_patient(
                        email=o["email"], password=password, full_name=o["name"],
                        personnummer=pnr, clinic=clinic, language=o["language"],
                        episode_start=timezone.localdate(),
                    )
                else:
                    user = User.objects.create_user(
                        email=o["email"], password=password, full_name=o["name"],
                        role=o["role"], language=o["language"],
                        is_staff=o["role"] == Role.SYSTEM_ADMIN,
                        is_superuser=o["role"] == Role.SYSTEM_ADMIN,
                    )
                    if clinic:
                        StaffMembership.objects.create(user=user, clinic=clinic)
        except IntegrityError:
            raise CommandError("a user with that e-mail or personnummer exists already") from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"created {o['role']} {o['email']}"))
