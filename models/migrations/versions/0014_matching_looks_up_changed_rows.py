"""matching finds the offers and clients changed since it last looked through an index

Revision ID: 0014
Revises: 0012
Create Date: 2026-11-30 12:45:00
"""
from collections.abc import Sequence

from alembic import op


revision: str = '0014'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_offers_updated_at', 'offers', ['updated_at'])
    op.create_index('ix_clients_updated_at', 'clients', ['updated_at'])


def downgrade() -> None:
    op.drop_index('ix_clients_updated_at', table_name='clients')
    op.drop_index('ix_offers_updated_at', table_name='offers')
