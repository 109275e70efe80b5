/**
 * Words our exported documents carry themselves (markers, table headers, report headings), in the language of the
 * document: a Vietnamese article says "[CHƯA DUYỆT — hàng 6]", the review DOCX and report use the interface language.
 * They live with the UI strings (`locales/<lng>/export.json`, key `doc`) so translators find them in one place.
 */
import en from '../../../locales/en/export.json' with { type: 'json' };
import ko from '../../../locales/ko/export.json' with { type: 'json' };
import vi from '../../../locales/vi/export.json' with { type: 'json' };

/** A language a document can be written in: the targets, and Korean for the interface. */
export type DocLang = 'en' | 'ko' | 'vi';
export type DocStrings = typeof en.doc;

const DOC: Record<DocLang, DocStrings> = { en: en.doc, ko: ko.doc, vi: vi.doc };

/** The strings of one language (English for anything unknown). */
export function docStrings(lang: string): DocStrings {
  return DOC[lang as DocLang] ?? DOC.en;
}

/** `{{name}}` placeholders filled in. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
