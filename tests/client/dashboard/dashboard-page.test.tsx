// The organiser's dashboard as a UI: the figures the summary API returns, printed the Vietnamese way,
// the chart tables, the filters in the request, and what it shows with no connection.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIn } from '#domain/rules/dates';
import { rememberUser, renderApp, resetApp } from '../shell/app-harness';
import { genderTopic, organiser, schoolUnit, seedReference, stubFetch, summary } from './report-fixtures';

function tile(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

function answerSummary() {
  return stubFetch(({ url }) => {
    if (url.pathname === '/api/reports/summary') return { status: 200, body: summary };
    if (url.pathname === '/api/auth/me') return { status: 200, body: { user: organiser } };
    return undefined;
  });
}

describe('the dashboard', () => {
  beforeEach(async () => {
    await resetApp();
    sessionStorage.clear();
    rememberUser(organiser);
    await seedReference();
  });
  afterEach(resetApp);

  it('shows the key figures in Vietnamese number format, with the plan percentage', async () => {
    answerSummary();
    renderApp('/dashboard');
    await screen.findByText('83.204');
    expect(within(tile('Số buổi')).getByText('2.968')).toBeTruthy();
    expect(within(tile('Lượt người')).getByText('83.204')).toBeTruthy();
    expect(within(tile('Số người')).getByText('41.250')).toBeTruthy();
    expect(within(tile('Nữ')).getByText('30.370')).toBeTruthy();
    expect(within(tile('Nữ')).getByText('36,5% số lượt người')).toBeTruthy();
    expect(within(tile('DTTS')).getByText('22,0% số lượt người')).toBeTruthy();
    expect(within(tile('Kế hoạch')).getByText('đạt 85,0% kế hoạch')).toBeTruthy();
    expect(within(tile('Kế hoạch')).getByText('Lượt người: 83.204 / 97.887')).toBeTruthy();
  });

  it("asks for this year, submitted and approved sessions, in the organiser's unit by default", async () => {
    const requests = answerSummary();
    renderApp('/dashboard');
    await screen.findByText('83.204');
    const year = todayIn().slice(0, 4);
    const query = requests.find((r) => r.url.pathname === '/api/reports/summary')?.url.searchParams;
    expect(query?.get('from')).toBe(`${year}-01-01`);
    expect(query?.get('to')).toBe(`${year}-12-31`);
    expect(query?.get('status')).toBe('submitted,approved');
    expect(query?.get('unitId')).toBe(organiser.unitId);
  });

  it('asks again with the chosen unit, topic, format and status', async () => {
    const requests = answerSummary();
    renderApp('/dashboard');
    await screen.findByRole('option', { name: /CĐCS THPT Con Cuông/ });
    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: schoolUnit.id } });
    fireEvent.change(screen.getByLabelText('Chủ đề'), { target: { value: genderTopic.id } });
    fireEvent.change(screen.getByLabelText('Hình thức'), { target: { value: 'training' } });
    fireEvent.change(screen.getByLabelText('Tính các buổi'), { target: { value: 'approved' } });
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/reports/summary').at(-1)?.url.searchParams;
      expect(last?.get('unitId')).toBe(schoolUnit.id);
      expect(last?.get('topicId')).toBe(genderTopic.id);
      expect(last?.get('format')).toBe('training');
      expect(last?.get('status')).toBe('approved');
    });
  });

  it("reveals a chart's numbers as a table, with topic names from the local database", async () => {
    answerSummary();
    renderApp('/dashboard');
    const chart = (await screen.findByRole('heading', { name: 'Lượt người theo chủ đề' })).closest('figure');
    if (!chart) throw new Error('no chart figure');
    expect(within(chart).queryByRole('table')).toBeNull();
    fireEvent.click(within(chart).getByRole('button', { name: 'Xem bảng số liệu' }));
    const table = within(chart).getByRole('table');
    const row = within(table).getByRole('row', { name: /Kiến thức cơ bản về giới/ });
    expect(within(row).getByText('41.000')).toBeTruthy();
    expect(within(row).getByText('1.500')).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'DTTS' })).toBeTruthy();
    expect(within(chart).getByRole('button', { name: 'Ẩn bảng số liệu' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('says "no plan yet" when the unit has no plan for the year', async () => {
    stubFetch(({ url }) =>
      url.pathname === '/api/reports/summary' ? { status: 200, body: { ...summary, plan: null } } : undefined,
    );
    renderApp('/dashboard');
    await screen.findByText('83.204');
    expect(within(tile('Kế hoạch')).getByText('Chưa có kế hoạch')).toBeTruthy();
  });

  it('offline, says reports need a connection and shows the figures loaded before', async () => {
    answerSummary();
    const first = renderApp('/dashboard');
    await screen.findByText('83.204');
    first.unmount();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const requests = stubFetch(() => undefined);
    renderApp('/dashboard');
    expect(await screen.findByText('Báo cáo cần kết nối mạng')).toBeTruthy();
    expect(within(tile('Lượt người')).getByText('83.204')).toBeTruthy();
    expect(screen.getByText(/Không có mạng: đang hiện số liệu tải lúc/)).toBeTruthy();
    expect(requests.some((r) => r.url.pathname === '/api/reports/summary')).toBe(false);
  });
});
