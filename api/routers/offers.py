from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile, status

from accounts.schemas import StatusChangeRead
from api.deps import (
    CodeFilter,
    CurrentActor,
    IdFilter,
    IfMatchDep,
    NormaliserDep,
    Page,
    PageDep,
    PathId,
    ReviewDep,
    SearchQuery,
    SessionDep,
    SettingsDep,
    TodayDep,
    tagged,
    with_version,
)
from employers import jobposting, offers
from employers.offer_states import OfferAction
from employers.schemas import (
    FindingRead,
    ImportResult,
    LanguageRequirement,
    OfferCreate,
    OfferRead,
    OfferScreeningRead,
    OfferUpdate,
    RequirementIn,
    RequirementRead,
    ReviewItem,
    ScreenRequest,
    ScreenResult,
    TransitionRequest,
)
from models.errors import InvalidInput
from models.offer import OfferKind, OfferStatus
from models.user import Role
from taxonomy.schemas import (
    ESCO_ATTRIBUTION,
    ConceptChoice,
    OccupationRead,
    OccupationResult,
)

router = APIRouter(prefix="/offers", tags=["offers"])


@router.get("", response_model=Page[OfferRead])
def list_offers(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    status: OfferStatus | None = None,
    kind: OfferKind | None = None,
    company_id: IdFilter = None,
    nace_code: CodeFilter = None,
    q: SearchQuery = None,
) -> Page[OfferRead]:
    rows, total = offers.list_offers(
        session,
        actor,
        status=status,
        kind=kind,
        company_id=company_id,
        nace_code=nace_code,
        q=q,
        limit=page.limit,
        offset=page.offset,
    )
    items = [OfferRead.model_validate(o) for o in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/screen", response_model=ScreenResult)
def screen_text(body: ScreenRequest, actor: CurrentActor, review: ReviewDep) -> ScreenResult:
    """Check an ad before submitting it: nothing is stored."""
    findings = review.screener.screen(body.text)
    return ScreenResult(findings=[FindingRead(**f.as_dict()) for f in findings])


@router.get("/review-queue", response_model=Page[ReviewItem])
def review_queue(session: SessionDep, actor: CurrentActor, page: PageDep) -> Page[ReviewItem]:
    rows, total = offers.review_queue(session, actor, page.limit, page.offset)
    items = [
        ReviewItem(
            offer=OfferRead.model_validate(offer),
            findings=[FindingRead.model_validate(f) for f in findings],
        )
        for offer, findings in rows
    ]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/jobpostings", summary="Published offers as schema.org JobPosting JSON-LD")
def export_jobpostings(session: SessionDep, actor: CurrentActor, page: PageDep) -> dict[str, Any]:
    documents, total = jobposting.published_jobpostings(session, page.limit, page.offset)
    return {
        "@context": jobposting.CONTEXT,
        "@graph": documents,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
    }


def _import_context(
    actor: CurrentActor,
    settings: SettingsDep,
    normaliser: NormaliserDep,
    review: ReviewDep,
    today: TodayDep,
) -> jobposting.ImportContext:
    """Who may import is checked here, before an uploaded file is read."""
    actor.require(Role.admin, Role.liaison)
    return jobposting.ImportContext(
        default_country=settings.default_country,
        normaliser=normaliser,
        review=review,
        today=today,
        match_threshold=settings.import_company_match,
        field_names=jobposting.JOBPOSTING_FIELDS,
    )


ImportContextDep = Annotated[jobposting.ImportContext, Depends(_import_context)]


@router.post("/import", response_model=ImportResult)
def import_jobpostings(
    body: dict[str, Any] | list[dict[str, Any]],
    session: SessionDep,
    actor: CurrentActor,
    context: ImportContextDep,
) -> ImportResult:
    """Load JobPosting JSON-LD (one, a list, or an ``@graph``; any schema.org context, compacted
    or expanded). An ad seen before (``identifier``, else ``url``) updates its offer or is
    reported unchanged; an unknown employer becomes a prospect; refused rows name the field."""
    actor.require(Role.admin, Role.liaison)
    report = jobposting.import_offers(session, actor, jobposting.jobposting_rows(body), context)
    return ImportResult.model_validate(report, from_attributes=True)


@router.post(
    "/import-file",
    response_model=ImportResult,
    responses={200: {"content": {"text/csv": {}}}},
    summary="Import a JobPosting JSON-LD file, a CSV or an XLSX workbook",
)
def import_file(
    file: Annotated[UploadFile, File(description="JSON-LD, CSV (comma or semicolon) or XLSX")],
    session: SessionDep,
    actor: CurrentActor,
    context: ImportContextDep,
    report_format: Annotated[
        Literal["json", "csv"], Query(alias="report", description="csv: the per-row report")
    ] = "json",
) -> Any:
    actor.require(Role.admin, Role.liaison)
    try:
        rows, names = jobposting.rows_from_file(file.file.read(), file.filename or "")
    except jobposting.RowRefused as exc:
        raise InvalidInput(exc.field, str(exc)) from exc
    report = jobposting.import_offers(session, actor, rows, replace(context, field_names=names))
    if report_format == "csv":
        return Response(
            report.as_csv(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="import-report.csv"'},
        )
    return ImportResult.model_validate(report, from_attributes=True)


@router.post("", response_model=OfferRead, status_code=status.HTTP_201_CREATED)
def create_offer(
    body: OfferCreate,
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    normaliser: NormaliserDep,
    today: TodayDep,
) -> OfferRead:
    return OfferRead.model_validate(
        offers.create_offer(session, actor, body, settings.default_country, today, normaliser)
    )


@router.get("/{offer_id}", response_model=OfferRead)
def read_offer(
    offer_id: PathId, session: SessionDep, actor: CurrentActor, response: Response
) -> OfferRead:
    return tagged(response, OfferRead.model_validate(offers.offer_for(session, actor, offer_id)))


@router.patch("/{offer_id}", response_model=OfferRead)
def update_offer(
    offer_id: PathId,
    body: OfferUpdate,
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    normaliser: NormaliserDep,
    review: ReviewDep,
    today: TodayDep,
    if_match: IfMatchDep,
    response: Response,
) -> OfferRead:
    body = with_version(body, if_match)
    offer = offers.update_offer(
        session, actor, offer_id, body, settings.default_country, today, review, normaliser
    )
    return tagged(response, OfferRead.model_validate(offer))


@router.get("/{offer_id}/jobposting", summary="One offer as schema.org JobPosting JSON-LD")
def offer_jobposting(offer_id: PathId, session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    return jobposting.jobposting_of(session, offers.offer_for(session, actor, offer_id))


@router.get("/{offer_id}/screenings", response_model=list[OfferScreeningRead])
def list_screenings(
    offer_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[OfferScreeningRead]:
    rows = offers.screenings_of(session, actor, offer_id)
    return [OfferScreeningRead.model_validate(r) for r in rows]


@router.post(
    "/{offer_id}/requirements", response_model=OfferRead, status_code=status.HTTP_201_CREATED
)
def add_requirement(
    offer_id: PathId,
    body: RequirementIn,
    session: SessionDep,
    actor: CurrentActor,
    normaliser: NormaliserDep,
    review: ReviewDep,
    response: Response,
) -> OfferRead:
    """One more requirement line (screened like any edit); needs no version and never
    conflicts with other additions."""
    offer = offers.add_requirement(session, actor, offer_id, body, review, normaliser)
    return tagged(response, OfferRead.model_validate(offer))


@router.post("/{offer_id}/languages", response_model=OfferRead, status_code=status.HTTP_201_CREATED)
def add_offer_language(
    offer_id: PathId,
    body: LanguageRequirement,
    session: SessionDep,
    actor: CurrentActor,
    review: ReviewDep,
    response: Response,
) -> OfferRead:
    """One more language the offer asks for; needs no version."""
    offer = offers.add_offer_language(session, actor, offer_id, body, review)
    return tagged(response, OfferRead.model_validate(offer))


@router.put("/{offer_id}/requirements/{requirement_id}/concepts", response_model=RequirementRead)
def confirm_requirement_concepts(
    offer_id: PathId,
    requirement_id: PathId,
    body: ConceptChoice,
    session: SessionDep,
    actor: CurrentActor,
) -> RequirementRead:
    requirement = offers.confirm_requirement_concepts(
        session, actor, offer_id, requirement_id, body.concept_ids
    )
    return RequirementRead.model_validate(requirement)


@router.get("/{offer_id}/occupations", response_model=OccupationResult)
def propose_occupations(
    offer_id: PathId, session: SessionDep, actor: CurrentActor, normaliser: NormaliserDep
) -> OccupationResult:
    found = offers.occupations_for_offer(session, actor, offer_id, normaliser)
    return OccupationResult(
        proposals=[OccupationRead.model_validate(p) for p in found],
        attribution=ESCO_ATTRIBUTION if found else None,
    )


@router.get("/{offer_id}/transitions", response_model=list[StatusChangeRead])
def list_transitions(
    offer_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[StatusChangeRead]:
    rows = offers.transitions_of(session, actor, offer_id)
    return [StatusChangeRead.model_validate(t) for t in rows]


def _action_endpoint(action: OfferAction) -> None:
    def act(
        offer_id: PathId,
        session: SessionDep,
        actor: CurrentActor,
        review: ReviewDep,
        today: TodayDep,
        body: TransitionRequest | None = None,
    ) -> OfferRead:
        reason = body.reason if body else None
        offer = offers.transition(session, actor, offer_id, action, reason, review, today)
        return OfferRead.model_validate(offer)

    act.__name__ = f"{action.value}_offer"
    router.add_api_route(
        f"/{{offer_id}}/{action.value.replace('_', '-')}",
        act,
        methods=["POST"],
        response_model=OfferRead,
        summary=f"{action.value.replace('_', ' ').capitalize()} an offer",
    )


for _action in (
    OfferAction.submit,
    OfferAction.publish,
    OfferAction.withdraw,
    OfferAction.hold,
    OfferAction.reject,
    OfferAction.request_changes,
):
    _action_endpoint(_action)
