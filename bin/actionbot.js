#!/usr/bin/env node
// The operator CLI runs the compiled bundle; in a checkout it is rebuilt first when src/ is newer.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
const { cli } = await import('../dist/cli.js');
process.exitCode = await cli(process.argv.slice(2));
