import { z } from 'zod';
import { EXPORT_FORMATS, QA_CHECK_IDS, TARGET_LANGS, UI_LANGS, type ApiMethod } from './contract';
import { firstControlChar } from './services/control-chars';
import { AppError } from './services/errors';

// Every argument that crosses from the UI is untrusted: a compromised or buggy renderer must not reach the file
// system or the services with shapes they do not expect. Both transports (IPC and loopback HTTP) run these.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const lang = z.enum(TARGET_LANGS);
const MiB = 1024 * 1024;
// base64 of the largest article we accept (the import service refuses above its own, lower, limit).
const base64 = z
  .string()
  .max(Math.ceil((64 * MiB * 4) / 3))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const cellRef = z.object({ projectId: id, segmentId: id, lang }).strict();
const CONTROL_ISSUE = 'text.controlCharacter';
/** Text a person typed: free of the control characters no store or export can carry (one policy with imports). */
const typed = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const char = firstControlChar(s);
      if (char) ctx.addIssue({ code: 'custom', message: CONTROL_ISSUE, params: { char } });
    });

const exportRequest = z
  .object({
    projectId: id,
    lang: z.union([lang, z.literal('all')]),
    format: z.enum(EXPORT_FORMATS),
    policy: z.enum(['approved-only', 'include-unapproved']),
    segmentation: z.enum(['paragraph', 'sentence']).optional(),
  })
  .strict();
const filePayload = z.object({ fileName: z.string().min(1).max(255), dataBase64: base64 }).strict();
const glossaryEntry = z
  .object({ ko: z.string().max(500), vi: z.string().max(500), en: z.string().max(500) })
  .strict();

