// Types of tools/largest-units.mjs, for its tests.
export interface Unit {
  file: string;
  line: number;
  name: string;
  lines: number;
}
export function largestUnits(base?: string, max?: number): Unit[];
