import { sql } from 'kysely';
import type { DomainMigration } from '../db';
import { deskFromProjects, deskOfExistingRows } from '../db/desk-scope';
import { deskScopeKey, disabledKey } from './scope-keys';

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
  {
    // The termbase belongs to a desk (newsroom): every term carries its desk (`''` for the embedded app), indexes
    // lead with it, and a desk-wide term's change is recorded under its desk's key so it refreshes only that desk's
    // projects; switched-off checks are per desk too. What was there before goes to the desk that used it (a
    // project term to its project's desk).
    name: '0301-qa-terms-per-desk',
    async up(db, dialect) {
      const desk = await deskOfExistingRows(db, dialect);
      await db.schema
        .alterTable('qa_terms')
        .addColumn('desk', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      if (desk) await db.updateTable('qa_terms').set({ desk }).execute();
      await deskFromProjects(db, dialect, 'qa_terms');
      await db.schema.dropIndex('qa_terms_scope').execute();
      await db.schema
        .createIndex('qa_terms_desk_scope')
        .on('qa_terms')
        .columns(['desk', 'scope', 'project_id'])
        .execute();
      // A desk's name is not length-limited: the key columns take any text (SQLite does not enforce varchar).
      if (dialect === 'postgres') {
        await sql`ALTER TABLE qa_term_changes ALTER COLUMN scope_key TYPE text`.execute(db);
        await sql`ALTER TABLE qa_settings ALTER COLUMN key TYPE text`.execute(db);
      }
      if (!desk) return;
      await db
        .updateTable('qa_term_changes')
        .set({ scope_key: deskScopeKey(desk) })
        .where('scope_key', '=', deskScopeKey(''))
        .execute();
      await db
        .updateTable('qa_settings')
        .set({ key: disabledKey(desk) })
        .where('key', '=', disabledKey(''))
        .execute();
    },
  },
];
