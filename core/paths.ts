import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, whether running from sources (tsx, vitest) or from the compiled
 * `dist/` tree (npm start). Files shipped with the project (schema/, data/) are found from here.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
export const PROJECT_ROOT = here.replace(/[/\\]dist[/\\]core[/\\]$/, '/').replace(/[/\\]core[/\\]$/, '/');

export function projectPath(...parts: string[]): string {
  return PROJECT_ROOT + parts.join('/');
}
