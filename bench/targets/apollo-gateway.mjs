// Peer target: @apollo/gateway on Apollo Server 5 (standalone, node:http), one process.
// node targets/apollo-gateway.mjs --supergraph <file> --port <n> [--host 127.0.0.1]
// Run with APOLLO_TELEMETRY_DISABLED=1 (the harness sets it). Prints {"ready":true,…} once listening.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const { values } = parseArgs({
  options: { supergraph: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
});
const host = values.host ?? '127.0.0.1';
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(values.supergraph, 'utf8') });
const server = new ApolloServer({ gateway, introspection: false });
const { url } = await startStandaloneServer(server, { listen: { host, port: Number(values.port ?? 0) } });
process.stdout.write(`${JSON.stringify({ ready: true, url: `${url.replace(/\/$/, '')}/` })}\n`);
process.on('SIGTERM', () => server.stop().finally(() => process.exit(0)));
