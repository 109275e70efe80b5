// Types of tools/import-graph.mjs, for its tests.
export type Graph = Map<string, string[]>;
export function importGraph(base?: string): Graph;
export function cycles(graph: Graph): string[][];
export function layerOf(file: string): number | null;
export function upwardImports(graph: Graph): string[];
export function domainCycles(graph: Graph): string[][];
export function problems(graph: Graph): string[];
