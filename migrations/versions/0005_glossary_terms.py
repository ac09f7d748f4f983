"""glossary terms keep their origin (shipped file), match mode, extra columns and the
file's version; every change of a term is kept (glossary_changes)

Revision ID: 0005_glossary_terms
Revises: 0004_jobs
Create Date: 2026-12-05

The shipped glossaries themselves are loaded by the service when it opens the
database (:meth:`workbench.service.glossary_sync.ShippedGlossary.sync`), not here: a
migration stays schema-only, and the same load then also brings later versions of
the files in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005_glossary_terms'
down_revision = '0004_jobs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=200), server_default='',
                                      nullable=False))
        batch_op.add_column(sa.Column('match', sa.String(length=10), server_default='exact',
                                      nullable=False))
        batch_op.add_column(sa.Column('extra', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('shipped', sa.JSON(), nullable=True))
    op.create_table('glossary_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['term_id'], ['glossary_terms.id'],
                            name=op.f('fk_glossary_changes_term_id_glossary_terms'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                            name=op.f('fk_glossary_changes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_changes'))
    )
    with op.batch_alter_table('glossary_changes', schema=None) as batch_op:
        batch_op.create_index('ix_glossary_changes_term', ['term_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('glossary_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_glossary_changes_term')
    op.drop_table('glossary_changes')
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.drop_column('shipped')
        batch_op.drop_column('extra')
        batch_op.drop_column('match')
        batch_op.drop_column('origin')
