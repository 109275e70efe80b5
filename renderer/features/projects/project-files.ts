import type { Project } from '../../../electron/contract';
import { api } from '../../api';
import { downloadBase64, fileToBase64 } from '../../components/base64';

/** The extension of the portable project file the browser downloads. */
export const PROJECT_FILE_EXT = '.brproj';

/** `<name>.brproj` from the name the Node side suggests (whatever its extension). */
export function projectFileName(suggested: string): string {
  const base = suggested.replace(/\.review\.json$|\.json$|\.brproj$/i, '') || 'project';
  return `${base}${PROJECT_FILE_EXT}`;
}

/** Download a project as its portable, versioned file (File › Export project in browser mode). */
export async function downloadProjectFile(projectId: string): Promise<string> {
  const file = await api.exportProjectFile(projectId);
  const name = projectFileName(file.fileName);
  downloadBase64(name, 'application/json', file.dataBase64);
  return name;
}

/** Read a project file the reviewer picked and import it (a new id when one like it exists). */
export async function importProjectFrom(file: File): Promise<Project> {
  return api.importProjectFile({ fileName: file.name, dataBase64: await fileToBase64(file) });
}

/** Download the whole translation memory as TMX 1.4b. */
export async function downloadTmx(): Promise<string> {
  const file = await api.exportTmx();
  downloadBase64(file.fileName, 'application/x-tmx+xml', file.dataBase64);
  return file.fileName;
}

/** Import an agency's (or another desk's) TMX into the memory. */
export async function importTmxFrom(file: File): Promise<{ imported: number; skipped: number }> {
  return api.importTmx({ fileName: file.name, dataBase64: await fileToBase64(file) });
}
