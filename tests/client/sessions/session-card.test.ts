import { describe, expect, it } from 'vitest';
import { sameCard } from '#client/features/sessions/session-card.tsx';
import type { SessionListItem } from '#client/features/sessions/use-session-list.ts';
import { seedDevice, storedSession } from './fixtures';

describe('sameCard', () => {
  it('is true for a fresh copy of the same session, and false when anything the card shows differs', async () => {
    const device = await seedDevice();
    const session = storedSession(device, { title: 'Tập huấn ở bản Xiềng', status: 'submitted' });
    const item: SessionListItem = { session, people: 12 };
    expect(sameCard(item, { session: structuredClone(session), people: 12 })).toBe(true);
    // Fields the card does not show do not redraw it.
    expect(sameCard(item, { session: { ...session, topicIds: [], version: 9 }, people: 12 })).toBe(true);
    const changed: Partial<SessionListItem['session']>[] = [
      { title: 'Tập huấn ở bản Xiềng (sửa)' },
      { startDate: '2020-01-01' },
      { endDate: '2030-01-01' },
      { communeName: 'Xã khác' },
      { placeName: 'Nơi khác' },
      { status: 'approved' },
      { reviewComment: 'Góp ý' },
      { pending: !session.pending },
      { rejected: !session.rejected },
    ];
    for (const change of changed)
      expect(sameCard(item, { session: { ...session, ...change }, people: 12 })).toBe(false);
    expect(sameCard(item, { session, people: 13 })).toBe(false);
  });
});
