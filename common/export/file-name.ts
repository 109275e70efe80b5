/**
 * Export file names: the project's name (editable in the export dialog) as a safe ASCII slug, so the file opens,
 * mails and uploads anywhere (no Hangul or Vietnamese letters in names a CMS or a zip tool may mangle). Hangul is
 * romanized syllable by syllable (Revised Romanization letters, without the sound-change rules), Vietnamese and
 * other Latin letters lose their marks (đ → d), everything else becomes a hyphen.
 */
import { romanizeSyllable } from '../text/hangul-roman';

/** The ASCII slug of a name: lower-case letters and digits joined by single hyphens, at most 60 characters. */
export function fileSlug(name: string): string {
  const latin = name
    .normalize('NFKC')
    // Hangul words romanized; a word boundary inside stays a boundary.
    .replace(/[\uAC00-\uD7A3]+/g, (word) =>
      [...word].map((c) => romanizeSyllable(c.codePointAt(0)!)).join(''),
    )
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const slug = latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** A name typed in the export dialog, made safe (the default when it is empty). */
export function exportBaseName(typed: string | undefined, projectName: string): string {
  return fileSlug(typed?.trim() ? typed : projectName);
}
