"""Exports that leave the system: FHIR R4 resources (SPEC T7, P9)."""
