"""one status history: offer transitions move into status_changes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 10:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "INSERT INTO status_changes (entity, entity_id, from_status, to_status, actor_id, reason, at) "
        "SELECT 'offer', offer_id, from_status, to_status, actor_id, reason, at "
        "FROM offer_transitions ORDER BY at, id"
    )
    with op.batch_alter_table('offer_transitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_transitions_offer_id'))
    op.drop_table('offer_transitions')


def downgrade() -> None:
    op.create_table('offer_transitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.Enum('draft', 'submitted', 'held', 'published', 'rejected', 'filled', 'expired', 'withdrawn', name='offerstatus', native_enum=False, length=20), nullable=False),
    sa.Column('to_status', sa.Enum('draft', 'submitted', 'held', 'published', 'rejected', 'filled', 'expired', 'withdrawn', name='offerstatus', native_enum=False, length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_offer_transitions_actor_id_users')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_offer_transitions_offer_id_offers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_transitions'))
    )
    with op.batch_alter_table('offer_transitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_transitions_offer_id'), ['offer_id'], unique=False)
    op.execute(
        "INSERT INTO offer_transitions (offer_id, from_status, to_status, actor_id, reason, at) "
        "SELECT entity_id, from_status, to_status, actor_id, reason, at FROM status_changes "
        "WHERE entity = 'offer' AND from_status IS NOT NULL "
        "AND entity_id IN (SELECT id FROM offers) ORDER BY id"
    )
    op.execute("DELETE FROM status_changes WHERE entity = 'offer'")
