// The figures of `npm run bench:desk`, one line each: `name: median unit (first run …) (target …) PASS|FAIL`; a
// missed target makes the bench exit non-zero.
let failed = 0;

/** How many figures missed their target so far. */
export const failures = () => failed;

export function line(
  name: string,
  first: number,
  med: number,
  unit: string,
  target?: { op: '<' | '>=' | '='; value: number },
) {
  const ok =
    !target ||
    (target.op === '<'
      ? med < target.value
      : target.op === '>='
        ? med >= target.value
        : med === target.value);
  if (!ok) failed++;
  const goal = target ? ` (target ${target.op} ${target.value}) ${ok ? 'PASS' : 'FAIL'}` : '';
  console.log(
    `${name}: ${med.toFixed(unit === 'count' ? 0 : 1)} ${unit} (first run ${first.toFixed(1)})${goal}`,
  );
}
