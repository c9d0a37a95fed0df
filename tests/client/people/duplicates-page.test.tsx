// The organiser's "Người trùng lặp" screen as a UI: a group's records side by side with their evidence, the
// record to keep chosen and queued with the merge (person.merge in the outbox, offline too), shown waiting to
// be sent, the undo queued after it, and the reason in both languages when the server refuses a merge of
// records whose units answer ethnicity differently.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPushResults } from '#client/db/apply-pull.ts';
import { getUserDb } from '#client/db/database.ts';
import { setLanguage } from '#client/i18n.ts';
import type { DuplicateGroup, PersonEvidence } from '#domain/schemas/people';
import { organiser, seedReference, stubFetch } from '../dashboard/report-fixtures';
import { rememberUser, renderApp, resetApp } from '../shell/app-harness';

const person = (id: string, fullName: string, unitName: string, sessions: number): PersonEvidence => ({
  id,
  unitId: '0190a000-0000-7000-8000-00000000000' + id.slice(-1),
  unitName,
  fullName,
  gender: 'female',
  birthYear: 1985,
  ethnicity: '03',
  phone: '0912345678',
  workplace: 'Trường THPT Con Cuông',
  position: null,
  unionRole: 'member',
  consent: { method: 'signed', at: '2026-01-05' },
  createdAt: '2026-01-05T03:00:00.000Z',
  sessionsAttended: sessions,
  recentSessions: sessions
    ? [{ id: '0190a000-0000-7000-8000-0000000000a1', title: 'Tập huấn bình đẳng giới', startDate: '2026-03-14' }]
    : [],
});
const kept = person('0190a000-0000-7000-8000-000000000001', 'Lò Thị Xuân', 'CĐCS THPT Con Cuông', 2);
const second = person('0190a000-0000-7000-8000-000000000002', 'Lo Thi Xuan', 'CĐCS BVĐK Tương Dương', 1);
const group: DuplicateGroup = {
  score: 100,
  confidence: 'high',
  reasons: ['same_name', 'same_birth_year', 'same_phone'],
  people: [kept, second],
};

function answer() {
  return stubFetch(({ url, method }) => {
    if (url.pathname === '/api/auth/me') return { status: 200, body: { user: organiser } };
    if (url.pathname === '/api/people/duplicates') return { status: 200, body: { groups: [group] } };
    if (url.pathname === '/api/people/merges' && method === 'GET') return { status: 200, body: { merges: [] } };
    return undefined;
  });
}

function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

async function chooseAndMerge(): Promise<HTMLElement> {
  const card = await screen.findByRole('region', { name: 'Lò Thị Xuân' }, { timeout: 5000 });
  fireEvent.click(within(within(card).getByRole('columnheader', { name: /Lo Thi Xuan/ })).getByRole('radio'));
  fireEvent.click(within(card).getByRole('button', { name: 'Gộp 2 bản ghi thành một người' }));
  return card;
}

describe('the duplicate people screen', () => {
  beforeEach(async () => {
    await resetApp();
    rememberUser(organiser);
    await seedReference();
    // The device database outlives a test: start each with nothing queued.
    await getUserDb().outbox.clear();
  });
  afterEach(async () => {
    setOnline(true);
    await resetApp();
  });

  it('shows the records side by side, queues a merge decided offline, then its undo', async () => {
    const requests = answer();
    renderApp('/people/duplicates');
    const card = await screen.findByRole('region', { name: 'Lò Thị Xuân' }, { timeout: 5000 });
    expect(within(card).getByText('Khả năng cao · 100 điểm')).toBeTruthy();
    expect(within(card).getByText('Cùng số điện thoại')).toBeTruthy();
    expect(within(card).getByText('CĐCS BVĐK Tương Dương')).toBeTruthy();
    expect(within(card).getAllByText('Thái')).toHaveLength(2);
    expect(within(card).getByText('2 buổi')).toBeTruthy();

    setOnline(false);
    await chooseAndMerge();
    await screen.findByText(
      'Đã lưu việc gộp 1 bản ghi vào Lo Thi Xuan. Việc gộp sẽ được gửi đi khi đồng bộ.',
      {},
      { timeout: 5000 },
    );
    const db = getUserDb();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'person.merge',
      status: 'pending',
      entity: 'participant',
      entityId: second.id,
      args: { id: second.id, mergedIds: [kept.id], mergeId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown },
    });
    // Waiting to be sent: on the group's card and in the list of changes not yet answered.
    expect(await within(card).findByText('Chờ gửi đi', {}, { timeout: 5000 })).toBeTruthy();
    const waiting = screen.getByRole('region', { name: 'Đang chờ gửi đi' });
    expect(within(waiting).getByText(/Gộp Lò Thị Xuân → Lo Thi Xuan/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname.startsWith('/api/people/merges'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    await screen.findByText(
      'Đã lưu việc hoàn tác gộp Lo Thi Xuan. Việc hoàn tác sẽ được gửi đi khi đồng bộ.',
      {},
      { timeout: 5000 },
    );
    const entries = await db.outbox.orderBy('id').toArray();
    expect(entries.map((e) => [e.name, e.args])).toEqual([
      ['person.merge', entry!.args],
      ['person.unmerge', { id: second.id, mergeId: entry!.args.mergeId }],
    ]);
  }, 20_000);

  it('shows a merge the server refused with the reason, in Vietnamese and in English', async () => {
    answer();
    renderApp('/people/duplicates');
    await chooseAndMerge();
    const db = getUserDb();
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    await applyPushResults(db, {
      lastMutationId: entry!.id,
      results: [
        {
          id: entry!.id,
          status: 'rejected',
          error: { code: 'conflict', message: 'no', fields: { ethnicity: 'differs_across_units' } },
        },
      ],
    });
    const waiting = await screen.findByRole('region', { name: 'Đang chờ gửi đi' }, { timeout: 5000 });
    expect(await within(waiting).findByText(/Máy chủ không nhận/, {}, { timeout: 5000 })).toBeTruthy();
    expect(within(waiting).getByRole('alert').textContent).toContain('ghi dân tộc khác nhau');
    // Nothing waits any more: the group offers the merge again, and the banner no longer offers its undo.
    const card = screen.getByRole('region', { name: 'Lò Thị Xuân' });
    expect(await within(card).findByRole('button', { name: /^Gộp 2 bản ghi/ }, { timeout: 5000 })).toBeTruthy();
    expect(within(card).queryByText('Chờ gửi đi')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Hoàn tác' })).toBeNull());

    await act(() => setLanguage('en'));
    expect((await within(waiting).findByRole('alert')).textContent).toContain('answer ethnicity differently');

    fireEvent.click(within(waiting).getByRole('button', { name: 'Discard' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Waiting to be sent' })).toBeNull());
  }, 20_000);
});
