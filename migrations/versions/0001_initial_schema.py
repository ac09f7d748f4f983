"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('roles', sa.String(length=200), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_name', sa.String(length=500), nullable=False),
    sa.Column('target_name', sa.String(length=500), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_documents_created_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    op.create_table('glossary_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('target', sa.String(length=300), nullable=False),
    sa.Column('variants', sa.JSON(), nullable=False),
    sa.Column('forbidden', sa.JSON(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('suggested_by', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_glossary_terms_decided_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['suggested_by'], ['users.id'], name=op.f('fk_glossary_terms_suggested_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_terms'))
    )
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.create_index('ix_glossary_terms_source', ['source'], unique=False)

    op.create_table('sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_sessions_token_hash'))
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=True),
    sa.Column('source_idx', sa.JSON(), nullable=False),
    sa.Column('target_idx', sa.JSON(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('components', sa.JSON(), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('status_by', sa.Integer(), nullable=True),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('replaced_by', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_links_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['status_by'], ['users.id'], name=op.f('fk_links_status_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_links')),
    sa.UniqueConstraint('doc_id', 'ordinal', name=op.f('uq_links_doc_id_ordinal'))
    )
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.create_index('ix_links_doc', ['doc_id'], unique=False)

    op.create_table('paragraphs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=6), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_paragraphs_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paragraphs')),
    sa.UniqueConstraint('doc_id', 'side', 'idx', name=op.f('uq_paragraphs_doc_id_side_idx'))
    )
    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('term', sa.Text(), nullable=False),
    sa.Column('expected', sa.JSON(), nullable=False),
    sa.Column('found', sa.Text(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('check', sa.String(length=80), nullable=False),
    sa.Column('spans', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('dismiss_reason', sa.Text(), nullable=True),
    sa.Column('dismissed_by', sa.Integer(), nullable=True),
    sa.Column('dismissed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['dismissed_by'], ['users.id'], name=op.f('fk_findings_dismissed_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_findings_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['link_id'], ['links.id'], name=op.f('fk_findings_link_id_links'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index('ix_findings_doc', ['doc_id'], unique=False)
        batch_op.create_index('ix_findings_link', ['link_id'], unique=False)

    op.create_table('mqm_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=80), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_mqm_tags_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_mqm_tags_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['link_id'], ['links.id'], name=op.f('fk_mqm_tags_link_id_links'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mqm_tags'))
    )
    with op.batch_alter_table('mqm_tags', schema=None) as batch_op:
        batch_op.create_index('ix_mqm_tags_doc', ['doc_id'], unique=False)

    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_revisions_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_revisions_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['link_id'], ['links.id'], name=op.f('fk_revisions_link_id_links'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['revisions.id'], name=op.f('fk_revisions_parent_id_revisions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revisions')),
    sa.UniqueConstraint('doc_id', 'link_id', 'version', name=op.f('uq_revisions_doc_id_link_id_version'))
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index('ix_revisions_doc', ['doc_id'], unique=False)
        batch_op.create_index('ix_revisions_link', ['link_id'], unique=False)

    op.create_table('status_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.Integer(), nullable=False),
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_status_events_doc_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['link_id'], ['links.id'], name=op.f('fk_status_events_link_id_links'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_status_events_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_events'))
    )
    with op.batch_alter_table('status_events', schema=None) as batch_op:
        batch_op.create_index('ix_status_events_doc', ['doc_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('status_events', schema=None) as batch_op:
        batch_op.drop_index('ix_status_events_doc')

    op.drop_table('status_events')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index('ix_revisions_link')
        batch_op.drop_index('ix_revisions_doc')

    op.drop_table('revisions')
    with op.batch_alter_table('mqm_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_mqm_tags_doc')

    op.drop_table('mqm_tags')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_link')
        batch_op.drop_index('ix_findings_doc')

    op.drop_table('findings')
    op.drop_table('paragraphs')
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.drop_index('ix_links_doc')

    op.drop_table('links')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessions_user_id'))

    op.drop_table('sessions')
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_glossary_terms_source')

    op.drop_table('glossary_terms')
    op.drop_table('documents')
    op.drop_table('users')
    
