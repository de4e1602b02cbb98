import { rename, writeFile } from 'node:fs/promises';

/** Writes JSON through a temporary file and a rename, so no reader ever sees half a file. */
export async function writeJsonAtomic(path: string, data: unknown): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(data, null, 2) + '\n', 'utf8');
  await rename(tmp, path);
}
