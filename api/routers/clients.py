from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request, Response, status

from api.deps import (
    CurrentActor,
    DateFilter,
    IdFilter,
    IfMatchDep,
    NormaliserDep,
    Page,
    PageDep,
    PathId,
    SearchQuery,
    SessionDep,
    SettingsDep,
    TodayDep,
    rebuild_indexes,
    tagged,
    with_version,
)
from clients import erasure, export, profiles, records
from clients.schemas import (
    ClientCreate,
    ClientRead,
    ClientUpdate,
    ConsentEventRead,
    ConsentUpdate,
    ContactCreate,
    ContactRead,
    ErasureIn,
    ErasureRead,
    LanguageSkill,
    PersonalIn,
    PersonalRead,
    ShareCreate,
    ShareRead,
    SkillIn,
    SkillRead,
)
from models.base import utcnow
from models.client import Readiness
from taxonomy.schemas import ConceptChoice

router = APIRouter(prefix="/clients", tags=["clients"])


@router.get("", response_model=Page[ClientRead])
def list_clients(
    session: SessionDep,
    actor: CurrentActor,
    page: PageDep,
    q: SearchQuery = None,
    readiness: Readiness | None = None,
    caseworker_id: IdFilter = None,
    not_contacted_since: DateFilter = None,
) -> Page[ClientRead]:
    rows, total = profiles.list_clients(
        session,
        actor,
        q=q,
        readiness=readiness,
        caseworker_id=caseworker_id,
        not_contacted_since=not_contacted_since,
        limit=page.limit,
        offset=page.offset,
    )
    items = [ClientRead.model_validate(c) for c in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("", response_model=ClientRead, status_code=status.HTTP_201_CREATED)
def create_client(
    body: ClientCreate,
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    normaliser: NormaliserDep,
) -> ClientRead:
    client = profiles.create_client(session, actor, body, settings.default_country, normaliser)
    return ClientRead.model_validate(client)


@router.get("/{client_id}", response_model=ClientRead)
def read_client(
    client_id: PathId, session: SessionDep, actor: CurrentActor, response: Response
) -> ClientRead:
    return tagged(
        response, ClientRead.model_validate(profiles.read_client(session, actor, client_id))
    )


@router.patch("/{client_id}", response_model=ClientRead)
def update_client(
    client_id: PathId,
    body: ClientUpdate,
    session: SessionDep,
    actor: CurrentActor,
    settings: SettingsDep,
    normaliser: NormaliserDep,
    if_match: IfMatchDep,
    response: Response,
) -> ClientRead:
    body = with_version(body, if_match)
    client = profiles.update_client(
        session, actor, client_id, body, settings.default_country, normaliser
    )
    return tagged(response, ClientRead.model_validate(client))


@router.delete("/{client_id}", response_model=ErasureRead)
def erase_client(
    client_id: PathId,
    body: ErasureIn,
    session: SessionDep,
    actor: CurrentActor,
    request: Request,
    background: BackgroundTasks,
) -> ErasureRead:
    """Erase the client's personal data and words everywhere (owning caseworker or admin, with
    a reason); proposals and placements stay as anonymous facts. Once committed, the search
    indexes are rebuilt without the client's vectors."""
    report = erasure.erase_client(session, actor, client_id, body.reason, utcnow())
    background.add_task(rebuild_indexes, request.app)
    return ErasureRead(**report.as_dict())


@router.post("/{client_id}/skills", response_model=ClientRead, status_code=status.HTTP_201_CREATED)
def add_skill(
    client_id: PathId,
    body: SkillIn,
    session: SessionDep,
    actor: CurrentActor,
    normaliser: NormaliserDep,
    response: Response,
) -> ClientRead:
    """One more statement; needs no version and never conflicts with other additions."""
    client = profiles.add_skill(session, actor, client_id, body, normaliser)
    return tagged(response, ClientRead.model_validate(client))


@router.post(
    "/{client_id}/languages", response_model=ClientRead, status_code=status.HTTP_201_CREATED
)
def add_language(
    client_id: PathId,
    body: LanguageSkill,
    session: SessionDep,
    actor: CurrentActor,
    response: Response,
) -> ClientRead:
    """One more language; needs no version and never conflicts with other additions."""
    client = profiles.add_language(session, actor, client_id, body)
    return tagged(response, ClientRead.model_validate(client))


@router.put("/{client_id}/skills/{skill_id}/concepts", response_model=SkillRead)
def confirm_skill_concepts(
    client_id: PathId,
    skill_id: PathId,
    body: ConceptChoice,
    session: SessionDep,
    actor: CurrentActor,
) -> SkillRead:
    skill = profiles.confirm_skill_concepts(session, actor, client_id, skill_id, body.concept_ids)
    return SkillRead.model_validate(skill)


@router.get("/{client_id}/export")
def export_client(client_id: PathId, session: SessionDep, actor: CurrentActor) -> dict[str, Any]:
    """Everything held about the client, as JSON (GDPR articles 15 and 20): owning caseworker
    and admins; the export is audited."""
    return export.export_client(session, actor, client_id)


@router.get("/{client_id}/personal", response_model=PersonalRead)
def read_personal(client_id: PathId, session: SessionDep, actor: CurrentActor) -> PersonalRead:
    return PersonalRead.model_validate(records.read_personal(session, actor, client_id))


@router.patch("/{client_id}/personal", response_model=PersonalRead)
def write_personal(
    client_id: PathId, body: PersonalIn, session: SessionDep, actor: CurrentActor
) -> PersonalRead:
    return PersonalRead.model_validate(records.write_personal(session, actor, client_id, body))


@router.put("/{client_id}/consent", response_model=ClientRead)
def update_consent(
    client_id: PathId, body: ConsentUpdate, session: SessionDep, actor: CurrentActor
) -> ClientRead:
    records.update_consent(session, actor, client_id, body)
    return ClientRead.model_validate(profiles.read_client(session, actor, client_id))


@router.get("/{client_id}/consent", response_model=list[ConsentEventRead])
def consent_history(
    client_id: PathId, session: SessionDep, actor: CurrentActor
) -> list[ConsentEventRead]:
    rows = records.consent_history(session, actor, client_id)
    return [ConsentEventRead.model_validate(e) for e in rows]


@router.get("/{client_id}/contacts", response_model=Page[ContactRead])
def list_contacts(
    client_id: PathId, session: SessionDep, actor: CurrentActor, page: PageDep
) -> Page[ContactRead]:
    rows, total = records.list_contacts(session, actor, client_id, page.limit, page.offset)
    items = [ContactRead.model_validate(c) for c in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/{client_id}/contacts", response_model=ContactRead, status_code=201)
def add_contact(
    client_id: PathId,
    body: ContactCreate,
    session: SessionDep,
    actor: CurrentActor,
    today: TodayDep,
) -> ContactRead:
    return ContactRead.model_validate(records.add_contact(session, actor, client_id, body, today))


@router.post("/{client_id}/shares", response_model=ShareRead, status_code=201)
def share_client(
    client_id: PathId, body: ShareCreate, session: SessionDep, actor: CurrentActor
) -> ShareRead:
    return ShareRead.model_validate(records.share_client(session, actor, client_id, body))


@router.delete("/{client_id}/shares/{caseworker_id}", status_code=204)
def unshare_client(
    client_id: PathId, caseworker_id: PathId, session: SessionDep, actor: CurrentActor
) -> Response:
    records.unshare_client(session, actor, client_id, caseworker_id)
    return Response(status_code=204)
