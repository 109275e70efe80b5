// `npm run bench:qa`: how well the checker does on the labelled corpus (common/qa/corpus), on the frozen test part
// (the figure that counts) and separately on the development part. Precision and recall per check and language,
// row counts, and errors vs warnings vs notes on correct rows. Not a test: it prints figures.
//   --list      also list the development part's misses and false alarms (what to work on)
//   --list-test list the test part's failing rows: only to apply the move rule in common/qa/corpus/README.md
import dev from '../common/qa/corpus/dev.json';
import { scoreCorpus, type Corpus, type Score } from '../common/qa/corpus/score';
import test from '../common/qa/corpus/test.json';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

function print(name: string, s: Score, list: boolean): boolean {
  console.log(
    `\n=== ${name} part: ${s.rows} rows (${s.correctRows} correct, ${s.plantedRows} with ${s.planted} planted errors) ===`,
  );
  const recall = s.found / s.planted;
  const alarmRate = s.correctWithError / s.correctRows;
  const okRecall = recall >= 0.95;
  const okAlarms = alarmRate <= 1 / 30;
  console.log(
    `planted errors found: ${s.found}/${s.planted} (${pct(s.found, s.planted)}; as an error ${pct(s.foundAsError, s.planted)}) (target ≥ 95 %) ${okRecall ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `correct rows carrying an error: ${s.correctWithError}/${s.correctRows} (${pct(s.correctWithError, s.correctRows)}) (target ≤ 1 in 30) ${okAlarms ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `correct rows carrying a warning: ${s.correctWithWarning}/${s.correctRows}; carrying a note: ${s.correctWithNote}/${s.correctRows} (${s.notesOnCorrect} notes)`,
  );
  console.log('recall per labelled check and language (found / planted):');
  for (const [k, r] of [...s.recall].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `  ${k.padEnd(16)} ${String(r.found).padStart(3)}/${String(r.planted).padEnd(3)} ${pct(r.found, r.planted)}`,
    );
  console.log('precision per check and language (findings on a planted error / on a clean cell):');
  for (const [k, t] of [...s.precision].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `  ${k.padEnd(16)} tp ${String(t.tp).padStart(3)}  fp ${String(t.fp).padStart(3)}  ${pct(t.tp, t.tp + t.fp)}`,
    );
  if (list) {
    console.log(`missed (${s.missed.length}):\n  ${s.missed.join('\n  ')}`);
    console.log(`findings on clean cells (${s.alarms.length}):\n  ${s.alarms.join('\n  ')}`);
  }
  return okRecall && okAlarms;
}

const args = new Set(process.argv.slice(2));
const okTest = print('frozen test', scoreCorpus(test as Corpus), args.has('--list-test'));
print('development', scoreCorpus(dev as Corpus), args.has('--list'));
process.exit(okTest ? 0 : 1);
