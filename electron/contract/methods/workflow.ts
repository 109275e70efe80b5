import { z } from 'zod';
import type { AppInfo, Project, ProjectSummary, Segment, SettingsView } from '../model';
import type {
  ExportFile,
  ExportPreview,
  ImportOutcome,
  InterchangeImportSummary,
  QaIssue,
  SaveResult,
  TranslateEstimate,
  TranslateSummary,
  UsageView,
} from '../requests';
import { method, returns } from '../method';
import {
  MiB,
  base64,
  changeKey,
  englishVariant,
  exportRequest,
  fileName,
  glossaryEntry,
  id,
  keyedCellRef,
  lang,
  typed,
  uiLang,
} from '../schemas';

/** Characters allowed in a cell of one row kind (Settings › Length limits); 0 or absent: no limit. */
const lengthLimit = z.number().int().min(0).max(100_000).optional();

const translateRequest = z
  .object({
    projectId: id,
    langs: z.array(lang).min(1).max(2),
    segmentIds: z.array(id).max(100_000).optional(),
    refresh: z.boolean().optional(),
    memoryOnly: z.boolean().optional(),
    maxCharacters: z.number().int().min(0).optional(),
  })
  .strict();

/** The core workflow: the app, projects, cells, machine translation, settings, export, checks. */
export const workflowMethods = {
  getAppInfo: method({
    channel: 'app:info',
    args: [],
    returns: returns<AppInfo>(),
    desk: 'any',
    where: 'local',
  }),
  listProjects: method({
    channel: 'project:list',
    args: [],
    returns: returns<ProjectSummary[]>(),
    desk: 'any',
  }),
  openProject: method({ channel: 'project:open', args: [id], returns: returns<Project>(), desk: 'see' }),
  /** The last project opened, or, on first start, a new project made from the sample article. */
  openLastProject: method({
    channel: 'project:openLast',
    args: [],
    returns: returns<Project>(),
    desk: 'any',
  }),
  importArticle: method({
    channel: 'project:import',
    args: [
      z
        .object({
          fileName,
          dataBase64: base64,
          encoding: z.string().max(40).optional(),
          intoProjectId: id.optional(),
          acceptNonKorean: z.boolean().optional(),
          confirmDifferentArticle: z.boolean().optional(),
          importId: id.optional(),
        })
        .strict(),
    ],
    returns: returns<ImportOutcome>(),
    desk: 'create',
    timeout: 'long',
  }),
  /** Import pasted text as a new project. */
  importText: method({
    channel: 'project:importText',
    args: [
      z
        .object({
          text: z.string().max(48 * MiB),
          name: z.string().max(255).optional(),
          acceptNonKorean: z.boolean().optional(),
        })
        .strict(),
    ],
    returns: returns<ImportOutcome>(),
    desk: 'create',
    timeout: 'long',
  }),
  updateCell: method({
    channel: 'cell:update',
    args: [
      z
        .object({
          projectId: id,
          segmentId: id,
          lang,
          text: typed(200_000),
          elapsedMs: z.number().min(0).max(86_400_000).optional(),
          baseRev: z.number().int().min(0).optional(),
          origin: z.enum(['typing', 'tm', 'restore']).optional(),
          sender: changeKey.optional(),
          key: changeKey.optional(),
        })
        .strict(),
    ],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  approveCell: method({
    channel: 'cell:approve',
    args: [keyedCellRef],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  /**
   * Approve these languages of one row (Ctrl+Shift+Enter) as one change and one undo step: all of them, or none
   * when one cannot be approved (`project.nothingToApproveRow` names it).
   */
  approveRow: method({
    channel: 'row:approve',
    args: [
      z
        .object({
          projectId: id,
          segmentId: id,
          langs: z.array(lang).min(1).max(2),
          key: changeKey.optional(),
        })
        .strict(),
    ],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  /** Take an approved cell back to edited. */
  unapproveCell: method({
    channel: 'cell:unapprove',
    args: [keyedCellRef],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  /** Replace the cell text with its pending machine suggestion. */
  acceptSuggestion: method({
    channel: 'cell:acceptSuggestion',
    args: [keyedCellRef],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  setComment: method({
    channel: 'cell:comment',
    args: [keyedCellRef.extend({ comment: typed(10_000) }).strict()],
    returns: returns<Segment>(),
    desk: 'edit',
  }),
  setTranslatable: method({
    channel: 'segment:setTranslatable',
    args: [
      z.object({ projectId: id, segmentId: id, translate: z.boolean(), key: changeKey.optional() }).strict(),
    ],
    returns: returns<Segment>(),
    desk: 'editor',
  }),
  updateGlossary: method({
    channel: 'glossary:update',
    args: [z.object({ projectId: id, entries: z.array(glossaryEntry).max(5000) }).strict()],
    returns: returns<Project>(),
    desk: 'editor',
  }),
  setEnglishVariant: method({
    channel: 'project:setEnglishVariant',
    args: [z.object({ projectId: id, variant: englishVariant }).strict()],
    returns: returns<Project>(),
    desk: 'editor',
  }),
  translate: method({
    channel: 'mt:translate',
    args: [translateRequest],
    returns: returns<TranslateSummary>(),
    desk: 'editor',
    timeout: 'long',
  }),
  /** What a run would fill from the memory and send to DeepL (characters, cells) and the account's usage. */
  estimateTranslation: method({
    channel: 'mt:estimate',
    args: [translateRequest],
    returns: returns<TranslateEstimate>(),
    desk: 'see',
  }),
  cancelTranslation: method({ channel: 'mt:cancel', args: [id], returns: returns<void>(), desk: 'editor' }),
  getUsage: method({ channel: 'mt:usage', args: [], returns: returns<UsageView>(), desk: 'any' }),
  getSettings: method({
    channel: 'settings:get',
    args: [],
    returns: returns<SettingsView>(),
    desk: 'any',
    where: 'local',
  }),
  updateSettings: method({
    channel: 'settings:update',
    args: [
      z
        .object({
          deeplAuthKey: z.string().max(200).nullable().optional(),
          serverUrl: z.string().max(500).nullable().optional(),
          englishVariant: englishVariant.optional(),
          reviewerName: z.string().max(200).optional(),
          paragraphContext: z.boolean().optional(),
          uiLanguage: uiLang.nullable().optional(),
          lengthLimits: z
            .object({
              headline: lengthLimit,
              subheadline: lengthLimit,
              caption: lengthLimit,
              lead: lengthLimit,
            })
            .strict()
            .optional(),
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
    ],
    returns: returns<SettingsView>(),
    desk: 'admin',
    where: 'local',
  }),
  previewExport: method({
    channel: 'export:preview',
    args: [exportRequest],
    returns: returns<ExportPreview>(),
    desk: 'see',
  }),
  buildExport: method({
    channel: 'export:build',
    args: [exportRequest],
    returns: returns<ExportFile>(),
    desk: 'export',
  }),
  /** Desktop only: ask where to save, then write atomically (the dialog asks before replacing a file). */
  saveExport: method({
    channel: 'export:save',
    args: [exportRequest],
    returns: returns<SaveResult>(),
    desk: 'export',
    where: 'local', // it writes what the desk built
  }),
  importInterchange: method({
    channel: 'interchange:import',
    args: [
      z
        .object({
          projectId: id,
          fileName,
          dataBase64: base64,
          dryRun: z.boolean().optional(),
          resolutions: z.record(id, z.enum(['ours', 'theirs'])).optional(),
        })
        .strict(),
    ],
    returns: returns<InterchangeImportSummary>(),
    desk: 'editor',
  }),
  runQa: method({ channel: 'qa:run', args: [id], returns: returns<QaIssue[]>(), desk: 'see' }),
  /**
   * Stop an article import (they run in a worker thread), or every one in progress when no id is given; the import
   * then fails with `import.cancelled` and nothing is written.
   */
  cancelImport: method({
    channel: 'import:cancel',
    args: [id.optional()],
    returns: returns<void>(),
    desk: 'editor', // only editors import; without an id it stops everyone's
  }),
};
