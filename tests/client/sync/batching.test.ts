import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '#client/db/local-rows.ts';
import { MAX_PUSH_JSON_BYTES, takeBatch } from '#client/sync/push.ts';

const entry = (id: number, notes = ''): OutboxEntry => ({
  id,
  name: 'session.put',
  args: { id: '01900000-0000-7000-8000-000000000003', notes },
  clientAt: '2026-03-02T08:00:00.000Z',
  status: 'pending',
  entity: 'session',
  entityId: '01900000-0000-7000-8000-000000000003',
});

describe('push batches', () => {
  it('hold at most the given number of mutations, in id order', () => {
    const entries = Array.from({ length: 600 }, (_, i) => entry(i + 1));
    const batch = takeBatch(entries, 500);
    expect(batch).toHaveLength(500);
    expect(batch.map((m) => m.id)).toEqual(entries.slice(0, 500).map((e) => e.id));
    expect(batch[0]).toEqual({ id: 1, name: 'session.put', args: entries[0]!.args, clientAt: entries[0]!.clientAt });
  });

  it('stop before the body would pass 1.5 MB, counting Vietnamese text in bytes', () => {
    const notes = 'Bình đẳng giới '.repeat(250); // ~4,000 characters, more bytes in UTF-8
    const entries = Array.from({ length: 500 }, (_, i) => entry(i + 1, notes));
    const batch = takeBatch(entries, 500);
    const bytes = new TextEncoder().encode(JSON.stringify(batch)).length;
    expect(batch.length).toBeLessThan(500);
    expect(bytes).toBeLessThanOrEqual(MAX_PUSH_JSON_BYTES);
    expect(takeBatch(entries.slice(batch.length), 500)[0]?.id).toBe(batch.length + 1);
  });

  it('always carry at least one mutation', () => {
    expect(takeBatch([entry(1, 'x'.repeat(4000))], 500, 100)).toHaveLength(1);
  });
});
