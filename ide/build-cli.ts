/** `npm run build` step: bundles GraphiQL into dist/ide. */
import { buildIde } from './bundle.js';

const outdir = await buildIde();
process.stdout.write(`built GraphiQL into ${outdir}\n`);
