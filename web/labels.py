"""Words for the values stored as codes (readiness, stages, channels...), through gettext."""

from __future__ import annotations

from collections.abc import Callable

from employers.screening import GROUND_WORDS


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated when shown."""
    return message


LABELS = {
    "orientation": N_("Orientation"),
    "preparing": N_("Preparing"),
    "job_ready": N_("Job ready"),
    "in_work": N_("In work"),
    "formal": N_("Formal"),
    "informal": N_("Informal"),
    "self_identified": N_("Self-identified"),
    "recognised": N_("Recognised"),
    "developed": N_("Developed"),
    "in_person": N_("In person"),
    "phone": N_("Phone"),
    "email": N_("Email"),
    "video": N_("Video"),
    "letter": N_("Letter"),
    "liaison": N_("Liaison officer"),
    "employers": N_("Employers"),
    "caseworker": N_("Caseworker"),
    "employer": N_("Employer"),
    "admin": N_("Administrator"),
    "open": N_("Open"),
    "interview_planned": N_("Interview planned"),
    "declined": N_("Declined"),
    "accepted": N_("Accepted"),
    "withdrawn": N_("Withdrawn"),
    "planned": N_("Planned"),
    "started": N_("Started"),
    "completed": N_("Completed"),
    "hired": N_("Hired"),
    "ended_early": N_("Ended early"),
    "cancelled": N_("Cancelled"),
    "ended": N_("Ended"),
    "proposed": N_("Proposed"),
    "rejected": N_("Rejected"),
    "contacted": N_("Contacted"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "pending": N_("Pending"),
    "exact": N_("same words"),
    "alternative": N_("another name for it"),
    "fuzzy": N_("close spelling"),
    "informal_experience": N_("informal experience"),
    "confirmed": N_("confirmed"),
    "semantic": N_("similar meaning"),
    "vacancy": N_("Vacancy"),
    "traineeship": N_("Traineeship"),
    "work_trial": N_("Work trial"),
    "apprenticeship": N_("Apprenticeship"),
    "volunteering": N_("Volunteering"),
    "health": N_("Health"),
    "childcare_or_care_duties": N_("Childcare or care duties"),
    "did_not_fit_the_team": N_("Did not fit the team"),
    "workload_or_hours": N_("Workload or hours"),
    "found_other_work": N_("Found other work"),
    "employer_ended_it": N_("The employer ended it"),
    "transport": N_("Transport"),
    "other": N_("Other"),
    "debt": N_("Debt"),
    "housing": N_("Housing"),
    "childcare": N_("Childcare"),
    "care_duties": N_("Care duties"),
    "addiction": N_("Addiction"),
    "legal": N_("Legal matters"),
    "checkpoint_due": N_("Checkpoint due"),
    "checkpoint_overdue": N_("Checkpoint overdue"),
    "work_trial_ending": N_("Work trial ending"),
    "proposal_unanswered": N_("Proposal unanswered"),
    "proposal_answered": N_("Proposal answered"),
    "held_offer_waiting": N_("Held offer waiting"),
    "client_parked": N_("Client parked"),
    # The grounds of screening findings ("age", "religion or belief").
    **{ground.value: words for ground, words in GROUND_WORDS.items()},
    "not_requested": N_("Not requested"),
    "partial": N_("Partly recognised"),
    "refused": N_("Refused"),
    "created": N_("Created"),
    "updated": N_("Updated"),
    "unchanged": N_("Unchanged"),
    "no_heavy_lifting": N_("No heavy lifting"),
    "no_long_standing": N_("No long standing"),
    "no_night_work": N_("No night work"),
    "no_driving": N_("No driving"),
    "day": N_("Day"),
    "evening": N_("Evening"),
    "night": N_("Night"),
    "weekend": N_("Weekend"),
    # Offers: states, contracts, pay, insurers; proposals: decline reasons.
    "draft": N_("Draft"),
    "submitted": N_("Submitted"),
    "held": N_("Held for review"),
    "published": N_("Published"),
    "filled": N_("Filled"),
    "expired": N_("Expired"),
    "permanent": N_("Permanent"),
    "fixed_term": N_("Fixed term"),
    "temporary": N_("Temporary"),
    "none": N_("No contract"),
    "hour": N_("Hour"),
    "month": N_("Month"),
    "year": N_("Year"),
    "public_service": N_("Public employment service"),
    "profile_does_not_fit": N_("The profile does not fit"),
    "position_filled": N_("The position is filled"),
    "language_level": N_("Language level"),
    "availability": N_("Availability"),
    "no_show_at_interview": N_("Did not come to the interview"),
    "client_declined": N_("The candidate declined"),
}

#: The ISCED 2011 levels as the pages name them (the reference data's names, for translation).
ISCED = {
    0: N_("Early childhood education"),
    1: N_("Primary education"),
    2: N_("Lower secondary education"),
    3: N_("Upper secondary education"),
    4: N_("Post-secondary non-tertiary education"),
    5: N_("Short-cycle tertiary education"),
    6: N_("Bachelor's or equivalent level"),
    7: N_("Master's or equivalent level"),
    8: N_("Doctoral or equivalent level"),
}


def labeller(gettext: Callable[[str], str]) -> Callable[[object], str]:
    def label(value: object) -> str:
        key = str(getattr(value, "value", value))
        return gettext(LABELS.get(key, key.replace("_", " ")))

    return label
