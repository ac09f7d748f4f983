"""the review loop: findings fixed by a version, page furniture, quality overrides

Revision ID: 0002_review_loop
Revises: 0001
Create Date: 2026-11-30

``links.furniture`` is filled in for existing documents by the same classifier the
import uses (a one-sided target link whose text is page furniture).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_review_loop"
down_revision = "0002"  # after 0002_sign_in_lockout
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fixed_version", sa.Integer(), nullable=True))
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.add_column(sa.Column("furniture", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("furniture_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_links_furniture_by_users"), "users",
                                    ["furniture_by"], ["id"], ondelete="SET NULL")
    op.create_table(
        "quality_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("open_critical", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"],
                                name=op.f("fk_quality_overrides_doc_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_quality_overrides_user_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quality_overrides")),
    )
    with op.batch_alter_table("quality_overrides", schema=None) as batch_op:
        batch_op.create_index("ix_quality_overrides_doc", ["doc_id"], unique=False)
    _classify_existing_links()


def _classify_existing_links() -> None:
    """Mark the page furniture of documents imported before this revision."""
    import json

    from workbench.reading.furniture import is_noise

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, doc_id, source_idx, target_idx FROM links WHERE ordinal IS NOT NULL"
    )).all()
    texts: dict[int, dict[int, str]] = {}
    for link_id, doc_id, source_idx, target_idx in rows:
        source = json.loads(source_idx) if isinstance(source_idx, str) else source_idx
        target = json.loads(target_idx) if isinstance(target_idx, str) else target_idx
        if source or not target:
            continue
        if doc_id not in texts:
            texts[doc_id] = dict(bind.execute(sa.text(
                "SELECT idx, text FROM paragraphs WHERE doc_id = :d AND side = 'target'"),
                {"d": doc_id}).all())
        mt = "\n\n".join(texts[doc_id].get(i, "") for i in target)
        if mt and is_noise(mt):
            bind.execute(sa.text("UPDATE links SET furniture = :t WHERE id = :i"),
                         {"t": True, "i": link_id})


def downgrade() -> None:
    with op.batch_alter_table("quality_overrides", schema=None) as batch_op:
        batch_op.drop_index("ix_quality_overrides_doc")
    op.drop_table("quality_overrides")
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_links_furniture_by_users"), type_="foreignkey")
        batch_op.drop_column("furniture_by")
        batch_op.drop_column("furniture")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_column("fixed_version")
