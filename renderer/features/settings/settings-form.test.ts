import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_SETTINGS, type SettingsView } from '../../../electron/contract';
import { initialForm, settingsPatch, type SettingsForm } from './settings-form';

const view = fc.record<SettingsView>({
  keySource: fc.constantFrom('env', 'settings', 'none'),
  canStoreKey: fc.boolean(),
  serverUrl: fc.option(fc.webUrl(), { nil: null }),
  englishVariant: fc.constantFrom('en-US', 'en-GB'),
  reviewerName: fc.string().map((s) => s.trim()),
  paragraphContext: fc.boolean(),
  uiLanguage: fc.constantFrom('en', 'ko', 'vi', null),
  lengthLimits: fc.record(
    { headline: fc.integer({ min: 1, max: 500 }), lead: fc.integer({ min: 1, max: 2000 }) },
    { requiredKeys: [] },
  ),
  memory: fc.record({
    badgeThreshold: fc.integer({ min: 75, max: 99 }),
    autoApproveContext: fc.boolean(),
    confirmCharacters: fc.nat(),
  }),
});

describe('the Settings form saves only what the reviewer changed', () => {
  it('an untouched form saves nothing, whatever the settings (an address from the environment stays there)', () => {
    fc.assert(
      fc.property(view, (s) => {
        expect(settingsPatch(initialForm(s), s)).toEqual({});
      }),
    );
  });

  it('each changed field, and only it, is in the patch', () => {
    fc.assert(
      fc.property(
        view,
        fc.string({ minLength: 1 }).filter((k) => k.trim() !== ''),
        (s, key) => {
          const form = initialForm(s);
          const changed: SettingsForm = {
            ...form,
            key: ` ${key} `,
            variant: s.englishVariant === 'en-US' ? 'en-GB' : 'en-US',
            paragraphContext: !s.paragraphContext,
          };
          expect(settingsPatch(changed, s)).toEqual({
            deeplAuthKey: key.trim(),
            englishVariant: changed.variant,
            paragraphContext: changed.paragraphContext,
          });
        },
      ),
    );
  });

  it('forgets the key only when no new one is typed; blank fields mean "none" and "follow the system"', () => {
    const s: SettingsView = {
      keySource: 'settings',
      canStoreKey: true,
      serverUrl: 'https://deepl.example',
      englishVariant: 'en-US',
      reviewerName: 'Lan',
      paragraphContext: false,
      uiLanguage: 'vi',
      lengthLimits: {},
      memory: DEFAULT_MEMORY_SETTINGS,
    };
    const form = { ...initialForm(s), forget: true, serverUrl: '  ', uiLanguage: '' as const };
    expect(settingsPatch(form, s)).toEqual({ deeplAuthKey: null, serverUrl: null, uiLanguage: null });
    expect(settingsPatch({ ...form, key: 'k2' }, s).deeplAuthKey).toBe('k2');
    expect(settingsPatch({ ...initialForm(s), reviewer: ' Lan ' }, s)).toEqual({});
  });

  it('a changed length limit is saved as the whole set; clearing one removes its limit', () => {
    const s: SettingsView = {
      keySource: 'none',
      canStoreKey: false,
      serverUrl: null,
      englishVariant: 'en-US',
      reviewerName: '',
      paragraphContext: false,
      uiLanguage: null,
      lengthLimits: { headline: 80, caption: 200 },
      memory: { badgeThreshold: 85, autoApproveContext: false, confirmCharacters: 20_000 },
    };
    const form = initialForm(s);
    expect(settingsPatch({ ...form, limits: { headline: 80, caption: 200 } }, s)).toEqual({});
    expect(settingsPatch({ ...form, limits: { caption: 200 } }, s)).toEqual({
      lengthLimits: { caption: 200 },
    });
    // Memory settings: only what changed.
    expect(settingsPatch({ ...form, memory: { ...s.memory, badgeThreshold: 90 } }, s)).toEqual({
      memory: { badgeThreshold: 90 },
    });
    expect(settingsPatch({ ...form, memory: { ...s.memory } }, s)).toEqual({});
  });
});
