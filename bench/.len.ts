import dev from '../common/qa/corpus/dev.json';
import { splitSentences } from '../common/qa';
import { contentLength } from '../common/qa/text';
for (const r of dev.rows) {
  const ks = splitSentences(r.ko, 'ko');
  if (ks.length < 2) continue;
  const kl = ks.map(contentLength);
  const f = (t: string, l: 'vi' | 'en') => splitSentences(t, l).map(contentLength);
  const tot = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const lab = r.errors.map((e) => e.lang + ':' + e.kind).join(',') || 'ok';
  console.log(r.id.padEnd(14), lab.padEnd(40), 'ko', kl.join('/'), 'vi', f(r.vi, 'vi').join('/'), (tot(f(r.vi, 'vi')) / tot(kl)).toFixed(2), 'en', f(r.en, 'en').join('/'), (tot(f(r.en, 'en')) / tot(kl)).toFixed(2));
}
