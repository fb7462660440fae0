from __future__ import annotations

from fastapi import APIRouter

from accounts.schemas import TokenRequest, TokenResponse
from accounts.tokens import issue_token
from accounts.users import authenticate
from api.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenResponse)
def sign_in(body: TokenRequest, session: SessionDep, settings: SettingsDep) -> TokenResponse:
    user = authenticate(session, body.email, body.password)
    token = issue_token(user.id, settings.secret_key, settings.access_token_minutes)
    return TokenResponse(access_token=token)
