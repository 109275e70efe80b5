import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/files';

/** Where and how big the window was, kept in `<dataDir>/window-state.json`. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's work area (screen minus task bars), as Electron's `screen` reports it. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The first start's window. */
export const DEFAULT_WINDOW: WindowState = { width: 1440, height: 900, maximized: false };
const MIN = { width: 900, height: 560 };

/** The saved state, or the default when there is none or it is damaged. */
export async function loadWindowState(dataDir: string): Promise<WindowState> {
  try {
    const raw = JSON.parse(
      await readFile(join(dataDir, 'window-state.json'), 'utf8'),
    ) as Partial<WindowState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
    const width = num(raw.width);
    const height = num(raw.height);
    if (!width || !height) return DEFAULT_WINDOW;
    const x = num(raw.x);
    const y = num(raw.y);
    return {
      width,
      height,
      maximized: raw.maximized === true,
      ...(x !== undefined && y !== undefined ? { x, y } : {}),
    };
  } catch {
    return DEFAULT_WINDOW;
  }
}

/** Save the state (atomically: a crash while quitting never leaves a half-written file). */
export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await writeFileAtomic(join(dataDir, 'window-state.json'), Buffer.from(JSON.stringify(state)), {
    overwrite: true,
  });
}

/**
 * Make a saved state fit today's displays: a window saved on a monitor that is gone (or a smaller one) would open
 * off screen. Keep the position only if a usable part of the title bar lands on some display; never larger than
 * the largest display; never below the minimum size.
 */
export function fitToDisplays(state: WindowState, displays: readonly Area[]): WindowState {
  if (displays.length === 0) return state;
  const maxW = Math.max(...displays.map((d) => d.width));
  const maxH = Math.max(...displays.map((d) => d.height));
  const width = Math.max(MIN.width, Math.min(state.width, maxW));
  const height = Math.max(MIN.height, Math.min(state.height, maxH));
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const titleBar = { x: state.x, y: state.y, width, height: 40 };
  const visible = displays.some((d) => overlap(titleBar, d) >= 100 * 20);
  return visible ? { ...fitted, x: state.x, y: state.y } : fitted;
}

function overlap(a: Area, b: Area): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
