// Password hashing at the production cost, and hashes that carry their own cost.
import { describe, expect, it } from 'vitest';
import { PRODUCTION_SCRYPT_N, loadConfig } from '#server/config';
import { hashPassword, verifyPassword } from '#server/auth/passwords';

describe('password hashes', () => {
  it('hash at N=2^17, r=8, p=1 by default, and verify only the right password', async () => {
    expect(loadConfig({}).scryptN).toBe(2 ** 17);
    const hash = await hashPassword('demo1234', PRODUCTION_SCRYPT_N);
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    expect(await verifyPassword('demo12345', hash)).toBe(false);
  });

  it('salt every hash, so one password never hashes the same twice', async () => {
    expect(await hashPassword('demo1234', 2 ** 10)).not.toBe(await hashPassword('demo1234', 2 ** 10));
  });

  it('verify a hash made at another cost, so the cost can change without locking anyone out', async () => {
    expect(await verifyPassword('mật khẩu', await hashPassword('mật khẩu', 2 ** 12))).toBe(true);
  });

  it('treat the same Vietnamese password typed as composed or decomposed characters alike', async () => {
    const hash = await hashPassword('Sổ tập huấn', 2 ** 10);
    expect(await verifyPassword('Sổ tập huấn'.normalize('NFD'), hash)).toBe(true);
  });

  it('reject a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('demo1234', 'plain-text')).toBe(false);
  });
});
