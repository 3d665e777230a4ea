import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'undici';

/** One read of the supergraph source: its text and a content hash (to skip unchanged reloads). */
export interface SupergraphText {
  readonly sdl: string;
  readonly hash: string;
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Reads the supergraph SDL from a file path or an http(s) URL. Throws with a clear message. */
export async function readSupergraph(location: string, timeoutMs = 10_000): Promise<SupergraphText> {
  const sdl = isUrl(location) ? await fetchText(location, timeoutMs) : await readFileText(location);
  if (sdl.trim() === '') throw new Error(`supergraph ${location} is empty`);
  return { sdl, hash: createHash('sha256').update(sdl).digest('hex').slice(0, 16) };
}

async function readFileText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read supergraph file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

async function fetchText(url: string, timeoutMs: number): Promise<string> {
  const response = await request(url, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`supergraph ${url} answered HTTP ${response.statusCode}`);
  return text;
}
