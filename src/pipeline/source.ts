/** File names the pipeline reads as plans. */
import { basename, extname } from 'node:path';

export const TEXT_EXTENSIONS = ['.txt', '.md'];
/** Every extension read as a plan: text, and Word, PDF and HTML through ./formats. */
export const PLAN_EXTENSIONS = [...TEXT_EXTENSIONS, '.docx', '.pdf', '.html', '.htm'];

export function stemOf(file: string): string {
  return basename(file, extname(file));
}
