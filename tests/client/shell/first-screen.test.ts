// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
// The home screen as last seen (docs/architecture.md §7): kept by the app, laid over the shell by
// public/first-screen.js at the next start, lifted when the app's own screen is there.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_STORAGE_KEY,
  keepFirstScreen,
  liftFirstScreenWhenReady,
  type FirstScreen,
} from '#client/app/first-screen.ts';
import { forgetProfile } from '#client/app/remembered-profile.ts';

const bootScript = readFileSync('public/first-screen.js', 'utf8');
const user = { id: '0190f5a0-0000-7000-8000-000000000001', role: 'trainer' };

const homeScreen = `<div class="shell"><a class="skip-link" href="#main">Chuyển đến nội dung chính</a>
<header class="top-bar"><span class="top-bar__title">CĐCS THPT Con Cuông</span><a class="chip" href="/sync">Đã đồng bộ</a></header>
<main id="main" class="shell__main"><div class="shell__notices"><p>Cài ứng dụng</p></div>
<h1 class="page__title">Buổi tập huấn</h1><p>Chưa có buổi tập huấn nào trên máy này.</p></main></div>`;

function setUpPage(entry = '/assets/index-abc.js') {
  document.head.innerHTML = `<script type="module" src="${entry}"></script>`;
  document.body.innerHTML = '<div id="root"><div class="boot">Đang mở sổ tập huấn…</div></div>';
}

/** What index.html does before the shell: runs public/first-screen.js. */
function runBootScript() {
  // happy-dom does not run script elements here; the file's own text runs as the browser would run it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function(bootScript)();
  return document.getElementById('first-screen');
}

const root = () => document.getElementById('root')!;

beforeEach(() => {
  history.replaceState(null, '', '/sessions');
  localStorage.setItem('tlb.profile', JSON.stringify(user));
  setUpPage();
  root().innerHTML = homeScreen;
  keepFirstScreen(root(), '/sessions', user.id, 'vi');
  setUpPage();
});
afterEach(() => localStorage.clear());

describe('the first screen from the last visit', () => {
  it('is kept without ids, the sync chip or passing notices', () => {
    const kept = JSON.parse(localStorage.getItem(FIRST_SCREEN_STORAGE_KEY)!) as FirstScreen;
    expect(kept).toMatchObject({ build: '/assets/index-abc.js', path: '/sessions', user: user.id, language: 'vi' });
    expect(kept.html).toContain('Chưa có buổi tập huấn nào trên máy này.');
    expect(kept.html).not.toContain('id="main"');
    expect(kept.html).not.toContain('Đã đồng bộ');
    expect(kept.html).not.toContain('Cài ứng dụng');
  });

  it('is not kept while the screen is still loading', () => {
    localStorage.removeItem(FIRST_SCREEN_STORAGE_KEY);
    root().innerHTML = '<main><p class="page-loading" role="status">Đang tải…</p></main>';
    keepFirstScreen(root(), '/sessions', user.id, 'vi');
    expect(localStorage.getItem(FIRST_SCREEN_STORAGE_KEY)).toBeNull();
  });

  it('is not kept while a search narrows the list', () => {
    localStorage.removeItem(FIRST_SCREEN_STORAGE_KEY);
    root().innerHTML = '<main><h1>Buổi tập huấn</h1><input type="search" aria-label="Tìm"></main>';
    root().querySelector('input')!.value = 'Con Cuông';
    keepFirstScreen(root(), '/sessions', user.id, 'vi');
    expect(localStorage.getItem(FIRST_SCREEN_STORAGE_KEY)).toBeNull();
  });

  it('is laid over the shell, hidden from assistive technology, at its address and at /', () => {
    const overlay = runBootScript();
    expect(overlay?.getAttribute('aria-hidden')).toBe('true');
    expect(overlay?.textContent).toContain('Chưa có buổi tập huấn nào trên máy này.');
    expect(root().textContent).toContain('Đang mở sổ tập huấn…');

    setUpPage();
    history.replaceState(null, '', '/');
    expect(runBootScript()).not.toBeNull();
  });

  it('is not shown to another user, in another language, by another build or at another address', () => {
    localStorage.setItem('tlb.profile', JSON.stringify({ ...user, id: '0190f5a0-0000-7000-8000-000000000002' }));
    expect(runBootScript()).toBeNull();
    localStorage.setItem('tlb.profile', JSON.stringify(user));

    localStorage.setItem('tlb.language', 'en');
    expect(runBootScript()).toBeNull();
    localStorage.removeItem('tlb.language');

    setUpPage('/assets/index-def.js');
    expect(runBootScript()).toBeNull();
    setUpPage();

    history.replaceState(null, '', '/participants');
    expect(runBootScript()).toBeNull();
  });

  it('is found by the build whose entry is still in the template the app starts from', () => {
    document.head.innerHTML =
      '<template id="app-code"><script type="module" src="/assets/index-abc.js"></script></template>';
    expect(runBootScript()).not.toBeNull();
    document.head.innerHTML =
      '<template id="app-code"><script type="module" src="/assets/index-def.js"></script></template>';
    document.getElementById('first-screen')?.remove();
    expect(runBootScript()).toBeNull();
  });

  it('tells the static shell whether anyone signed in on this device before', () => {
    document.documentElement.removeAttribute('data-signed-in-before');
    runBootScript();
    expect(document.documentElement.hasAttribute('data-signed-in-before')).toBe(true);
    document.documentElement.removeAttribute('data-signed-in-before');
    localStorage.clear();
    runBootScript();
    expect(document.documentElement.hasAttribute('data-signed-in-before')).toBe(false);
  });

  it('is lifted once the app has rendered a page heading with nothing loading', async () => {
    runBootScript();
    liftFirstScreenWhenReady(root());
    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

    root().innerHTML = '<main><p class="page-loading" role="status">Đang tải…</p></main>';
    await flush();
    expect(document.getElementById('first-screen')).not.toBeNull();

    root().innerHTML = '<main><h1>Buổi tập huấn</h1><p>Chưa có buổi tập huấn nào trên máy này.</p></main>';
    await flush();
    expect(document.getElementById('first-screen')).toBeNull();
  });

  it('is forgotten at sign-out with the profile', () => {
    forgetProfile();
    expect(localStorage.getItem(FIRST_SCREEN_STORAGE_KEY)).toBeNull();
    expect(runBootScript()).toBeNull();
  });
});