/** Argument-list schema of every method; `satisfies` keeps it complete as the contract grows. */
export const argSchemas = {
  getAppInfo: z.tuple([]),
  listProjects: z.tuple([]),
  openProject: z.tuple([id]),
  openLastProject: z.tuple([]),
  importArticle: z.tuple([
    z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: base64,
        encoding: z.string().max(40).optional(),
        intoProjectId: id.optional(),
        acceptNonKorean: z.boolean().optional(),
        confirmDifferentArticle: z.boolean().optional(),
        importId: id.optional(),
      })
      .strict(),
  ]),
  importText: z.tuple([
    z
      .object({
        text: z.string().max(48 * MiB),
        name: z.string().max(255).optional(),
        acceptNonKorean: z.boolean().optional(),
      })
      .strict(),
  ]),
  updateCell: z.tuple([
    z
      .object({
        projectId: id,
        segmentId: id,
        lang,
        text: typed(200_000),
        elapsedMs: z.number().min(0).max(86_400_000).optional(),
        baseRev: z.number().int().min(0).optional(),
        origin: z.enum(['typing', 'tm']).optional(),
      })
      .strict(),
  ]),
  approveCell: z.tuple([cellRef]),
  unapproveCell: z.tuple([cellRef]),
  acceptSuggestion: z.tuple([cellRef]),
  setComment: z.tuple([cellRef.extend({ comment: typed(10_000) }).strict()]),
  setTranslatable: z.tuple([z.object({ projectId: id, segmentId: id, translate: z.boolean() }).strict()]),
  updateGlossary: z.tuple([z.object({ projectId: id, entries: z.array(glossaryEntry).max(5000) }).strict()]),
  setEnglishVariant: z.tuple([z.object({ projectId: id, variant: z.enum(['en-US', 'en-GB']) }).strict()]),
  translate: z.tuple([
    z
      .object({
        projectId: id,
        langs: z.array(lang).min(1).max(2),
        segmentIds: z.array(id).max(100_000).optional(),
        refresh: z.boolean().optional(),
        memoryOnly: z.boolean().optional(),
        maxCharacters: z.number().int().min(0).optional(),
      })
      .strict(),
  ]),
  estimateTranslation: z.tuple([
    z
      .object({
        projectId: id,
        langs: z.array(lang).min(1).max(2),
        segmentIds: z.array(id).max(100_000).optional(),
        refresh: z.boolean().optional(),
        memoryOnly: z.boolean().optional(),
        maxCharacters: z.number().int().min(0).optional(),
      })
      .strict(),
  ]),
  cancelTranslation: z.tuple([id]),
  getUsage: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([
    z
      .object({
        deeplAuthKey: z.string().max(200).nullable().optional(),
        serverUrl: z.string().max(500).nullable().optional(),
        englishVariant: z.enum(['en-US', 'en-GB']).optional(),
        reviewerName: z.string().max(200).optional(),
        paragraphContext: z.boolean().optional(),
        uiLanguage: z.enum(UI_LANGS).nullable().optional(),
        memory: z
          .object({
            badgeThreshold: z.number().int().min(75).max(99).optional(),
            autoApproveContext: z.boolean().optional(),
            confirmCharacters: z.number().int().min(0).max(100_000_000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ]),
  previewExport: z.tuple([exportRequest]),
  buildExport: z.tuple([exportRequest]),
  saveExport: z.tuple([exportRequest]),
  importInterchange: z.tuple([
    z
      .object({
        projectId: id,
        fileName: z.string().min(1).max(255),
        dataBase64: base64,
        dryRun: z.boolean().optional(),
        resolutions: z.record(id, z.enum(['ours', 'theirs'])).optional(),
      })
      .strict(),
  ]),
  runQa: z.tuple([id]),

  // Storage: history, undo, project management
  cellHistory: z.tuple([cellRef]),
  restoreCellVersion: z.tuple([cellRef.extend({ versionId: id }).strict()]),
  undo: z.tuple([id]),
  redo: z.tuple([id]),
  replaceAll: z.tuple([
    z
      .object({
        projectId: id,
        lang,
        find: z.string().min(1).max(1000),
        replace: typed(1000),
        matchCase: z.boolean().optional(),
        wholeWord: z.boolean().optional(),
        includeApproved: z.boolean().optional(),
      })
      .strict(),
  ]),
  renameProject: z.tuple([z.object({ projectId: id, name: z.string().trim().min(1).max(200) }).strict()]),
  deleteProject: z.tuple([id]),
  listTrash: z.tuple([]),
  restoreProject: z.tuple([id]),
  exportProjectFile: z.tuple([id]),
  importProjectFile: z.tuple([filePayload]),
  storageStatus: z.tuple([]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([z.string().regex(/^[A-Za-z0-9.-]{1,100}$/)]),

  // Translation memory
  tmLookup: z.tuple([cellRef]),
  importTmx: z.tuple([filePayload]),
  exportTmx: z.tuple([]),

  // Quality checks and termbase
  qaContext: z.tuple([id]),
  dismissQaIssue: z.tuple([
    z
      .object({ projectId: id, issueId: z.string().min(1).max(600), reason: z.string().max(2000).nullable() })
      .strict(),
  ]),
  setQaCheck: z.tuple([z.object({ check: z.enum(QA_CHECK_IDS), enabled: z.boolean() }).strict()]),
  listTerms: z.tuple([id.nullable()]),
  saveTerm: z.tuple([
    z
      .object({
        id: id.optional(),
        scope: z.enum(['desk', 'project']),
        projectId: id.optional(),
        ko: z.string().max(500),
        vi: z.string().max(500),
        en: z.string().max(500),
        note: z.string().max(2000).optional(),
        forbiddenVi: z.array(z.string().max(500)).max(50),
        forbiddenEn: z.array(z.string().max(500)).max(50),
      })
      .strict(),
  ]),
  deleteTerm: z.tuple([id]),
  importTerms: z.tuple([
    filePayload.extend({ scope: z.enum(['desk', 'project']), projectId: id.optional() }).strict(),
  ]),
  exportTerms: z.tuple([
    z.object({ projectId: id.nullable(), format: z.enum(['csv', 'tbx', 'tbx-v3']) }).strict(),
  ]),

  // Interchange: XLIFF round trip, OmegaT, imports
  cancelImport: z.union([z.tuple([]), z.tuple([id])]),

  // Team desk

  // Shell: about, desktop
  getAbout: z.tuple([]),

  // Editor
  uiReady: z.tuple([]),
  deskWhoAmI: z.tuple([]),
  deskListUsers: z.tuple([]),
  deskCreateUser: z.tuple([
    z
      .object({
        name: z.string().trim().min(2).max(64),
        role: z.enum(['reviewer', 'editor', 'admin']),
        password: z.string().min(1).max(1000),
      })
      .strict(),
  ]),
  deskUpdateUser: z.tuple([
    z
      .object({
        userId: z.string().uuid(),
        role: z.enum(['reviewer', 'editor', 'admin']).optional(),
        password: z.string().min(1).max(1000).optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
  ]),
  deskProjectAccess: z.tuple([id]),
  deskAssign: z.tuple([
    z.object({ projectId: id, lang, userId: z.string().uuid(), assigned: z.boolean() }).strict(),
  ]),
  deskSignOff: z.tuple([z.object({ projectId: id, lang, signed: z.boolean() }).strict()]),
  setPresence: z.tuple([
    z.object({ projectId: id, segmentId: id.nullable(), lang: lang.nullable() }).strict(),
  ]),
  listPresence: z.tuple([id]),

  // Desk client
  deskConnection: z.tuple([]),
  deskConnect: z.tuple([
    z
      .object({
        address: z.string().trim().min(1).max(2000),
        name: z.string().trim().min(1).max(64),
        password: z.string().min(1).max(1000),
      })
      .strict(),
  ]),
  deskDisconnect: z.tuple([]),
  deskKeptEdits: z.tuple([id]),
  deskForgetKept: z.tuple([cellRef]),
} satisfies Record<ApiMethod, z.ZodType<unknown[]>>;

/** Check a method's arguments; throws `api.invalidArgument` naming the first problem (never echoing values). */
export function validateArgs<K extends ApiMethod>(method: K, args: unknown): z.infer<(typeof argSchemas)[K]> {
  const result = argSchemas[method].safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    // A control character gets its own message (naming it), not the generic one.
    if (issue?.code === 'custom' && issue.message === CONTROL_ISSUE)
      throw new AppError(CONTROL_ISSUE, { char: String((issue.params as { char?: string })?.char ?? '') });
    const where = issue ? issue.path.join('.') || '(arguments)' : '(arguments)';
    throw new AppError('api.invalidArgument', { detail: `${method} ${where}` });
  }
  return result.data as z.infer<(typeof argSchemas)[K]>;
}
