"""Argon2 with the cheapest parameters, for tests only: the product's hasher, so a stored
password still starts with "argon2", without 100 MB and two passes per test user."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 64  # KiB
    parallelism = 1
