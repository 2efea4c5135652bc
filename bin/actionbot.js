#!/usr/bin/env node
// The operator CLI runs the TypeScript sources directly through tsx: nothing to build.
import { register } from 'tsx/esm/api';

register();
const { cli, quietOnClosedPipe } = await import('../src/cli.ts');
quietOnClosedPipe(process.stdout);
process.exitCode = await cli(process.argv.slice(2));
