/**
 * Loads resvg for the first time in this process, with sockets open on a listener on `::` as Bolt
 * has them, and prints what every process report asked for meanwhile: whether it left the network
 * out (a report that looks up each socket's address stops the event loop for seconds).
 */
import { createServer, connect, type Socket } from 'node:net';
import { loadResvg } from '../../../src/web/png.js';

const server = createServer(() => undefined);
await new Promise<void>((resolve) => server.listen(0, () => resolve()));
const { port } = server.address() as { port: number };
const sockets: Socket[] = await Promise.all(
  Array.from({ length: 8 }, () => new Promise<Socket>((resolve) => { const socket = connect(port, '127.0.0.1', () => resolve(socket)); })),
);
const report = process.report as NodeJS.ProcessReport & { excludeNetwork: boolean };
const calls: boolean[] = [];
const getReport = report.getReport.bind(report);
report.getReport = (...args: Parameters<typeof getReport>) => {
  calls.push(report.excludeNetwork);
  return getReport(...args);
};
const { Resvg } = await loadResvg();
console.log(JSON.stringify({ calls, loaded: typeof Resvg === 'function', after: report.excludeNetwork }));
for (const socket of sockets) socket.destroy();
server.close();
