import { createNodeI18n } from '../services/i18n';

/**
 * The main process's translation function for one namespace (the menu, native dialogs): i18next on the same
 * `locales/<lng>/<ns>.json` files the renderer bundles. Missing keys fall back to English, then to the key.
 */
export function loadMainT(
  appRoot: string,
  lng: string,
  ns = 'menu',
): (key: string, params?: Record<string, string | number>) => string {
  const t = createNodeI18n(appRoot, lng).getFixedT(null, ns);
  return (key, params) => t(key, params ?? {});
}
