import { z } from 'zod';
import { firstControlChar } from './control-chars';
import { TARGET_LANGS, UI_LANGS } from './model';
import { EXPORT_FORMATS } from './requests';

// Argument schemas shared by several methods of the table (methods/*.ts).
// Every argument that crosses from the UI is untrusted: a compromised or buggy renderer must not reach the file
// system or the services with shapes they do not expect. Every transport validates against these.

/** A project, segment, term or import id. */
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A desk account's id. */
export const userId = z.string().uuid();
export const lang = z.enum(TARGET_LANGS);
export const deskRole = z.enum(['reviewer', 'editor', 'admin']);
export const englishVariant = z.enum(['en-US', 'en-GB']);
export const uiLang = z.enum(UI_LANGS);
export const MiB = 1024 * 1024;
/** base64 of the largest article we accept (the import service refuses above its own, lower, limit). */
export const base64 = z
  .string()
  .max(Math.ceil((64 * MiB * 4) / 3))
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const fileName = z.string().min(1).max(255);
export const cellRef = z.object({ projectId: id, segmentId: id, lang }).strict();
/**
 * The sender's key of one change (a save, an approval, "Keep original"…): the same change sent again because its
 * answer was lost carries the same key, and is answered as done instead of being applied or refused again.
 */
export const changeKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** A change of one target cell, with the sender's key of it. */
export const keyedCellRef = cellRef.extend({ key: changeKey.optional() }).strict();
export const exportRequest = z
  .object({
    projectId: id,
    lang: z.union([lang, z.literal('all')]),
    format: z.enum(EXPORT_FORMATS),
    policy: z.enum(['approved-only', 'include-unapproved']),
    segmentation: z.enum(['paragraph', 'sentence']).optional(),
    name: z.string().max(200).optional(),
    uiLanguage: uiLang.optional(),
  })
  .strict();
export const filePayload = z.object({ fileName, dataBase64: base64 }).strict();
export const glossaryEntry = z
  .object({ ko: z.string().max(500), vi: z.string().max(500), en: z.string().max(500) })
  .strict();

/** The zod issue message of a control character in typed text (validation turns it into its own error). */
export const CONTROL_ISSUE = 'text.controlCharacter';
/** Text a person typed: free of the control characters no store or export can carry (one policy with imports). */
export const typed = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const char = firstControlChar(s);
      if (char) ctx.addIssue({ code: 'custom', message: CONTROL_ISSUE, params: { char } });
    });
