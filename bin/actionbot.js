#!/usr/bin/env node
// The operator CLI runs the compiled bundle; in a checkout it is rebuilt first when src/ is newer.
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
const { cli, quietOnClosedPipe } = await import('../dist/cli.js');
quietOnClosedPipe(process.stdout);
process.exitCode = await cli(process.argv.slice(2));
