"""Explanations in words, chosen when someone reads them, in the reader's language.

Every sentence goes through a gettext ``_`` taken from the translations the caller passes (a
Babel ``Translations``, a subclass of ``gettext.NullTranslations``: the pages pass the
reader's, ``web/locale/<code>``); by default the words are English, the same sentences readers
saw when the paragraph was stored. Messages are literal arguments of ``_()`` (or marked
``N_()`` where kept in a table) so they can be extracted. Numbers and dates in the
sentences are written as the reader's language writes them (``Words``).

What the reader may see is decided by the caller (``shortlists.service``): the renderer only
leaves out the client's words when told to.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from babel.dates import format_date
from babel.numbers import format_decimal

from matching.facts import ConstraintFact, RequirementFact, ScoreParts
from models.reference import CEFR_LEVELS
from shortlists.explanations import LegacyExplanation, StoredExplanation
from shortlists.schemas import ConstraintRead, ExplanationRead, RequirementRead
from taxonomy.schemas import ESCO_ATTRIBUTION

Gettext = Callable[[str], str]

#: English, the words the messages are written in.
ENGLISH: Final = gettext.NullTranslations()


def N_(message: str) -> str:
    """Marks a message for extraction where it is translated later, by ``_(...)``."""
    return message


HOW_WORDS = {
    "same_concept": N_("same skill"),
    "informal_experience": N_("evidenced by informal experience"),
    "related_concept": N_("related skill"),
    "semantic": N_("similar words"),
}

PART_WORDS = {
    "essential": N_("essential"),
    "optional": N_("optional"),
    "summary": N_("summary"),
    "aspiration": N_("aspiration"),
}


#: The constraints' names as the explanation shows them. English keeps the names the
#: explanations have always shown (they are words already); other languages translate them.
CONSTRAINT_WORDS = {
    "offer_status": N_("offer_status"),
    "tutor_capacity": N_("tutor_capacity"),
    "consent": N_("consent"),
    "distance": N_("distance"),
    "hours": N_("hours"),
    "schedule": N_("schedule"),
    "languages": N_("languages"),
    "education": N_("education"),
    "physical": N_("physical"),
    "driving_licence": N_("driving_licence"),
    "right_to_work": N_("right_to_work"),
}


def constraint_name(name: str, _: Gettext) -> str:
    """A constraint's name in the reader's words (an unknown one as it is)."""
    return _(CONSTRAINT_WORDS[name]) if name in CONSTRAINT_WORDS else name


@dataclass(frozen=True)
class Words:
    """One reader's gettext (called as ``_``), with numbers and dates as their language
    writes them. Without a language (English, the source) they read as they always have:
    ``12.4``, ``0.82``, ``2026-11-26``."""

    translations: gettext.NullTranslations
    locale: str | None = None

    @classmethod
    def of(cls, translations: gettext.NullTranslations) -> Words:
        """The catalogue's own ``Language`` header names the locale."""
        language = translations.info().get("language") or None
        return cls(translations, language)

    def __call__(self, message: str) -> str:
        return self.translations.gettext(message)

    def number(self, value: float) -> str:
        """12.0 -> '12', 12.44 -> '12.4': kilometres and hours as the constraints show them."""
        if self.locale is None:
            return f"{value:.1f}".rstrip("0").rstrip(".")
        return format_decimal(round(value, 1), "#,##0.#", locale=self.locale)

    def fixed(self, value: float, digits: int) -> str:
        """A score, a similarity or a credit, with its digits ('0.82', '0,82')."""
        if self.locale is None:
            return f"{value:.{digits}f}"
        return format_decimal(value, "0." + "0" * digits, locale=self.locale)

    def weight(self, value: float) -> str:
        return str(value) if self.locale is None else format_decimal(value, locale=self.locale)

    def date(self, iso: str) -> str:
        if self.locale is None:
            return iso
        return format_date(date.fromisoformat(iso), "medium", locale=self.locale)


# --- requirements ----------------------------------------------------------------------------


