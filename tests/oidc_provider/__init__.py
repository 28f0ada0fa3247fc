"""A real OpenID provider for tests: a tiny Django project on django-oauth-toolkit.

Run as a process of its own (``python -m tests.oidc_provider``, see ``__main__``); the
pytest fixture ``oidc_provider`` (``tests/oidc_provider/fixture.py``) starts it on a free
port and stops it after the session. OIDC is on with an RS256 key made at start (in a
temporary file), PKCE (S256) is required, the database is a temporary SQLite file, one
confidential client is registered at start, and test users carry the claims of the Swedish
OIDC profile (personal identity number), an HSA-id and an e-mail address. Tests add users
and redirect URIs through a small control API guarded by a token that only the fixture
knows. Test infrastructure only: never part of the product.
"""
