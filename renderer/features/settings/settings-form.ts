import { useCallback, useState } from 'react';
import type {
  EnglishVariant,
  LengthLimits,
  MemorySettings,
  SettingsPatch,
  SettingsView,
  UiLang,
} from '../../../electron/contract';

/** What the Settings form holds while the reviewer edits it. */
export interface SettingsForm {
  /** A new DeepL key; empty keeps the stored one. */
  key: string;
  /** Forget the stored key (when no new one is typed). */
  forget: boolean;
  serverUrl: string;
  variant: EnglishVariant;
  reviewer: string;
  paragraphContext: boolean;
  /** '' follows the system language. */
  uiLanguage: UiLang | '';
  /** Characters per row kind; a kind left out has no limit. */
  limits: LengthLimits;
  /** Memory badges, 101 % auto-approval and the estimate threshold (Settings › Memory). */
  memory: MemorySettings;
}

/** One field's setter, as the form's sections receive it. */
export type SetField = <K extends keyof SettingsForm>(field: K, value: SettingsForm[K]) => void;

/** The form as the saved settings fill it. */
export function initialForm(s: SettingsView): SettingsForm {
  return {
    key: '',
    forget: false,
    serverUrl: s.serverUrl ?? '',
    variant: s.englishVariant,
    reviewer: s.reviewerName,
    paragraphContext: s.paragraphContext,
    uiLanguage: s.uiLanguage ?? '',
    limits: s.lengthLimits ?? {},
    memory: s.memory,
  };
}

/**
 * Only what the reviewer changed: an address that came from the environment must not be copied into Settings, and
 * an untouched key field keeps the stored key.
 */
export function settingsPatch(form: SettingsForm, s: SettingsView): SettingsPatch {
  const patch: SettingsPatch = {};
  const url = form.serverUrl.trim() || null;
  if (url !== s.serverUrl) patch.serverUrl = url;
  if (form.variant !== s.englishVariant) patch.englishVariant = form.variant;
  if (form.reviewer.trim() !== s.reviewerName) patch.reviewerName = form.reviewer.trim();
  if (form.paragraphContext !== s.paragraphContext) patch.paragraphContext = form.paragraphContext;
  if ((form.uiLanguage || null) !== s.uiLanguage) patch.uiLanguage = form.uiLanguage || null;
  if (!sameLimits(form.limits, s.lengthLimits ?? {})) patch.lengthLimits = form.limits;
  const memory = changedMemory(form.memory, s.memory);
  if (memory) patch.memory = memory;
  if (form.key.trim()) patch.deeplAuthKey = form.key.trim();
  else if (form.forget) patch.deeplAuthKey = null;
  return patch;
}

/** The form's state, filled from `s` once, and a setter per field. */
export function useSettingsForm(s: SettingsView): { form: SettingsForm; set: SetField } {
  const [form, setForm] = useState(() => initialForm(s));
  const set = useCallback<SetField>((field, value) => setForm((f) => ({ ...f, [field]: value })), []);
  return { form, set };
}

function sameLimits(a: LengthLimits, b: LengthLimits): boolean {
  const kinds = ['headline', 'subheadline', 'caption', 'lead'] as const;
  return kinds.every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** The memory settings the form changed, or null. */
function changedMemory(form: MemorySettings, saved: MemorySettings): Partial<MemorySettings> | null {
  const keys = ['badgeThreshold', 'autoApproveContext', 'confirmCharacters'] as const;
  const changed = keys.filter((k) => form[k] !== saved[k]);
  return changed.length ? Object.fromEntries(changed.map((k) => [k, form[k]])) : null;
}
