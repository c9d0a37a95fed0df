import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '#client/i18n.ts';
import { startPwa, usePwa } from '#client/pwa.ts';
import { OfflineReadyToast, UpdatePrompt } from '#client/ui/pwa-prompts.tsx';

type Callbacks = { onNeedRefresh?: () => void; onOfflineReady?: () => void };

// startPwa runs once per page, as in the app: one registration serves every test below.
let callbacks: Callbacks = {};
const updateServiceWorker = vi.fn(async (_reload?: boolean) => undefined);
startPwa((options = {}) => {
  callbacks = options;
  return updateServiceWorker;
});

function InstallButton() {
  const { canInstall, install } = usePwa();
  return canInstall ? <button onClick={() => void install()}>install</button> : <p>no prompt</p>;
}

describe('the service worker messages', () => {
  afterEach(cleanup);

  it('offer an update when a new version waits, and apply it only when asked', async () => {
    render(<UpdatePrompt />);
    expect(screen.queryByText('Có phiên bản mới')).toBeNull();
    act(() => callbacks.onNeedRefresh?.());
    expect(screen.getByText('Có phiên bản mới')).toBeTruthy();
    expect(updateServiceWorker).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật' }));
    expect(updateServiceWorker).toHaveBeenCalledWith(true);
  });

  it('say quietly that the app works offline, and let it be closed', () => {
    render(<OfflineReadyToast />);
    act(() => callbacks.onOfflineReady?.());
    expect(screen.getByText('Ứng dụng đã sẵn sàng dùng khi không có mạng.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByText('Ứng dụng đã sẵn sàng dùng khi không có mạng.')).toBeNull();
  });

  it("keep the browser's install prompt for the install button, usable once", async () => {
    render(<InstallButton />);
    expect(screen.getByText('no prompt')).toBeTruthy();
    const prompt = vi.fn(async () => undefined);
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    act(() => {
      window.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'install' }));
    });
    expect(prompt).toHaveBeenCalledOnce();
    expect(screen.getByText('no prompt')).toBeTruthy();
  });
});
