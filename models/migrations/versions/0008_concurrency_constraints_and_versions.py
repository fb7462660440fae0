"""concurrency: one pending proposal and one place-holding placement per client and offer;
a version on offers, clients, companies, tutors and placements; index versions

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 11:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING_SQL = "status IN ('open', 'interview_planned')"
HOLDING_PLACE_SQL = "status IN ('planned', 'started', 'completed', 'hired')"
VERSIONED = ('offers', 'clients', 'companies', 'tutors', 'placements')


def upgrade() -> None:
    op.create_table('index_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model', sa.String(length=300), nullable=False),
    sa.Column('offers', sa.Integer(), nullable=False),
    sa.Column('clients', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_index_versions'))
    )
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column('version', sa.Integer(), server_default='1', nullable=False)
            )
    op.create_index(
        'uq_proposals_pending_client_offer', 'proposals', ['client_id', 'offer_id'],
        unique=True, sqlite_where=sa.text(PENDING_SQL), postgresql_where=sa.text(PENDING_SQL),
    )
    op.create_index(
        'uq_placements_holding_client_offer', 'placements', ['client_id', 'offer_id'],
        unique=True, sqlite_where=sa.text(HOLDING_PLACE_SQL),
        postgresql_where=sa.text(HOLDING_PLACE_SQL),
    )


def downgrade() -> None:
    op.drop_table('index_versions')
    op.drop_index('uq_placements_holding_client_offer', table_name='placements')
    op.drop_index('uq_proposals_pending_client_offer', table_name='proposals')
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
