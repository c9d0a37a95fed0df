// A bare HTTP server in a process of its own, answering every request with a fixed SVG body: the control
// beside the app's static-file probe. What it waits for during a burst is the machine's load alone (the
// CPU shared with the app server, the database and the benchmark), not anything the app does.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const SCRIPT = `
const body = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">' + ' '.repeat(800) + '</svg>');
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-cache' });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0)).resume();
`;

export interface BareServer {
  url: string;
  stop: () => void;
}

export async function startBareServer(): Promise<BareServer> {
  const child = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error(`the bare server ended before listening (exit ${child.exitCode})`);
  return {
    url: `http://127.0.0.1:${first.value}`,
    stop: () => {
      child.stdin.end();
    },
  };
}
