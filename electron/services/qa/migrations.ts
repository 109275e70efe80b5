import type { DomainMigration } from '../db';

/**
 * The quality-check domain's tables: the termbase (desk-wide and per project), "not an error" marks, which checks
 * are switched off, and which Korean terms changed since a project was last translated. Kysely's schema builder
 * only, so the same migration runs on SQLite and PostgreSQL.
 */
export const QA_MIGRATIONS: readonly DomainMigration[] = [
  {
    name: '0300-qa-termbase-dismissals-settings',
    async up(db) {
      await db.schema
        .createTable('qa_terms')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('scope', 'varchar(16)', (c) => c.notNull())
        .addColumn('project_id', 'varchar(64)')
        .addColumn('ko', 'text', (c) => c.notNull())
        .addColumn('vi', 'text', (c) => c.notNull())
        .addColumn('en', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('forbidden_vi', 'text', (c) => c.notNull())
        .addColumn('forbidden_en', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('qa_terms_scope').on('qa_terms').columns(['scope', 'project_id']).execute();
      await db.schema
        .createTable('qa_dismissals')
        .addColumn('project_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('issue_id', 'varchar(600)', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('qa_dismissals_pk', ['project_id', 'issue_id'])
        .execute();
      await db.schema
        .createTable('qa_settings')
        .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('qa_term_changes')
        .addColumn('scope_key', 'varchar(80)', (c) => c.notNull())
        .addColumn('ko', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
        .addPrimaryKeyConstraint('qa_term_changes_pk', ['scope_key', 'ko'])
        .execute();
      await db.schema
        .createTable('qa_term_sync')
        .addColumn('project_id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('synced_at', 'varchar(40)', (c) => c.notNull())
        .execute();
    },
  },
];
