// The admin page as a UI: creating a user sends exactly the request the admin API's schema describes,
// refusals land on the field they concern, and an organiser sees only the topics.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider } from '#client/app/auth-context.tsx';
import { AdminPage } from '#client/features/admin/admin-page.tsx';
import type { AdminUser } from '#domain/schemas/admin';
import { makeUser, rememberUser, renderApp, resetApp } from '../shell/app-harness';
import {
  genderTopic,
  organiser,
  rootUnit,
  schoolUnit,
  seedReference,
  stubFetch,
  type RecordedRequest,
} from '../dashboard/report-fixtures';

const admin = makeUser({
  id: '0190a5b4-8c2e-7f00-8000-000000000003',
  username: 'admin',
  role: 'admin',
  unitId: rootUnit.id,
});
const stamp = { disabled: false, createdAt: '2026-01-05T02:00:00.000Z', updatedAt: '2026-01-05T02:00:00.000Z' };
const strip = ({ pending: _p, rejected: _r, ...unit }: typeof rootUnit) => unit;

function answerAdmin(onPost: (request: RecordedRequest) => { status: number; body?: unknown }) {
  return stubFetch((request) => {
    const { method, url } = request;
    if (method === 'GET' && url.pathname === '/api/admin/users')
      return { status: 200, body: { users: [{ ...admin, ...stamp }] } };
    if (method === 'GET' && url.pathname === '/api/admin/units')
      return { status: 200, body: { units: [strip(rootUnit), strip(schoolUnit)] } };
    if (method === 'GET' && url.pathname === '/api/admin/topics') {
      const { pending: _p, rejected: _r, ...topic } = genderTopic;
      return { status: 200, body: { topics: [topic] } };
    }
    if (method === 'POST' && url.pathname.startsWith('/api/admin/')) return onPost(request);
    return undefined;
  });
}

async function fillNewUser() {
  const form = (await screen.findByRole('heading', { name: 'Thêm người dùng' }, { timeout: 5000 })).closest('section');
  if (!form) throw new Error('no create form');
  await within(form).findByRole('option', { name: /CĐCS THPT Con Cuông/ });
  fireEvent.change(within(form).getByLabelText('Tên đăng nhập'), { target: { value: 'Lan.VT' } });
  fireEvent.change(within(form).getByLabelText('Họ và tên'), { target: { value: 'Vi Thị Lan' } });
  fireEvent.change(within(form).getByLabelText('Vai trò'), { target: { value: 'trainer' } });
  fireEvent.change(within(form).getByLabelText('Đơn vị'), { target: { value: schoolUnit.id } });
  fireEvent.change(within(form).getByLabelText('Mật khẩu ban đầu'), { target: { value: 'mat-khau-2026' } });
  return form;
}

describe('the admin page', () => {
  beforeEach(async () => {
    await resetApp();
    rememberUser(admin);
  });
  afterEach(resetApp);

  it("creates a user by posting the schema's request body with the CSRF header, and lists them", async () => {
    const created: AdminUser = {
      ...stamp,
      id: '0190a5b4-8c2e-7f00-8000-000000000009',
      username: 'lan.vt',
      displayName: 'Vi Thị Lan',
      role: 'trainer',
      unitId: schoolUnit.id,
      spaceId: admin.spaceId,
      locale: 'vi',
    };
    const requests = answerAdmin(() => ({ status: 201, body: { user: created } }));
    renderApp('/admin');
    const form = await fillNewUser();
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));

    expect(await screen.findByText('Đã tạo tài khoản lan.vt.')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.pathname.startsWith('/api/admin/'));
    expect(post?.url.pathname).toBe('/api/admin/users');
    expect(post?.headers.get('X-Requested-With')).toBe('training-logbook');
    expect(post?.body).toEqual({
      username: 'lan.vt',
      displayName: 'Vi Thị Lan',
      role: 'trainer',
      unitId: schoolUnit.id,
      locale: 'vi',
      password: 'mat-khau-2026',
    });
    expect(screen.getByRole('rowheader', { name: 'lan.vt' })).toBeTruthy();
  });

  it('sends nothing and explains when the password is too short', async () => {
    const requests = answerAdmin(() => ({ status: 201 }));
    renderApp('/admin');
    const form = await fillNewUser();
    fireEvent.change(within(form).getByLabelText('Mật khẩu ban đầu'), { target: { value: 'ngan' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await within(form).findByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname.startsWith('/api/admin/'))).toBe(false);
  });

  it('shows a taken username on the username field', async () => {
    answerAdmin(() => ({
      status: 409,
      body: { error: { code: 'conflict', message: 'taken', fields: { username: 'taken' } } },
    }));
    renderApp('/admin');
    const form = await fillNewUser();
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await within(form).findByText('Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.')).toBeTruthy();
  });

  it('switches sections with tabs, and names each unit in the tree', async () => {
    answerAdmin(() => ({ status: 500 }));
    renderApp('/admin');
    fireEvent.click(await screen.findByRole('tab', { name: 'Đơn vị' }));
    expect(screen.getByRole('tab', { name: 'Đơn vị' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('button', { name: 'Thêm đơn vị trực thuộc LĐLĐ Nghệ An' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đổi tên CĐCS THPT Con Cuông' })).toBeTruthy();
  });
});

describe('the admin page for an organiser', () => {
  beforeEach(async () => {
    await resetApp();
    rememberUser(organiser);
    await seedReference();
  });
  afterEach(resetApp);

  it("offers only their province's topics, with a way to the plans", async () => {
    const requests = answerAdmin(() => ({ status: 500 }));
    render(
      <MemoryRouter initialEntries={['/admin']}>
        <AuthProvider>
          <AdminPage />
        </AuthProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('rowheader', { name: /Kiến thức cơ bản về giới/ })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByRole('link', { name: 'Mở trang Kế hoạch' }).getAttribute('href')).toBe('/plans');
    expect(requests.some((r) => r.url.pathname === '/api/admin/users' || r.url.pathname === '/api/admin/units')).toBe(
      false,
    );
  });
});
