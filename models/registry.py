"""Imports every ORM module so that ``Base.metadata`` knows all tables (for Alembic and tests)."""

from models import (
    audit,
    client,
    company,
    geo,
    inbox,
    matching,
    offer,
    placement,
    taxonomy,
    tutor,
    user,
)
from models.base import Base

__all__ = [
    "Base",
    "audit",
    "client",
    "company",
    "geo",
    "inbox",
    "matching",
    "offer",
    "placement",
    "taxonomy",
    "tutor",
    "user",
]
metadata = Base.metadata