def _how(requirement: RequirementFact, show_client_words: bool, _: Words) -> str:
    assert requirement.how is not None
    how = _(HOW_WORDS[requirement.how])
    if requirement.how == "semantic" and requirement.similarity is not None:
        return _("{how}, similarity {similarity}").format(
            how=how, similarity=_.fixed(requirement.similarity, 2)
        )
    if requirement.concept is None:
        return how
    if (
        requirement.how == "related_concept"
        and requirement.client_concept is not None
        and show_client_words
    ):
        return _("{how}: {concept} via {client_concept}").format(
            how=how,
            concept=requirement.concept.label,
            client_concept=requirement.client_concept.label,
        )
    return _("{how}: {concept}").format(how=how, concept=requirement.concept.label)


def requirement_line(requirement: RequirementFact, show_client_words: bool, _: Words) -> str:
    """One requirement in words: how it was met and for how much, or that it was not."""
    if not requirement.met or requirement.how is None:
        if requirement.essential:
            return _("'{requirement}' (essential)").format(requirement=requirement.text)
        return _("'{requirement}' (optional)").format(requirement=requirement.text)
    how = _how(requirement, show_client_words, _)
    credit = _.fixed(requirement.credit, 2)
    if show_client_words:
        return _("'{requirement}' by '{client_words}' ({how}, credit {credit})").format(
            requirement=requirement.text,
            client_words=requirement.client_words,
            how=how,
            credit=credit,
        )
    return _("'{requirement}' by skill #{skill_id} ({how}, credit {credit})").format(
        requirement=requirement.text, skill_id=requirement.skill_id, how=how, credit=credit
    )


def _requirement(
    requirement: RequirementFact, show_client_words: bool, _: Words
) -> RequirementRead:
    data = requirement.model_dump(exclude={"client_words", "client_concept"})
    if show_client_words:
        data.update(
            client_words=requirement.client_words, client_concept=requirement.client_concept
        )
    return RequirementRead(
        **data, met=requirement.met, line=requirement_line(requirement, show_client_words, _)
    )


# --- constraints -----------------------------------------------------------------------------


def _offer_status(values: dict[str, Any], passed: bool, checked_on: date, _: Words) -> str:
    status, places, expiry = values["status"], values["places_left"], values.get("expiry_date")
    if passed:
        if expiry:
            return _("published, {places} place(s) left, open until {date}").format(
                places=places, date=_.date(expiry)
            )
        return _("published, {places} place(s) left").format(places=places)
    if status != "published":
        return _("the offer is {status}, not published").format(status=status)
    if expiry and date.fromisoformat(expiry) < checked_on:
        return _("the offer expired on {date}").format(date=_.date(expiry))
    return _("no places left")


def _tutor(values: dict[str, Any], passed: bool, _: Gettext) -> str:
    mentees, capacity = values.get("mentees") or 0, values.get("capacity")
    # Failing with room to spare: the offer names no tutor (the capacity read is another's).
    if capacity is None or (not passed and mentees < capacity):
        return _("no company-side tutor is named")
    if passed:
        return _("the tutor accompanies {mentees} of {capacity} newcomer(s)").format(
            mentees=mentees, capacity=capacity
        )
    return _("the tutor accompanies {mentees} of {capacity} newcomer(s): full").format(
        mentees=mentees, capacity=capacity
    )


def _distance(fact: ConstraintFact, _: Words) -> str:
    values = fact.values
    if values.get("remote"):
        return _("remote work")
    if "km" not in values:
        return _("the workplace has no known location")
    km, allowed = _.number(values["km"]), _.number(values["allowed_km"])
    # A request's own maximum distance below the relaxed limit replaces it: no relaxation then.
    if fact.relaxation and values["allowed_km"] == values["client_max_km"] + fact.relaxation:
        return _("{km} km of {allowed} km allowed (relaxed by {relaxation} km)").format(
            km=km, allowed=allowed, relaxation=_.number(fact.relaxation)
        )
    return _("{km} km of {allowed} km allowed").format(km=km, allowed=allowed)


