// The plans page as a UI: each unit's targets with its progress rolled up from the units under it,
// inline editing that POSTs a new plan or PATCHes an existing one, translated validation, and offline.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIn } from '#domain/rules/dates';
import type { PlanRecord } from '#domain/schemas/admin';
import { rememberUser, renderApp, resetApp } from '../shell/app-harness';
import { hospitalUnit, organiser, rootUnit, seedReference, stubFetch, summary } from './report-fixtures';

const year = Number(todayIn().slice(0, 4));
const rootPlan: PlanRecord = {
  id: '0190a5b4-8c2e-7f00-8000-0000000000e1',
  spaceId: organiser.spaceId,
  unitId: rootUnit.id,
  year,
  topicId: null,
  targetSessions: 3500,
  targetParticipantTurns: 100000,
  note: null,
};

function answerPlans() {
  return stubFetch(({ method, url, body }) => {
    if (method === 'GET' && url.pathname === '/api/admin/plans') return { status: 200, body: { plans: [rootPlan] } };
    if (method === 'GET' && url.pathname === '/api/reports/summary') return { status: 200, body: summary };
    if (method === 'POST' && url.pathname === '/api/admin/plans') {
      return {
        status: 201,
        body: {
          plan: {
            ...(body as object),
            id: '0190a5b4-8c2e-7f00-8000-0000000000e2',
            spaceId: organiser.spaceId,
            note: null,
          },
        },
      };
    }
    if (method === 'PATCH' && url.pathname === `/api/admin/plans/${rootPlan.id}`) {
      return { status: 200, body: { plan: { ...rootPlan, ...(body as object) } } };
    }
    return undefined;
  });
}

async function row(unitName: string): Promise<HTMLElement> {
  return screen.findByRole('row', { name: new RegExp(unitName) });
}

describe('the plans page', () => {
  beforeEach(async () => {
    await resetApp();
    rememberUser(organiser);
    await seedReference();
  });
  afterEach(resetApp);

  it("shows each unit's targets and what it achieved, the province counting every unit under it", async () => {
    answerPlans();
    renderApp('/plans');
    const province = await row('LĐLĐ Nghệ An');
    // 2,968 sessions and 83,204 turns, all held by its two grassroots units.
    expect(await within(province).findByText('2.968 / 3.500')).toBeTruthy();
    expect(within(province).getByText('83.204 / 100.000')).toBeTruthy();
    expect(within(province).getByText('đạt 83,2%')).toBeTruthy();
    const school = await row('CĐCS THPT Con Cuông');
    expect(within(school).getAllByText('Chưa đặt kế hoạch')).toHaveLength(2);
    expect(within(school).getByText('Đã thực hiện: 60.000')).toBeTruthy();
  });

  it('posts a new plan for a unit, after refusing a negative target in words', async () => {
    const requests = answerPlans();
    renderApp('/plans');
    fireEvent.click(await screen.findByRole('button', { name: 'Đặt kế hoạch cho CĐCS BVĐK Tương Dương' }));
    fireEvent.change(screen.getByLabelText('Chỉ tiêu số buổi của CĐCS BVĐK Tương Dương'), { target: { value: '-3' } });
    fireEvent.change(screen.getByLabelText('Chỉ tiêu lượt người của CĐCS BVĐK Tương Dương'), {
      target: { value: '12,5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Chỉ tiêu không được âm.')).toBeTruthy();
    expect(screen.getByText('Hãy nhập số nguyên, không có dấu phẩy.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname === '/api/admin/plans')).toBe(false);

    fireEvent.change(screen.getByLabelText('Chỉ tiêu số buổi của CĐCS BVĐK Tương Dương'), { target: { value: '40' } });
    fireEvent.change(screen.getByLabelText('Chỉ tiêu lượt người của CĐCS BVĐK Tương Dương'), {
      target: { value: '1200' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    const hospital = await row('CĐCS BVĐK Tương Dương');
    expect(await within(hospital).findByText('968 / 40')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/admin/plans');
    expect(post?.body).toEqual({
      unitId: hospitalUnit.id,
      year,
      topicId: null,
      targetSessions: 40,
      targetParticipantTurns: 1200,
    });
    expect(post?.headers.get('X-Requested-With')).toBe('training-logbook');
  });

  it('patches the targets of an existing plan', async () => {
    const requests = answerPlans();
    renderApp('/plans');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa kế hoạch của LĐLĐ Nghệ An' }));
    fireEvent.change(screen.getByLabelText('Chỉ tiêu số buổi của LĐLĐ Nghệ An'), { target: { value: '3000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.url.pathname).toBe(`/api/admin/plans/${rootPlan.id}`);
    expect(patch?.body).toEqual({ targetSessions: 3000, targetParticipantTurns: 100000 });
    expect(await within(await row('LĐLĐ Nghệ An')).findByText('2.968 / 3.000')).toBeTruthy();
  });

  it('offline, shows the plans on the device and offers no editing, saying why', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    stubFetch(() => undefined);
    const { openUserDb } = await import('#client/db/database.ts');
    await openUserDb(organiser.id).plans.put({ ...rootPlan, pending: false, rejected: false });
    renderApp('/plans');
    expect(await screen.findByText(/Không có mạng: chỉ xem được kế hoạch đã tải về máy/)).toBeTruthy();
    expect(await within(await row('LĐLĐ Nghệ An')).findByText('3.500')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sửa kế hoạch|Đặt kế hoạch/ })).toBeNull();
  });
});
