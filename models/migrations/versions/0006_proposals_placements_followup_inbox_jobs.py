"""proposals placements followup inbox jobs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 23:57:29.881716
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('job_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job', sa.String(length=50), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_runs')),
    sa.UniqueConstraint('job', 'period', name=op.f('uq_job_runs_job_period'))
    )
    op.create_table('alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('checkpoint_due', 'checkpoint_overdue', 'work_trial_ending', 'proposal_unanswered', 'proposal_answered', 'held_offer_waiting', 'client_parked', name='alertkind', native_enum=False, length=30), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_alerts_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts')),
    sa.UniqueConstraint('user_id', 'key', name=op.f('uq_alerts_user_id_key'))
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alerts_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_alerts_user_id'), ['user_id'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=30), nullable=True),
    sa.Column('to_status', sa.String(length=30), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_status_changes_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_changes'))
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_changes_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_status_changes_entity'), ['entity'], unique=False)
        batch_op.create_index(batch_op.f('ix_status_changes_entity_id'), ['entity_id'], unique=False)

    op.create_table('tutor_trainings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tutor_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('attended_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Double(), nullable=True),
    sa.ForeignKeyConstraint(['tutor_id'], ['tutors.id'], name=op.f('fk_tutor_trainings_tutor_id_tutors'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tutor_trainings'))
    )
    with op.batch_alter_table('tutor_trainings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tutor_trainings_tutor_id'), ['tutor_id'], unique=False)

    op.create_table('checkpoints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('offset_days', sa.Integer(), nullable=False),
    sa.Column('side', sa.Enum('employer', 'client', name='checkpointside', native_enum=False, length=10), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.Enum('in_work', 'ended', name='checkpointoutcome', native_enum=False, length=10), nullable=True),
    sa.Column('ended_reason', sa.Enum('health', 'childcare_or_care_duties', 'did_not_fit_the_team', 'workload_or_hours', 'found_other_work', 'employer_ended_it', 'transport', 'other', name='endreason', native_enum=False, length=30), nullable=True),
    sa.Column('satisfaction_client', sa.Integer(), nullable=True),
    sa.Column('satisfaction_employer', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('recorded_on', sa.Date(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_checkpoints_owner_id_users')),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], name=op.f('fk_checkpoints_placement_id_placements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_checkpoints_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkpoints')),
    sa.UniqueConstraint('placement_id', 'offset_days', 'side', name=op.f('uq_checkpoints_placement_id_offset_days_side'))
    )
    with op.batch_alter_table('checkpoints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkpoints_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkpoints_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkpoints_placement_id'), ['placement_id'], unique=False)

    op.create_table('placement_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('attendance', sa.Enum('completed', 'partly', 'did_not_show', name='attendance', native_enum=False, length=20), nullable=False),
    sa.Column('skills_observed', sa.JSON(), nullable=False),
    sa.Column('job_followed', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('reported_by_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], name=op.f('fk_placement_reports_placement_id_placements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_by_id'], ['users.id'], name=op.f('fk_placement_reports_reported_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_reports')),
    sa.UniqueConstraint('placement_id', name=op.f('uq_placement_reports_placement_id'))
    )
    op.create_table('proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('proposed_by_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('open', 'interview_planned', 'declined', 'accepted', 'withdrawn', name='proposalstatus', native_enum=False, length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('interview_on', sa.Date(), nullable=True),
    sa.Column('decline_reason', sa.Enum('profile_does_not_fit', 'position_filled', 'language_level', 'availability', 'no_show_at_interview', 'client_declined', 'other', name='declinereason', native_enum=False, length=30), nullable=True),
    sa.Column('decline_text', sa.Text(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('placement_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_proposals_answered_by_id_users')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_proposals_client_id_clients')),
    sa.ForeignKeyConstraint(['decision_id'], ['shortlist_decisions.id'], name=op.f('fk_proposals_decision_id_shortlist_decisions')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_proposals_offer_id_offers')),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], name=op.f('fk_proposals_placement_id_placements')),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], name=op.f('fk_proposals_proposed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals'))
    )
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposals_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_offer_id'), ['offer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_status'), ['status'], unique=False)

    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('end_reason', sa.Enum('health', 'childcare_or_care_duties', 'did_not_fit_the_team', 'workload_or_hours', 'found_other_work', 'employer_ended_it', 'transport', 'other', name='endreason', native_enum=False, length=30), nullable=True))
        batch_op.add_column(sa.Column('end_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('contract_type', sa.Enum('permanent', 'fixed_term', 'temporary', 'apprenticeship', 'none', name='contracttype', native_enum=False, length=20), nullable=True))
        batch_op.add_column(sa.Column('contract_hours', sa.Double(), nullable=True))

    with op.batch_alter_table('tutors', schema=None) as batch_op:
        batch_op.add_column(sa.Column('accreditation', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('accredited_on', sa.Date(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('tutors', schema=None) as batch_op:
        batch_op.drop_column('accredited_on')
        batch_op.drop_column('accreditation')

    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.drop_column('contract_hours')
        batch_op.drop_column('contract_type')
        batch_op.drop_column('end_text')
        batch_op.drop_column('end_reason')

    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposals_status'))
        batch_op.drop_index(batch_op.f('ix_proposals_offer_id'))
        batch_op.drop_index(batch_op.f('ix_proposals_client_id'))

    op.drop_table('proposals')
    op.drop_table('placement_reports')
    with op.batch_alter_table('checkpoints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkpoints_placement_id'))
        batch_op.drop_index(batch_op.f('ix_checkpoints_owner_id'))
        batch_op.drop_index(batch_op.f('ix_checkpoints_due_on'))

    op.drop_table('checkpoints')
    with op.batch_alter_table('tutor_trainings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tutor_trainings_tutor_id'))

    op.drop_table('tutor_trainings')
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_changes_entity_id'))
        batch_op.drop_index(batch_op.f('ix_status_changes_entity'))
        batch_op.drop_index(batch_op.f('ix_status_changes_at'))

    op.drop_table('status_changes')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alerts_user_id'))
        batch_op.drop_index(batch_op.f('ix_alerts_created_at'))

    op.drop_table('alerts')
    op.drop_table('job_runs')
