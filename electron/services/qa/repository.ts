import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { QaCheckId, QaDismissal, TermEntry, TermInput } from '../../contract';
import { QA_CHECK_IDS } from '../../contract';
import type { Database } from '../db';
import { AppError } from '../errors';
import { deskScopeKey, disabledKey, projectScopeKey } from './scope-keys';

interface TermRow {
  id: string;
  desk: string;
  scope: string;
  project_id: string | null;
  ko: string;
  vi: string;
  en: string;
  note: string | null;
  forbidden_vi: string;
  forbidden_en: string;
  updated_at: string;
  updated_by: string;
}

interface QaTables {
  qa_terms: TermRow;
  qa_dismissals: { project_id: string; issue_id: string; reason: string; by: string; at: string };
  qa_settings: { key: string; value: string };
  qa_term_changes: { scope_key: string; ko: string; changed_at: string };
  qa_term_sync: { project_id: string; synced_at: string };
}

const nfc = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const list = (values: readonly string[]) => [...new Set(values.map(nfc).filter(Boolean))];

function toEntry(r: Omit<TermRow, 'desk'>): TermEntry {
  return {
    id: r.id,
    scope: r.scope === 'project' ? 'project' : 'desk',
    ...(r.project_id ? { projectId: r.project_id } : {}),
    ko: r.ko,
    vi: r.vi,
    en: r.en,
    ...(r.note ? { note: r.note } : {}),
    forbiddenVi: JSON.parse(r.forbidden_vi) as string[],
    forbiddenEn: JSON.parse(r.forbidden_en) as string[],
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** Normalise a term as typed or imported: NFC, single spaces, no duplicate variants; refuses an empty one. */
export function cleanTerm(input: TermInput): TermInput {
  const term: TermInput = {
    ...input,
    ko: nfc(input.ko),
    vi: nfc(input.vi),
    en: nfc(input.en),
    forbiddenVi: list(input.forbiddenVi),
    forbiddenEn: list(input.forbiddenEn),
  };
  if (input.note !== undefined) term.note = input.note.normalize('NFC').trim();
  if (!term.ko || (!term.vi && !term.en)) throw new AppError('qa.termIncomplete');
  if (term.scope === 'project' && !term.projectId) throw new AppError('qa.termNeedsProject');
  return term;
}

/**
 * The quality-check tables: termbase, "not an error" marks, switched-off checks, term changes. The termbase belongs
 * to a desk (newsroom; `''` for the embedded app): every term method takes the caller's desk, and a term of another
 * desk is treated as one that does not exist.
 */
export class QaRepository {
  private readonly db: Kysely<QaTables>;
  constructor(database: Database) {
    this.db = database.db as Kysely<QaTables>;
  }

  /** The desk's desk-wide terms and, with a project, that project's own. */
  async terms(desk: string, projectId: string | null): Promise<TermEntry[]> {
    let q = this.db.selectFrom('qa_terms').selectAll().where('desk', '=', desk);
    q = projectId
      ? q.where((eb) => eb.or([eb('scope', '=', 'desk'), eb('project_id', '=', projectId)]))
      : q.where('scope', '=', 'desk');
    return (await q.orderBy('ko').execute()).map(toEntry);
  }

  /**
   * Add or change a term of the desk; records the Korean term(s) as changed for re-translation. An id of another
   * desk's term is refused as not found.
   */
  async saveTerm(desk: string, input: TermInput, by: string, at: string): Promise<TermEntry> {
    const t = cleanTerm(input);
    const previous = t.id ? await this.termRow(desk, t.id) : undefined;
    if (t.id && !previous) throw new AppError('qa.termNotFound');
    const row: TermRow = {
      id: t.id ?? randomUUID(),
      desk,
      scope: t.scope,
      project_id: t.scope === 'project' ? (t.projectId ?? null) : null,
      ko: t.ko,
      vi: t.vi,
      en: t.en,
      note: t.note || null,
      forbidden_vi: JSON.stringify(t.forbiddenVi),
      forbidden_en: JSON.stringify(t.forbiddenEn),
      updated_at: at,
      updated_by: by,
    };
    await this.db.transaction().execute(async (tx) => {
      if (previous)
        await tx.updateTable('qa_terms').set(row).where('id', '=', row.id).where('desk', '=', desk).execute();
      else await tx.insertInto('qa_terms').values(row).execute();
      // A term moved between the desk's and a project's termbase changed in both.
      const keys = new Set([scopeKey(row), ...(previous ? [scopeKey(previous)] : [])]);
      const changed = new Set([row.ko, ...(previous ? [previous.ko] : [])]);
      for (const key of keys) for (const ko of changed) await markChanged(tx, key, ko, at);
    });
    return toEntry(row);
  }

  /** Find a term of the desk by its Korean text in a scope (imports update rather than duplicate). */
  async findByKo(
    desk: string,
    scope: 'desk' | 'project',
    projectId: string | undefined,
    ko: string,
  ): Promise<TermEntry | null> {
    let q = this.db
      .selectFrom('qa_terms')
      .selectAll()
      .where('desk', '=', desk)
      .where('scope', '=', scope)
      .where('ko', '=', nfc(ko));
    if (scope === 'project') q = q.where('project_id', '=', projectId ?? '');
    const row = await q.executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  /** Delete a term of the desk; another desk's term is refused as not found (and stays). */
  async deleteTerm(desk: string, id: string, at: string): Promise<void> {
    const row = await this.termRow(desk, id);
    if (!row) throw new AppError('qa.termNotFound');
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('qa_terms').where('id', '=', id).where('desk', '=', desk).execute();
      await markChanged(tx, scopeKey(row), row.ko, at);
    });
  }

  /** The stored row of a term of the desk, if there is one. */
  private termRow(desk: string, id: string): Promise<TermRow | undefined> {
    return this.db
      .selectFrom('qa_terms')
      .selectAll()
      .where('id', '=', id)
      .where('desk', '=', desk)
      .executeTakeFirst();
  }

  /** Korean terms changed (in the desk's termbase or this project's) since the project was last translated. */
  async changedTermsSinceSync(desk: string, projectId: string): Promise<string[]> {
    const sync = await this.db
      .selectFrom('qa_term_sync')
      .select('synced_at')
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    let q = this.db
      .selectFrom('qa_term_changes')
      .select('ko')
      .where('scope_key', 'in', [deskScopeKey(desk), projectScopeKey(projectId)]);
    if (sync) q = q.where('changed_at', '>', sync.synced_at);
    else return []; // never translated through this path yet: every machine cell already used today's terms
    return [...new Set((await q.execute()).map((r) => r.ko))];
  }

  async markSynced(projectId: string, at: string): Promise<void> {
    await this.db
      .insertInto('qa_term_sync')
      .values({ project_id: projectId, synced_at: at })
      .onConflict((oc) => oc.column('project_id').doUpdateSet({ synced_at: at }))
      .execute();
  }

  async dismissals(projectId: string): Promise<Record<string, QaDismissal>> {
    const rows = await this.db
      .selectFrom('qa_dismissals')
      .selectAll()
      .where('project_id', '=', projectId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.issue_id, { by: r.by, at: r.at, reason: r.reason }]));
  }

  async dismiss(projectId: string, issueId: string, d: QaDismissal): Promise<void> {
    await this.db
      .insertInto('qa_dismissals')
      .values({ project_id: projectId, issue_id: issueId, ...d })
      .onConflict((oc) => oc.columns(['project_id', 'issue_id']).doUpdateSet({ ...d }))
      .execute();
  }

  async undismiss(projectId: string, issueId: string): Promise<void> {
    await this.db
      .deleteFrom('qa_dismissals')
      .where('project_id', '=', projectId)
      .where('issue_id', '=', issueId)
      .execute();
  }

  /** The checks the desk switched off. */
  async disabledChecks(desk: string): Promise<QaCheckId[]> {
    const row = await this.db
      .selectFrom('qa_settings')
      .select('value')
      .where('key', '=', disabledKey(desk))
      .executeTakeFirst();
    const known = new Set<string>(QA_CHECK_IDS);
    return row ? (JSON.parse(row.value) as string[]).filter((c): c is QaCheckId => known.has(c)) : [];
  }

  /** Switch a check on or off for the desk; returns the desk's switched-off checks. */
  async setCheck(desk: string, check: QaCheckId, enabled: boolean): Promise<QaCheckId[]> {
    const now = new Set(await this.disabledChecks(desk));
    const key = disabledKey(desk);
    if (enabled) now.delete(check);
    else now.add(check);
    const value = JSON.stringify(QA_CHECK_IDS.filter((c) => now.has(c)));
    await this.db
      .insertInto('qa_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    return this.disabledChecks(desk);
  }
}

const scopeKey = (row: Pick<TermRow, 'desk' | 'scope' | 'project_id'>) =>
  row.scope === 'project' ? projectScopeKey(row.project_id ?? '') : deskScopeKey(row.desk);

async function markChanged(db: Kysely<QaTables>, key: string, ko: string, at: string): Promise<void> {
  await db
    .insertInto('qa_term_changes')
    .values({ scope_key: key, ko, changed_at: at })
    .onConflict((oc) => oc.columns(['scope_key', 'ko']).doUpdateSet({ changed_at: at }))
    .execute();
}
