import { randomUUID } from 'node:crypto';
import type { Project, TargetCell } from '../../contract';
import { TARGET_LANGS } from '../../contract';
import { nfc } from '../../../common/text/canonical';
import { AppError } from '../errors';

/** Marks a portable project file. */
export const PROJECT_FILE_FORMAT = 'bilingual-review-project';
/** The version this app writes; files of a newer version are refused with a clear message. */
export const PROJECT_FILE_VERSION = 1;

const STATUSES = new Set(['empty', 'machine', 'edited', 'approved', 'error']);

/** The portable file of a project (File › Export project, the CLI's `-o`): versioned JSON. */
export function encodeProjectFile(project: Project, exportedAt: string): string {
  return JSON.stringify(
    { format: PROJECT_FILE_FORMAT, version: PROJECT_FILE_VERSION, exportedAt, project },
    null,
    2,
  );
}

function check(ok: boolean, detail: string): asserts ok {
  if (!ok) throw new AppError('projectFile.invalid', { detail });
}

/** Validate a project (from a file) well enough that the app can open it without failing later. */
export function validateProject(p: unknown): Project {
  const o = p as Record<string, unknown> | null;
  check(!!o && typeof o === 'object', 'not an object');
  check(o.schemaVersion === 1, 'schemaVersion');
  check(typeof o.id === 'string' && typeof o.name === 'string', 'id/name');
  check(!!o.source && typeof o.source === 'object', 'source');
  check(Array.isArray(o.glossary), 'glossary');
  check(Array.isArray(o.segments), 'segments');
  const ids = new Set<string>();
  (o.segments as unknown[]).forEach((s, i) => {
    const seg = s as Record<string, unknown> | null;
    check(!!seg && typeof seg.id === 'string' && !ids.has(seg.id), `row ${i + 1}: id`);
    ids.add(seg.id as string);
    check(typeof seg.source === 'string' && typeof seg.kind === 'string', `row ${i + 1}: source`);
    check(typeof seg.translate === 'boolean', `row ${i + 1}: translate`);
    const targets = seg.targets as Record<string, { text?: unknown; status?: unknown }> | undefined;
    for (const lang of TARGET_LANGS) {
      const c = targets?.[lang];
      check(!!c && typeof c.text === 'string' && STATUSES.has(String(c.status)), `row ${i + 1}: ${lang}`);
    }
  });
  return composed(o as unknown as Project);
}

/** A cell's texts as the app stores them: composed (NFC), comments as cell texts (a file written on a Mac). */
const composedCell = (c: TargetCell): TargetCell => ({
  ...c,
  text: nfc(c.text),
  ...(typeof c.mt === 'string' ? { mt: nfc(c.mt) } : {}),
  ...(typeof c.suggestion === 'string' ? { suggestion: nfc(c.suggestion) } : {}),
  ...(typeof c.comment === 'string' ? { comment: nfc(c.comment) } : {}),
});

function composed(p: Project): Project {
  return {
    ...p,
    segments: p.segments.map((s) => ({
      ...s,
      source: nfc(s.source),
      targets: { ...s.targets, vi: composedCell(s.targets.vi), en: composedCell(s.targets.en) },
    })),
  };
}

/**
 * Read a project file: the versioned wrapper, or a bare version-1 project (what the CLI wrote before). Throws
 * `projectFile.notJson`, `projectFile.newer` or `projectFile.invalid`.
 */
export function decodeProjectFile(text: string): Project {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('projectFile.notJson');
  }
  const o = data as Record<string, unknown> | null;
  if (o && typeof o === 'object' && o.format === PROJECT_FILE_FORMAT) {
    if (typeof o.version !== 'number' || o.version > PROJECT_FILE_VERSION)
      throw new AppError('projectFile.newer', { version: String(o.version) });
    return validateProject(o.project);
  }
  if (o && typeof o === 'object' && typeof o.schemaVersion === 'number' && o.schemaVersion > 1)
    throw new AppError('projectFile.newer', { version: String(o.schemaVersion) });
  return validateProject(o);
}

/** A project read from a file gets a fresh id when one with its id already exists here. */
export function withFreshId(p: Project): Project {
  return { ...p, id: randomUUID() };
}
