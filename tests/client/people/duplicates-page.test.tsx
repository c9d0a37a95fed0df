// The organiser's "Người trùng lặp" screen as a UI: a group's records side by side with their evidence, the
// record to keep chosen and sent with the merge, the undo, and the reason when the server refuses a merge of
// records whose units answer ethnicity differently.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuplicateGroup, PersonEvidence } from '../../../src/domain/schemas/people';
import { organiser, seedReference, stubFetch } from '../dashboard/report-fixtures';
import { rememberUser, renderApp, resetApp } from '../shell/app-harness';

const person = (id: string, fullName: string, unitName: string, sessions: number): PersonEvidence => ({
  id, unitId: '0190a000-0000-7000-8000-00000000000' + id.slice(-1), unitName, fullName, gender: 'female', birthYear: 1985,
  ethnicity: '03', phone: '0912345678', workplace: 'Trường THPT Con Cuông', position: null, unionRole: 'member',
  consent: { method: 'signed', at: '2026-01-05' }, createdAt: '2026-01-05T03:00:00.000Z', sessionsAttended: sessions,
  recentSessions: sessions ? [{ id: '0190a000-0000-7000-8000-0000000000a1', title: 'Tập huấn bình đẳng giới', startDate: '2026-03-14' }] : [],
});
const kept = person('0190a000-0000-7000-8000-000000000001', 'Lò Thị Xuân', 'CĐCS THPT Con Cuông', 2);
const second = person('0190a000-0000-7000-8000-000000000002', 'Lo Thi Xuan', 'CĐCS BVĐK Tương Dương', 1);
const group: DuplicateGroup = { score: 100, confidence: 'high', reasons: ['same_name', 'same_birth_year', 'same_phone'], people: [kept, second] };
const MERGE_ID = '0190a000-0000-7000-8000-0000000000f1';

function answer(mergeStatus = 201) {
  return stubFetch(({ url, method }) => {
    if (url.pathname === '/api/auth/me') return { status: 200, body: { user: organiser } };
    if (url.pathname === '/api/people/duplicates') return { status: 200, body: { groups: [group] } };
    if (url.pathname === '/api/people/merges' && method === 'GET') return { status: 200, body: { merges: [] } };
    const merge = { mergeId: MERGE_ID, keptId: second.id, mergedIds: [kept.id], movedAttendance: 2, joinedAttendance: 0,
      mergedAt: '2026-11-22T03:00:00.000Z', undoneAt: null };
    if (url.pathname === '/api/people/merges' && mergeStatus !== 201) {
      return { status: mergeStatus, body: { error: { code: 'conflict', message: 'no', fields: { ethnicity: 'differs_across_units' } } } };
    }
    if (url.pathname === '/api/people/merges') return { status: 201, body: { merge } };
    if (url.pathname === `/api/people/merges/${MERGE_ID}/undo`) return { status: 200, body: { merge: { ...merge, undoneAt: merge.mergedAt } } };
    return undefined;
  });
}

describe('the duplicate people screen', () => {
  beforeEach(async () => {
    await resetApp();
    rememberUser(organiser);
    await seedReference();
  });
  afterEach(resetApp);

  it('shows the records side by side and merges into the record chosen, then undoes', async () => {
    const requests = answer();
    renderApp('/people/duplicates');
    const card = await screen.findByRole('region', { name: 'Lò Thị Xuân' }, { timeout: 5000 });
    expect(within(card).getByText('Khả năng cao · 100 điểm')).toBeTruthy();
    expect(within(card).getByText('Cùng số điện thoại')).toBeTruthy();
    expect(within(card).getByText('CĐCS BVĐK Tương Dương')).toBeTruthy();
    expect(within(card).getAllByText('Thái')).toHaveLength(2);
    expect(within(card).getByText('2 buổi')).toBeTruthy();

    fireEvent.click(within(within(card).getByRole('columnheader', { name: /Lo Thi Xuan/ })).getByRole('radio'));
    fireEvent.click(within(card).getByRole('button', { name: 'Gộp 2 bản ghi thành một người' }));
    await screen.findByText('Đã gộp 1 bản ghi vào Lo Thi Xuan. Người này được đếm một lần.', {}, { timeout: 5000 });
    const sent = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/people/merges');
    expect(sent?.body).toEqual({ id: second.id, mergedIds: [kept.id] });
    expect(sent?.headers.get('X-Requested-With')).toBe('training-logbook');

    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    await screen.findByText('Đã hoàn tác việc gộp Lo Thi Xuan.', {}, { timeout: 5000 });
  });

  it('says why a merge of records whose units answer ethnicity differently was refused', async () => {
    answer(409);
    renderApp('/people/duplicates');
    const card = await screen.findByRole('region', { name: 'Lò Thị Xuân' }, { timeout: 5000 });
    fireEvent.click(within(card).getByRole('button', { name: 'Gộp 2 bản ghi thành một người' }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain('ghi dân tộc khác nhau');
  });
});
