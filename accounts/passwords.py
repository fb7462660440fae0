"""Password hashing with argon2, and the password policy.

The policy refuses a password that is on a deny list (``data/denied_passwords.txt``, the
names of this system and the favourites of our languages, plus zxcvbn's list of 30,000 leaked
passwords) or that zxcvbn, a strength estimator that knows dictionaries, names, keyboard
patterns, dates and l33t substitutions, rates below ``MIN_STRENGTH`` (0-4): about 10^8
guesses. A few unrelated words ("correct horse battery") pass; "P@ssw0rd!" does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200
#: zxcvbn's score: 3 is "safely unguessable: moderate protection from offline slow-hash
#: scenario" (10^8 to 10^10 guesses).
MIN_STRENGTH = 3
DENY_LIST = Path(__file__).parent / "data" / "denied_passwords.txt"

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def denied_passwords() -> frozenset[str]:
    lines = DENY_LIST.read_text(encoding="utf-8").splitlines()
    own = {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(own | set(FREQUENCY_LISTS["passwords"]))


def password_problem(password: str, user_inputs: Sequence[str] = ()) -> str | None:
    """Why this password is refused, or None when it is acceptable. ``user_inputs`` (the
    email, the name) make a password built from them weak."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"choose at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"choose at most {MAX_PASSWORD_LENGTH} characters"
    if password.strip().lower() in denied_passwords():
        return "this is one of the most common passwords: choose another"
    words = [w for text in user_inputs for w in text.lower().replace("@", " ").split()]
    # zxcvbn's time grows with length; what lies past 100 characters adds nothing it can judge.
    estimate = zxcvbn(password[:100], user_inputs=[*user_inputs, *words])
    if estimate["score"] < MIN_STRENGTH:
        hint = estimate["feedback"].get("warning") or "it is too easy to guess"
        return (
            f"this password is too easy to guess ({hint.rstrip('.').lower()}): "
            "a few unrelated words, or a longer mix, are stronger"
        )
    return None