def _hours(fact: ConstraintFact, _: Words) -> str:
    offer, client = _.number(fact.values["offer_hours"]), _.number(fact.values["client_hours"])
    if fact.relaxation:
        return _("{offer} h/week of {client} h available (relaxed by {relaxation} h)").format(
            offer=offer, client=client, relaxation=_.number(fact.relaxation)
        )
    return _("{offer} h/week of {client} h available").format(offer=offer, client=client)


def _schedule(values: dict[str, Any], passed: bool, _: Gettext) -> str:
    offer = sorted(values.get("offer", ()))
    if not passed:
        clash = sorted(set(offer) & set(values.get("unavailable", ())))
        return _("not available for {schedules} work").format(schedules=", ".join(clash))
    return _("available for the offer's times ({schedules})").format(
        schedules=", ".join(offer) or _("any")
    )


def _languages(fact: ConstraintFact, _: Gettext) -> str:
    client: dict[str, str] = fact.values.get("client", {})
    parts = []
    for language, level in fact.values.get("required", ()):
        have = client.get(language)
        if have is None:
            parts.append(
                _("{language} {level} needed, not spoken").format(language=language, level=level)
            )
            continue
        gap = CEFR_LEVELS.index(level) - CEFR_LEVELS.index(have)
        message = (
            _("{language} {have} of {level} needed (relaxed)")
            if 0 < gap <= fact.relaxation
            else _("{language} {have} of {level} needed")
        )
        parts.append(message.format(language=language, have=have, level=level))
    return "; ".join(parts) or _("no language required")


def _education(fact: ConstraintFact, _: Gettext) -> str:
    minimum, client = fact.values.get("min_isced"), fact.values.get("client_isced")
    if minimum is None:
        return _("no minimum education")
    if client is None:
        return _("ISCED {minimum} needed; the client's level is not recorded").format(
            minimum=minimum
        )
    if 0 < minimum - client <= fact.relaxation:
        return _("ISCED {client} of {minimum} needed (relaxed)").format(
            client=client, minimum=minimum
        )
    return _("ISCED {client} of {minimum} needed").format(client=client, minimum=minimum)


def _physical(values: dict[str, Any], passed: bool, _: Gettext) -> str:
    if passed:
        return _("no demand against the client's functional limits")
    clashes = sorted(
        _("{limit} vs {demand}").format(limit=limit, demand=demand)
        for limit, demand in values.get("clashes", ())
    )
    return "; ".join(clashes)


def _licence(values: dict[str, Any], passed: bool, _: Gettext) -> str:
    if passed:
        return _("licence {needed} held").format(needed=values["needed"])
    return _("licence {needed} needed; held: {held}").format(
        needed=values["needed"], held=", ".join(values.get("held", ())) or _("none")
    )


def constraint_detail(fact: ConstraintFact, checked_on: date, _: Words) -> str:
    """A constraint and its values in words."""
    values, passed = fact.values, fact.passed
    match fact.name:
        case "offer_status":
            return _offer_status(values, passed, checked_on, _)
        case "tutor_capacity":
            return _tutor(values, passed, _)
        case "consent":
            if passed:
                return _("consented to share the profile with liaison officers")
            return _("has not consented to share the profile with liaison officers")
        case "distance":
            return _distance(fact, _)
        case "hours":
            return _hours(fact, _)
        case "schedule":
            return _schedule(values, passed, _)
        case "languages":
            return _languages(fact, _)
        case "education":
            return _education(fact, _)
        case "physical":
            return _physical(values, passed, _)
        case "driving_licence":
            return _licence(values, passed, _)
        case "right_to_work":
            if passed:
                return _("right to work")
            return _("right to work is '{status}'").format(status=values.get("right_to_work"))
    return _("holds") if passed else _("fails")


def flag_words(fact: ConstraintFact, _: Gettext) -> str | None:
    if not fact.flagged:
        return None
    if fact.name == "education":
        return _(
            "the offer asks to flag over-qualification: the client's education is well above it"
        )
    return _("{constraint} asks for a second look").format(constraint=constraint_name(fact.name, _))


