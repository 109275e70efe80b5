import 'i18next';
import type { resources } from './index';

// Typed keys: a key missing from the English source, or a wrong namespace, fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
