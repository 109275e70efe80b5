import { z } from 'zod';
import { QA_CHECK_IDS, TERM_FILE_FORMATS, type QaCheckId, type QaContext, type TermEntry } from '../qa';
import type { FilePayload } from '../storage';
import { method, returns } from '../method';
import { filePayload, id } from '../schemas';

const term = z.string().max(500);

/** Quality checks and the termbase. */
export const qaMethods = {
  /** Terms, switched-off checks and "not an error" marks of a project, for checking cells in the UI. */
  qaContext: method({ channel: 'qa:context', args: [id], returns: returns<QaContext>(), desk: 'see' }),
  /** Mark a finding "not an error" (who: the acting reviewer) or take the mark back. */
  dismissQaIssue: method({
    channel: 'qa:dismiss',
    args: [
      z
        .object({
          projectId: id,
          issueId: z.string().min(1).max(600),
          reason: z.string().max(2000).nullable(),
        })
        .strict(),
    ],
    returns: returns<QaContext>(),
    desk: 'see',
  }),
  /** Switch one check on or off (for every project). */
  setQaCheck: method({
    channel: 'qa:setCheck',
    args: [z.object({ check: z.enum(QA_CHECK_IDS), enabled: z.boolean() }).strict()],
    returns: returns<QaCheckId[]>(),
    desk: 'admin',
  }),
  /** The desk's shared terms plus the project's own. */
  listTerms: method({
    channel: 'term:list',
    args: [id.nullable()],
    returns: returns<TermEntry[]>(),
    desk: 'see',
  }),
  saveTerm: method({
    channel: 'term:save',
    args: [
      z
        .object({
          id: id.optional(),
          scope: z.enum(['desk', 'project']),
          projectId: id.optional(),
          ko: term,
          vi: term,
          en: term,
          note: z.string().max(2000).optional(),
          forbiddenVi: z.array(term).max(50),
          forbiddenEn: z.array(term).max(50),
        })
        .strict(),
    ],
    returns: returns<TermEntry>(),
    desk: 'editor',
  }),
  deleteTerm: method({ channel: 'term:delete', args: [id], returns: returns<void>(), desk: 'desk-editor' }),
  /** Import CSV or TBX-Basic into the desk termbase or a project's; returns how many were added or updated. */
  importTerms: method({
    channel: 'term:import',
    args: [filePayload.extend({ scope: z.enum(['desk', 'project']), projectId: id.optional() }).strict()],
    returns: returns<{ imported: number; skipped: number }>(),
    desk: 'editor',
  }),
  exportTerms: method({
    channel: 'term:export',
    args: [z.object({ projectId: id.nullable(), format: z.enum(TERM_FILE_FORMATS) }).strict()],
    returns: returns<FilePayload>(),
    desk: 'see',
  }),
};
