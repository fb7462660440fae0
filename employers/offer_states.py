"""The offer state machine as data: which action moves an offer from which states to which.

Status never changes through a generic update; each action goes through ``transition`` in
``employers.offers``, which checks this table, records who and why, and refuses (409) otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.offer import OfferStatus as S
from models.user import STAFF_ROLES, Role


class OfferAction(StrEnum):
    submit = "submit"
    hold = "hold"
    publish = "publish"
    reject = "reject"
    request_changes = "request_changes"
    fill = "fill"
    expire = "expire"
    withdraw = "withdraw"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[S]
    target: S
    roles: frozenset[Role]
    reason_required: bool = False


STAFF = frozenset(STAFF_ROLES)
STAFF_AND_EMPLOYER = STAFF | {Role.employer}

TRANSITIONS: dict[OfferAction, Transition] = {
    OfferAction.submit: Transition(frozenset({S.draft}), S.submitted, STAFF_AND_EMPLOYER),
    OfferAction.hold: Transition(frozenset({S.submitted, S.published}), S.held, STAFF),
    OfferAction.publish: Transition(frozenset({S.submitted, S.held}), S.published, STAFF),
    OfferAction.reject: Transition(frozenset({S.submitted, S.held}), S.rejected, STAFF, True),
    OfferAction.request_changes: Transition(frozenset({S.submitted, S.held}), S.draft, STAFF, True),
    OfferAction.fill: Transition(frozenset({S.published}), S.filled, STAFF),
    OfferAction.expire: Transition(frozenset({S.published, S.held, S.submitted}), S.expired, STAFF),
    OfferAction.withdraw: Transition(
        frozenset({S.draft, S.submitted, S.held, S.published}), S.withdrawn, STAFF_AND_EMPLOYER
    ),
}

#: States in which the offer's content may still be edited, by role.
EDITABLE: dict[Role, frozenset[S]] = {
    Role.employer: frozenset({S.draft}),
    Role.liaison: frozenset({S.draft, S.submitted, S.held, S.published}),
    Role.admin: frozenset({S.draft, S.submitted, S.held, S.published}),
}
