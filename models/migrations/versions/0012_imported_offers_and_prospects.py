"""imported offers keep their source key; prospects from job ads may lack sector and size

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 12:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('website', sa.String(length=300), nullable=True))
        batch_op.alter_column('nace_code', existing_type=sa.String(length=2), nullable=True)
        batch_op.alter_column('size_class', existing_type=sa.String(length=20), nullable=True)
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_key', sa.String(length=300), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_offers_source_key'), ['source_key'])


def downgrade() -> None:
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_offers_source_key'), type_='unique')
        batch_op.drop_column('source_key')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.alter_column('size_class', existing_type=sa.String(length=20), nullable=False)
        batch_op.alter_column('nace_code', existing_type=sa.String(length=2), nullable=False)
        batch_op.drop_column('website')
