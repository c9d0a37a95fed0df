// A PostgreSQL cluster of the test's own, for tests that stop and start the database: initdb into a
// temporary directory as the `postgres` user, on a free port with its socket in that directory. The
// shared server at TEST_DATABASE_URL is never stopped. `remove()` stops the cluster and deletes it.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateCluster {
  url: string;
  start: () => void;
  stop: (mode: 'fast' | 'immediate' | 'smart') => void;
  remove: () => void;
}

/** Whether this machine can run one: PostgreSQL's tools on PATH and a `postgres` user to run them as. */
export function canRunPrivateCluster(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v initdb && command -v pg_ctl && id postgres'], { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const root = mkdtempSync(join(tmpdir(), 'tlb-pg-'));
  chownSync(root, uidOf('postgres'), gidOf('postgres'));
  const data = join(root, 'data');
  const port = await freePort();
  asPostgres(`initdb -D ${data} -A trust -U postgres --no-sync >/dev/null`);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: PrivateCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => asPostgres(`pg_ctl -D ${data} -o "${options}" -l ${join(root, 'log')} -w -t 60 start >/dev/null`),
    stop: (mode) => asPostgres(`pg_ctl -D ${data} -m ${mode} -w -t 60 stop >/dev/null`),
    remove: () => {
      if (existsSync(join(data, 'postmaster.pid'))) {
        try {
          cluster.stop('immediate');
        } catch {
          // Already stopping or stopped: the directory goes either way.
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