def reason(constraint: ConstraintRead, _: Gettext) -> str:
    """Why a constraint keeps a pair off a list: its name and its detail."""
    return _("{name}: {detail}").format(
        name=constraint_name(constraint.name, _), detail=constraint.detail
    )


# --- the whole explanation -------------------------------------------------------------------


def paragraph(
    score: float,
    parts: ScoreParts,
    requirements: Sequence[RequirementRead],
    constraints: Sequence[ConstraintRead],
    flags: Sequence[str],
    _: Words,
) -> str:
    """The explanation as one paragraph: the score from its parts, the requirements met and
    not, the constraints failed and held, and what to look at twice."""
    terms = " + ".join(
        _("{weight} x {part} {value}").format(
            weight=_.weight(part.weight), part=_(PART_WORDS[name]), value=_.fixed(part.value, 4)
        )
        for name, part in parts.named().items()
    )
    essential = [r for r in requirements if r.essential]
    sentences = [
        _("Score {score} = {terms}.").format(score=_.fixed(score, 4), terms=terms),
        _("{met} of {total} essential requirement(s) met.").format(
            met=sum(1 for r in essential if r.met), total=len(essential)
        ),
    ]
    met = [r.line for r in requirements if r.met]
    if met:
        sentences.append(_("Met: {requirements}.").format(requirements="; ".join(met)))
    missing = [r.line for r in requirements if not r.met]
    if missing:
        sentences.append(_("Not met: {requirements}.").format(requirements="; ".join(missing)))
    failed = [reason(c, _) for c in constraints if not c.passed]
    if failed:
        sentences.append(_("Fails: {constraints}.").format(constraints="; ".join(failed)))
    held = [reason(c, _) for c in constraints if c.passed]
    if held:
        sentences.append(_("Holds: {constraints}.").format(constraints="; ".join(held)))
    if flags:
        sentences.append(_("Note: {flags}.").format(flags="; ".join(flags)))
    return " ".join(sentences)


def _constraints(stored: StoredExplanation, _: Words) -> list[ConstraintRead]:
    if isinstance(stored, LegacyExplanation):
        return [ConstraintRead(**c.model_dump()) for c in stored.constraints]
    return [
        ConstraintRead(
            name=c.name,
            passed=c.passed,
            detail=constraint_detail(c, stored.checked_on, _),
            values=c.values,
            relaxed=c.relaxed,
            relaxation=c.relaxation or None,
            flag=flag_words(c, _),
        )
        for c in stored.constraints
    ]


def render_explanation(
    stored: StoredExplanation,
    *,
    show_client_words: bool,
    translations: gettext.NullTranslations = ENGLISH,
) -> ExplanationRead:
    """A stored explanation in the reader's words. Version 1 rows keep their constraint
    details and flags as stored, in English; the rest is put in words again."""
    _ = Words.of(translations)
    requirements = [_requirement(r, show_client_words, _) for r in stored.requirements]
    constraints = _constraints(stored, _)
    if isinstance(stored, LegacyExplanation):
        flags = list(stored.flags)
    else:
        flags = [c.flag for c in constraints if c.flag]
    if stored.score is not None and stored.parts is not None:
        text = paragraph(stored.score, stored.parts, requirements, constraints, flags, _)
    else:
        text = stored.text if show_client_words else ""
    shown = [
        concept
        for r in requirements
        for concept in (r.concept, r.client_concept)
        if concept is not None
    ]
    return ExplanationRead(
        version=stored.version,
        score=stored.score,
        parts={} if stored.parts is None else stored.parts.named(),
        requirements=requirements,
        missing=[r.text for r in requirements if not r.met],
        constraints=constraints,
        relaxed=[c.name for c in constraints if c.relaxed and c.passed],
        flags=flags,
        text=text,
        attribution=_(ESCO_ATTRIBUTION) if any(c.esco_uri for c in shown) else None,
        checked_on=None if isinstance(stored, LegacyExplanation) else stored.checked_on,
        client_words_withheld=not show_client_words,
    )
