// Starts the four memoising fixture subgraphs (one process each, on the load core) and writes the
// supergraph composed over their URLs.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeFixtureSupergraph } from '../fixtures/compose.mjs';
import { FIXTURE_NAMES } from '../fixtures/subgraphs.mjs';
import { freePort, startProcess, waitForReadyLine } from './proc.mjs';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'server.mjs');

export async function startFixtures(workDir) {
  const procs = [];
  try {
    const urls = {};
    for (const name of FIXTURE_NAMES) {
      const port = await freePort();
      const proc = startProcess(process.execPath, [SERVER, name, '--port', String(port)], {
        label: `fixture ${name}`,
      });
      procs.push(proc);
      urls[name] = (await waitForReadyLine(proc)).url;
    }
    const supergraphPath = join(workDir, 'supergraph.graphql');
    writeFileSync(supergraphPath, composeFixtureSupergraph(urls));
    return {
      urls,
      supergraphPath,
      pids: procs.map((p) => p.pid),
      stop: () => Promise.all(procs.map((p) => p.stop())),
    };
  } catch (error) {
    await Promise.all(procs.map((p) => p.stop()));
    throw error;
  }
}
