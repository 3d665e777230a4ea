/**
 * Monaco (GraphiQL 5's editor) runs language services in web workers. They are bundled next to
 * the app at build time and loaded from the hub itself — never from a CDN — so the IDE works offline.
 */
const base = new URL('./', import.meta.url);

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file =
      label === 'graphql' ? 'graphql.worker.js' : label === 'json' ? 'json.worker.js' : 'editor.worker.js';
    return new Worker(new URL(file, base));
  },
};
