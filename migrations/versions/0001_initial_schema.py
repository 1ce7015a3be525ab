"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22

The first schema, plus the FTS5 index over event titles, summaries, quotes and notes.
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreements',
    sa.Column('id', sa.String(length=96), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('treaty', 'charter', 'declaration', 'programme', 'convention', 'ceasefire', 'peace_statement', 'decree', 'agreement', 'plan')", name=op.f('ck_agreements_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements'))
    )
    op.create_table('annotations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('target_kind', sa.String(length=16), nullable=False),
    sa.Column('target_id', sa.String(length=96), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("target_kind IN ('event', 'agreement', 'organisation', 'passage', 'source', 'country', 'person')", name=op.f('ck_annotations_target_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annotations'))
    )
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annotations_target_kind'), ['target_kind', 'target_id'], unique=False)

    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('countries',
    sa.Column('id', sa.String(length=8), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_countries'))
    )
    op.create_table('events',
    sa.Column('id', sa.String(length=96), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('disputed', sa.Boolean(), nullable=False),
    sa.Column('dispute_note', sa.Text(), nullable=True),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.Column('date', sa.String(length=64), nullable=False),
    sa.Column('date_start', sa.String(length=10), nullable=False),
    sa.Column('date_end', sa.String(length=10), nullable=False),
    sa.Column('precision', sa.String(length=16), nullable=False),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('uncertain', sa.Boolean(), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('date_note', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('visit', 'meeting', 'summit', 'conference', 'signing', 'ratification', 'membership_change', 'military_operation', 'conflict', 'statement', 'decree', 'vote', 'legal_action', 'withdrawal', 'diplomatic_relations', 'cooperation', 'accusation', 'other')", name=op.f('ck_events_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_kind'), ['kind'], unique=False)
        batch_op.create_index('ix_events_timeline', ['date_start', 'date_end', 'id'], unique=False)

    op.create_table('organisations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('abbreviation', sa.String(length=32), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('parent_id', sa.String(length=64), nullable=True),
    sa.Column('founded', sa.String(length=64), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['organisations.id'], name=op.f('fk_organisations_parent_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations'))
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_parent_id'), ['parent_id'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('office', sa.Text(), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    op.create_table('sources',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('publisher', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=64), nullable=True),
    sa.Column('data_as_of', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('reliability', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources'))
    )
    op.create_table('agreement_countries',
    sa.Column('agreement_id', sa.String(length=96), nullable=False),
    sa.Column('country_id', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_countries_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_id'], ['countries.id'], name=op.f('fk_agreement_countries_country_id_countries')),
    sa.PrimaryKeyConstraint('agreement_id', 'country_id', name=op.f('pk_agreement_countries'))
    )
    op.create_table('agreement_organisations',
    sa.Column('agreement_id', sa.String(length=96), nullable=False),
    sa.Column('organisation_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_organisations_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_agreement_organisations_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('agreement_id', 'organisation_id', name=op.f('pk_agreement_organisations'))
    )
    op.create_table('agreement_steps',
    sa.Column('id', sa.String(length=96), nullable=False),
    sa.Column('agreement_id', sa.String(length=96), nullable=False),
    sa.Column('step', sa.String(length=32), nullable=False),
    sa.Column('country_id', sa.String(length=8), nullable=True),
    sa.Column('disputed', sa.Boolean(), nullable=False),
    sa.Column('dispute_note', sa.Text(), nullable=True),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.Column('date', sa.String(length=64), nullable=False),
    sa.Column('date_start', sa.String(length=10), nullable=False),
    sa.Column('date_end', sa.String(length=10), nullable=False),
    sa.Column('precision', sa.String(length=16), nullable=False),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('uncertain', sa.Boolean(), nullable=False),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('date_note', sa.Text(), nullable=True),
    sa.CheckConstraint("step IN ('proposed', 'signed', 'approved', 'ratified', 'ratification_rejected', 'entered_into_force', 'implementation_began', 'withdrawn')", name=op.f('ck_agreement_steps_step')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_agreement_steps_agreement_id_agreements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_id'], ['countries.id'], name=op.f('fk_agreement_steps_country_id_countries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_steps'))
    )
    with op.batch_alter_table('agreement_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_steps_agreement_id'), ['agreement_id', 'date_start'], unique=False)

    op.create_table('annotation_tags',
    sa.Column('annotation_id', sa.String(length=64), nullable=False),
    sa.Column('tag', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['annotation_id'], ['annotations.id'], name=op.f('fk_annotation_tags_annotation_id_annotations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('annotation_id', 'tag', name=op.f('pk_annotation_tags'))
    )
    with op.batch_alter_table('annotation_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annotation_tags_tag'), ['tag'], unique=False)

    op.create_table('event_agreements',
    sa.Column('event_id', sa.String(length=96), nullable=False),
    sa.Column('agreement_id', sa.String(length=96), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_event_agreements_agreement_id_agreements')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_agreements_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'agreement_id', name=op.f('pk_event_agreements'))
    )
    with op.batch_alter_table('event_agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_agreements_agreement_id'), ['agreement_id', 'event_id'], unique=False)

    op.create_table('event_countries',
    sa.Column('event_id', sa.String(length=96), nullable=False),
    sa.Column('country_id', sa.String(length=8), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['country_id'], ['countries.id'], name=op.f('fk_event_countries_country_id_countries')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_countries_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'country_id', name=op.f('pk_event_countries'))
    )
    with op.batch_alter_table('event_countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_countries_country_id'), ['country_id', 'event_id'], unique=False)

    op.create_table('event_organisations',
    sa.Column('event_id', sa.String(length=96), nullable=False),
    sa.Column('organisation_id', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_organisations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_event_organisations_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('event_id', 'organisation_id', name=op.f('pk_event_organisations'))
    )
    with op.batch_alter_table('event_organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_organisations_organisation_id'), ['organisation_id', 'event_id'], unique=False)

    op.create_table('event_people',
    sa.Column('event_id', sa.String(length=96), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_people_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_event_people_person_id_people')),
    sa.PrimaryKeyConstraint('event_id', 'person_id', name=op.f('pk_event_people'))
    )
    with op.batch_alter_table('event_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_people_person_id'), ['person_id', 'event_id'], unique=False)

    op.create_table('memberships',
    sa.Column('id', sa.String(length=96), nullable=False),
    sa.Column('country_id', sa.String(length=8), nullable=False),
    sa.Column('organisation_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('start', sa.String(length=64), nullable=True),
    sa.Column('start_text', sa.Text(), nullable=True),
    sa.Column('end', sa.String(length=64), nullable=True),
    sa.Column('end_text', sa.Text(), nullable=True),
    sa.Column('date_start', sa.String(length=10), nullable=False),
    sa.Column('date_end', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('disputed', sa.Boolean(), nullable=False),
    sa.Column('dispute_note', sa.Text(), nullable=True),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.CheckConstraint("status IN ('founding_member', 'member', 'observer', 'partner', 'associate_member', 'applicant', 'suspended', 'withdrawn', 'participant')", name=op.f('ck_memberships_status')),
    sa.ForeignKeyConstraint(['country_id'], ['countries.id'], name=op.f('fk_memberships_country_id_countries')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_memberships_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships'))
    )
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memberships_organisation_id'), ['organisation_id', 'country_id', 'date_start'], unique=False)

    op.create_table('passages',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('exact', sa.Text(), nullable=False),
    sa.Column('prefix', sa.Text(), nullable=False),
    sa.Column('suffix', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('label', sa.Text(), nullable=True),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('citation', 'boilerplate', 'user')", name=op.f('ck_passages_kind')),
    sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f('ck_passages_span')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_passages_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_passages'))
    )
    with op.batch_alter_table('passages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passages_source_id'), ['source_id', 'start'], unique=False)

    op.create_table('event_citations',
    sa.Column('event_id', sa.String(length=96), nullable=False),
    sa.Column('passage_id', sa.String(length=64), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.CheckConstraint("stance IN ('supports', 'contradicts')", name=op.f('ck_event_citations_stance')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_citations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['passage_id'], ['passages.id'], name=op.f('fk_event_citations_passage_id_passages')),
    sa.PrimaryKeyConstraint('event_id', 'passage_id', name=op.f('pk_event_citations'))
    )
    with op.batch_alter_table('event_citations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_citations_passage_id'), ['passage_id', 'event_id'], unique=False)

    op.create_table('membership_citations',
    sa.Column('membership_id', sa.String(length=96), nullable=False),
    sa.Column('passage_id', sa.String(length=64), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.CheckConstraint("stance IN ('supports', 'contradicts')", name=op.f('ck_membership_citations_stance')),
    sa.ForeignKeyConstraint(['membership_id'], ['memberships.id'], name=op.f('fk_membership_citations_membership_id_memberships'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['passage_id'], ['passages.id'], name=op.f('fk_membership_citations_passage_id_passages')),
    sa.PrimaryKeyConstraint('membership_id', 'passage_id', name=op.f('pk_membership_citations'))
    )
    with op.batch_alter_table('membership_citations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_citations_passage_id'), ['passage_id'], unique=False)

    op.create_table('organisation_citations',
    sa.Column('organisation_id', sa.String(length=64), nullable=False),
    sa.Column('passage_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_organisation_citations_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['passage_id'], ['passages.id'], name=op.f('fk_organisation_citations_passage_id_passages')),
    sa.PrimaryKeyConstraint('organisation_id', 'passage_id', name=op.f('pk_organisation_citations'))
    )
    op.create_table('step_citations',
    sa.Column('step_id', sa.String(length=96), nullable=False),
    sa.Column('passage_id', sa.String(length=64), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.CheckConstraint("stance IN ('supports', 'contradicts')", name=op.f('ck_step_citations_stance')),
    sa.ForeignKeyConstraint(['passage_id'], ['passages.id'], name=op.f('fk_step_citations_passage_id_passages')),
    sa.ForeignKeyConstraint(['step_id'], ['agreement_steps.id'], name=op.f('fk_step_citations_step_id_agreement_steps'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('step_id', 'passage_id', name=op.f('pk_step_citations'))
    )
    with op.batch_alter_table('step_citations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_citations_passage_id'), ['passage_id'], unique=False)
    op.execute(
        "CREATE VIRTUAL TABLE event_fts USING fts5("
        "event_id UNINDEXED, title, summary, quotes, notes, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS event_fts")
    with op.batch_alter_table('step_citations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_citations_passage_id'))

    op.drop_table('step_citations')
    op.drop_table('organisation_citations')
    with op.batch_alter_table('membership_citations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_citations_passage_id'))

    op.drop_table('membership_citations')
    with op.batch_alter_table('event_citations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_citations_passage_id'))

    op.drop_table('event_citations')
    with op.batch_alter_table('passages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passages_source_id'))

    op.drop_table('passages')
    with op.batch_alter_table('memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memberships_organisation_id'))

    op.drop_table('memberships')
    with op.batch_alter_table('event_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_people_person_id'))

    op.drop_table('event_people')
    with op.batch_alter_table('event_organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_organisations_organisation_id'))

    op.drop_table('event_organisations')
    with op.batch_alter_table('event_countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_countries_country_id'))

    op.drop_table('event_countries')
    with op.batch_alter_table('event_agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_agreements_agreement_id'))

    op.drop_table('event_agreements')
    with op.batch_alter_table('annotation_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annotation_tags_tag'))

    op.drop_table('annotation_tags')
    with op.batch_alter_table('agreement_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_steps_agreement_id'))

    op.drop_table('agreement_steps')
    op.drop_table('agreement_organisations')
    op.drop_table('agreement_countries')
    op.drop_table('sources')
    op.drop_table('people')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_parent_id'))

    op.drop_table('organisations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_timeline')
        batch_op.drop_index(batch_op.f('ix_events_kind'))

    op.drop_table('events')
    op.drop_table('countries')
    op.drop_table('app_meta')
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annotations_target_kind'))

    op.drop_table('annotations')
    op.drop_table('agreements')
