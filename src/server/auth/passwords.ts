// scrypt password hashes (docs/api.md §2). A hash records its own cost, `scrypt$N$r$p$salt$key`, so hashes made
// with a lower test cost, or before a cost change, still verify.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  // Node refuses N=2^17, r=8 under its default 32 MiB limit (it needs 128·N·r bytes).
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, N: number): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const dummyHashes = new Map<number, Promise<string>>();

/** Spends the same time as a real check when the username is unknown, so timing does not reveal which names exist. */
export async function verifyAgainstDummy(password: string, N: number): Promise<false> {
  let dummy = dummyHashes.get(N);
  if (!dummy) dummyHashes.set(N, (dummy = hashPassword(randomBytes(12).toString('base64'), N)));
  await verifyPassword(password, await dummy);
  return false;
}
