import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '#domain/schemas/sync';

const page = (data: unknown) => ({
  cursor: 'c1',
  hasMore: false,
  reset: false,
  lastMutationId: 0,
  changes: [{ entity: 'session', id: '0190a0b1-5e55-7000-8000-000000000001', version: 1, deleted: false, data }],
});

describe('a pull page', () => {
  it("passes each row's fields on as they came, without copying them", () => {
    const data = { id: '0190a0b1-5e55-7000-8000-000000000001', title: 'Tập huấn', topicIds: [] };
    expect(pullResponseSchema.parse(page(data)).changes[0]!.data).toBe(data);
    expect(pullResponseSchema.parse(page(null)).changes[0]!.data).toBeNull();
  });

  it('refuses row fields that are not an object', () => {
    for (const data of [[], 'row', 3, true, undefined])
      expect(pullResponseSchema.safeParse(page(data)).success).toBe(false);
  });
});
