/**
 * House-style parameters of the DeepL-compatible test server (`deepl-server.ts`): style rule lists
 * (`style_id`), custom instructions (`custom_instructions`) and translation memories (`translation_memory_id`,
 * `translation_memory_threshold`), checked as DeepL documents them and applied in a visible, deterministic way:
 *
 * - a style rule list has a language and may carry instructions of its own; an instruction of the form
 *   `Write "X" as "Y"` replaces X by Y in the answer (any other instruction is only recorded);
 * - a translation memory answers a text it holds (same Korean, whitespace aside) with its stored translation;
 * - `refuse(feature, status)` makes the server answer requests using that feature with 403 ("not on your plan")
 *   or 400, as DeepL does for a Free account or a target it does not support.
 */

/** The house-style features the server knows. */
export type StyleFeatureParam = 'style_id' | 'custom_instructions' | 'translation_memory_id';

/** A style rule list as stored on the server. */
export interface FakeStyleRule {
  styleId: string;
  /** Target language the list is for (`en`, `de`…; variants such as `en-US` match `en`). */
  language: string;
  instructions?: string[];
}

/** A translation memory as stored on the server. */
export interface FakeTranslationMemory {
  id: string;
  sourceLang: string;
  targetLang: string;
  /** Korean → translation. */
  segments: Array<[string, string]>;
}

/** DeepL's custom-instruction limits and the targets it supports them (and style rules) for. */
export const MAX_INSTRUCTIONS = 10;
export const MAX_INSTRUCTION_CHARS = 300;
const STYLE_TARGETS = new Set(['DE', 'EN', 'ES', 'FR', 'IT', 'JA', 'KO', 'ZH']);

/** Thrown for a request DeepL would refuse: the server turns it into that HTTP status and message. */
export class StyleRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const base = (lang: string) => lang.toUpperCase().split('-')[0]!;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What a valid request asks for: how to answer its texts. */
export interface StyleApplication {
  /** The memory's translation of a text, if it holds one. */
  fromMemory(plainSource: string): string | undefined;
  /** The answer rewritten by the instructions (style rule's and request's). */
  rewrite(answer: string): string;
}

/** The server's style rules, translation memories and refusals. */
export class StyleState {
  readonly rules = new Map<string, FakeStyleRule>();
  readonly memories = new Map<string, FakeTranslationMemory>();
  readonly refusals = new Map<StyleFeatureParam, { status: number; message: string }>();

  reset(): void {
    this.rules.clear();
    this.memories.clear();
    this.refusals.clear();
  }

  /** Refuse requests using a feature (403: the plan; 400: the target), or stop refusing (`null`). */
  refuse(feature: StyleFeatureParam, status: 400 | 403 | null): void {
    if (status === null) this.refusals.delete(feature);
    else
      this.refusals.set(feature, {
        status,
        message:
          status === 403
            ? `'${feature}' is not supported for your plan.`
            : `'${feature}' is not supported for this target language.`,
      });
  }

  /**
   * A control request (`POST /__control/style-rule`, `/translation-memory`, `/refuse`; see deepl-server.ts):
   * its answer, or undefined for another path.
   */
  control(path: string, json: unknown): unknown {
    if (path === '/__control/style-rule') {
      const rule = json as FakeStyleRule;
      this.rules.set(rule.styleId, rule);
      return rule;
    }
    if (path === '/__control/translation-memory') {
      const tm = json as FakeTranslationMemory;
      this.memories.set(tm.id, tm);
      return { id: tm.id };
    }
    if (path === '/__control/refuse') {
      const r = json as { feature: StyleFeatureParam; status: 400 | 403 | null };
      this.refuse(r.feature, r.status);
      return { ok: true };
    }
    return undefined;
  }

  /** Check a translate request's house-style parameters as DeepL does; the way to apply them when valid. */
  check(params: Map<string, string[]>, target: string, source: string | undefined): StyleApplication {
    const one = (k: string) => params.get(k)?.[0];
    const modelType = one('model_type');
    for (const f of ['style_id', 'custom_instructions', 'translation_memory_id'] as const) {
      if (!params.has(f)) continue;
      const refusal = this.refusals.get(f);
      if (refusal) throw new StyleRefusal(refusal.status, refusal.message);
      if (f !== 'translation_memory_id' && modelType === 'latency_optimized')
        throw new StyleRefusal(400, `'${f}' cannot be combined with model_type latency_optimized.`);
      if (f !== 'translation_memory_id' && !STYLE_TARGETS.has(base(target)))
        throw new StyleRefusal(400, `'${f}' is not supported for target_lang ${target}.`);
    }
    const instructions = params.get('custom_instructions') ?? [];
    if (instructions.length > MAX_INSTRUCTIONS)
      throw new StyleRefusal(400, `At most ${MAX_INSTRUCTIONS} custom_instructions are allowed.`);
    if (instructions.some((i) => [...i].length > MAX_INSTRUCTION_CHARS || !i.trim()))
      throw new StyleRefusal(
        400,
        `Each custom instruction must have 1 to ${MAX_INSTRUCTION_CHARS} characters.`,
      );
    const rule = this.rule(one('style_id'), target);
    const memory = this.memory(params, target, source);
    const all = [...(rule?.instructions ?? []), ...instructions];
    return {
      fromMemory: (plain) => memory?.get(squash(plain)),
      rewrite: (answer) => rewriteAll(answer, all),
    };
  }

  private rule(id: string | undefined, target: string): FakeStyleRule | undefined {
    if (id === undefined) return undefined;
    const rule = this.rules.get(id);
    if (!rule) throw new StyleRefusal(400, 'Invalid style_id.');
    if (base(rule.language) !== base(target))
      throw new StyleRefusal(400, 'The target language has to match the language of the style rule list.');
    return rule;
  }

  private memory(params: Map<string, string[]>, target: string, source: string | undefined) {
    const id = params.get('translation_memory_id')?.[0];
    const threshold = params.get('translation_memory_threshold')?.[0];
    if (threshold !== undefined) {
      if (id === undefined)
        throw new StyleRefusal(400, "'translation_memory_threshold' needs a translation memory.");
      const n = Number(threshold);
      if (!Number.isInteger(n) || n < 0 || n > 100)
        throw new StyleRefusal(400, "Value for 'translation_memory_threshold' not supported.");
    }
    if (id === undefined) return undefined;
    const tm = this.memories.get(id);
    if (!tm) throw new StyleRefusal(400, 'Invalid translation_memory_id.');
    if (
      (source !== undefined && base(tm.sourceLang) !== base(source)) ||
      base(tm.targetLang) !== base(target)
    )
      throw new StyleRefusal(400, 'The translation memory does not match the language pair.');
    return new Map(tm.segments.map(([k, v]) => [squash(k), v]));
  }
}

/** Apply every `Write "X" as "Y"` instruction to the answer (outside XML tags), in order. */
function rewriteAll(answer: string, instructions: readonly string[]): string {
  let out = answer;
  for (const i of instructions) {
    const m = /^Write "([^"]+)" as "([^"]*)"\.?$/i.exec(i.trim());
    if (!m) continue;
    out = out
      .split(/(<[^>]*>)/)
      .map((part) => (part.startsWith('<') ? part : part.split(m[1]!).join(m[2]!)))
      .join('');
  }
  return out;
}
