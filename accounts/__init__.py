"""Identity and access: users, offices, sign-in, the acting user, and the audit trail.

These are cross-cutting concerns that employers/ and clients/ both rely on, so they get a
package of their own rather than living in either domain.
"""
