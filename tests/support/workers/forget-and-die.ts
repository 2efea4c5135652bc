// Two members leave signatures and forget them within a minute, then the process dies (kill -9) owing
// the second AOF rewrite: `forget-and-die.ts REDIS_URL PREFIX`.
import { testApp } from '../app.js';
import { typer } from '../invoke.js';

const [redisUrl, storePrefix] = process.argv.slice(2);
const app = await testApp({ redisUrl: redisUrl!, storePrefix: storePrefix! });
const type = typer(app.deps);
for (const [userId, name] of [['7301111111', 'Quillfeather'], ['7302222222', 'Yarrowmere']] as const) {
  await type({ userId, platform: 'telegram' }, `/letter ua-34-25 name="Zelda ${name}" town="Xanthorpe" remember=on`);
}
for (const userId of ['7301111111', '7302222222']) await type({ userId, platform: 'telegram' }, '/forgetme yes');
process.stdout.write('forgotten\n');
process.kill(process.pid, 'SIGKILL');
