from __future__ import annotations

from fastapi import APIRouter, Request, Response

from accounts.schemas import TokenRequest, TokenResponse
from accounts.tokens import issue_token
from accounts.users import sign_out
from api.deps import CurrentActor, SessionDep, SettingsDep
from api.signin import throttled_sign_in

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenResponse)
def sign_in(
    request: Request, body: TokenRequest, session: SessionDep, settings: SettingsDep
) -> TokenResponse:
    """A bearer token for this email and password. Failed attempts are counted per account and
    per client address: past a few, each further attempt must wait longer (429 with
    `Retry-After`)."""
    user = throttled_sign_in(request, session, body.email, body.password)
    token = issue_token(
        user.id, settings.secret_key, settings.access_token_minutes, version=user.token_version
    )
    return TokenResponse(access_token=token)


@router.post("/logout", status_code=204)
def logout(actor: CurrentActor, session: SessionDep) -> Response:
    """Sign out everywhere: every bearer token and page session of this user ends."""
    sign_out(session, actor)
    return Response(status_code=204)
