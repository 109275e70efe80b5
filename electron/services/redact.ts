/**
 * Secrets this process holds (the DeepL key once it is used). Whatever text leaves for a log, the UI or a crash
 * report goes through {@link redact}, so even a library error that echoes its request (with the key in a header)
 * cannot carry the key out.
 */
const secrets = new Set<string>();

/** Remember a secret to redact from now on (short strings are ignored: they would redact ordinary words). */
export function addSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

/** Replace every remembered secret in `text` with `[redacted]`. */
export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}
