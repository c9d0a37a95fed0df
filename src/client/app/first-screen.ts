// The home screen as it was last seen, painted at the next start before any code runs (docs/architecture.md,
// "First screen"). The signed-in frame keeps a copy of the home page's markup on the device once its data
// has rendered; at the next start public/first-screen.js (a small classic script in index.html) lays that
// copy over the static shell, inert, and main.tsx lifts it when the app's own screen is there. On a phone
// at CPU 4× the app's code needs over a second to parse and run before the list can render; the copy is
// the same list, a second earlier, and nothing in it can be pressed by mistake.
// The copy is the trainer's own data, kept where the rest of it already is (this device); it is tied to
// the user, the language and the build, and removed at sign-out.

/** Read by public/first-screen.js: keep the two in step. */
export const FIRST_SCREEN_STORAGE_KEY = 'tlb.first-screen';
/** The overlay's id, set by public/first-screen.js. */
const OVERLAY_ID = 'first-screen';
/** The copy's inline styles, set by public/first-screen.js. */
const STYLES_ID = 'first-screen-styles';
/** A larger screen is not kept: localStorage is small and shared with the profile and settings. */
const MAX_CHARS = 300_000;
/** However the app's screen turns out, the copy never stays longer than this. */
const MAX_OVERLAY_MS = 5000;

export interface FirstScreen {
  /** The entry script of the build that rendered it: another build may have other class names and styles. */
  build: string;
  path: string;
  user: string;
  language: string;
  html: string;
  /** The stylesheets the screen was drawn with, and their rules (a page chunk's CSS is not linked at start). */
  styles: { href: string; css: string }[];
}

function currentBuild(): string {
  return document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? '';
}

/**
 * Keeps `root`'s current screen as the first screen of `path` for `user`. Left out: ids (the copy lies
 * beside the real screen), the sync chip (its state at the next start is unknown), notices that come and go.
 */
export function keepFirstScreen(root: HTMLElement, path: string, user: string, language: string): void {
  if (root.querySelector('.page-loading')) return;
  // A list narrowed by a search shows what the next start would not: the copy would lose the words typed.
  const typed = [...root.querySelectorAll<HTMLInputElement>('input[type="search"], input[type="text"]')];
  if (typed.some((input) => input.value !== '')) return;
  const copy = root.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll('.chip, .skip-link, .toast, .shell__notices > *, dialog'))
    element.remove();
  for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
  const html = copy.innerHTML;
  const styles = [...document.styleSheets].flatMap((sheet) => {
    const href = sheet.ownerNode instanceof HTMLLinkElement ? sheet.ownerNode.getAttribute('href') : null;
    return href ? [{ href, css: [...sheet.cssRules].map((rule) => rule.cssText).join('\n') }] : [];
  });
  if (html.length + styles.reduce((sum, style) => sum + style.css.length, 0) > MAX_CHARS) return forgetFirstScreen();
  const screen: FirstScreen = { build: currentBuild(), path, user, language, html, styles };
  try {
    localStorage.setItem(FIRST_SCREEN_STORAGE_KEY, JSON.stringify(screen));
  } catch {
    // Storage full or private mode: the next start shows the static shell, as without a copy.
  }
}

export function forgetFirstScreen(): void {
  try {
    localStorage.removeItem(FIRST_SCREEN_STORAGE_KEY);
  } catch {
    // Nothing kept.
  }
}

/**
 * Lifts the copy laid over the shell, if there is one, as soon as the app's own screen under it has a
 * page heading and nothing loading: in the same microtask as the render that completes it, so the copy
 * and the screen never show (or answer a query) side by side.
 */
export function liftFirstScreenWhenReady(root: HTMLElement): void {
  const overlay = document.getElementById(OVERLAY_ID);
  if (!overlay) return;
  const lift = () => {
    observer.disconnect();
    clearTimeout(timer);
    overlay.remove();
    // The page's stylesheets are linked by now (a page renders after its CSS has loaded).
    document.getElementById(STYLES_ID)?.remove();
  };
  const observer = new MutationObserver(() => {
    if (root.querySelector('main h1') && !root.querySelector('.page-loading')) lift();
  });
  observer.observe(root, { childList: true, subtree: true });
  const timer = setTimeout(lift, MAX_OVERLAY_MS);
}
