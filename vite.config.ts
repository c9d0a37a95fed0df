// Build of the client: React, and an installable offline PWA whose service worker precaches every
// route chunk and locale, so a trainer who signed in once can open the app in the field with no network.
// The service worker waits for the user to accept an update (registerType 'prompt'): a silent reload
// could strand work in progress (see docs/lessons.md: enketo #986). It is registered from src/client/pwa.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's own modules on the sign-in page's first load (main.tsx and what it imports statically). */
const signInModules =
  /[\\/](src[\\/]client[\\/](i18n|zod-without-eval|app[\\/](sign-in-app|auth-state|profile-key|first-screen)|features[\\/]auth[\\/](sign-in-page|sign-in-on-demand)|ui[\\/](banner|button|icons|text-field|field-frame|language-switch|use-page-title))\.tsx?|locales[\\/]vi[\\/](common|auth)\.json)$/;

/** The stylesheets index.html links (the shell's and the sign-in page's, a few KiB). */
const linkedStylesheet = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g;
/** The entry script and its preloads, as Vite writes them into index.html. */
const codeTag =
  /[ \t]*<(?:script type="module" crossorigin src|link rel="modulepreload" crossorigin href)="\/assets\/[^"]+\.js">(?:<\/script>)?\n?/g;
/** The page's own small classic scripts, from public/. */
const publicScript = /<script src="\/([\w-]+\.js)"><\/script>/g;

/**
 * index.html as built: the shell paints as soon as the page has arrived, with nothing to wait for.
 * - Its stylesheets go inside it: no round trip for CSS first (on 2G, most of a second).
 * - Its classic scripts (first-screen.js, start-app.js) go inside it: the CSP allows them by their hash
 *   (src/server/http/static-build.ts).
 * - The app's code (the entry and its preloads) goes into a <template>, which start-app.js puts in the page
 *   once the shell has painted.
 */
function shellFirst(): Plugin {
  let publicDir = '';
  return {
    name: 'shell-first',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const code: string[] = [];
        return html
          .replace(linkedStylesheet, (link, fileName: string) => {
            const asset = context.bundle?.[fileName];
            if (asset?.type !== 'asset') return link;
            const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
            // The link stays, disabled (never fetched, never applied): the loader of lazy chunks sees that
            // the page has this stylesheet, instead of linking it again after the page chunks' own.
            return `<style>${css}</style>\n    <link rel="stylesheet" href="/${fileName}" disabled>`;
          })
          .replace(codeTag, (tag) => {
            code.push(tag.trim());
            return code.length === 1 ? '    <template id="app-code"></template>\n' : '';
          })
          .replace('<template id="app-code"></template>', () => `<template id="app-code">${code.join('')}</template>`)
          .replace(publicScript, (_tag, fileName: string) => {
            // Without its comment lines: they are for whoever reads the file, not for every page load.
            const script = readFileSync(join(publicDir, fileName), 'utf8').replace(/^\s*\/\/.*\n/gm, '');
            if (script.includes('</script')) throw new Error(`${fileName} cannot be inlined`);
            return `<script>${script}</script>`;
          });
      },
    },
  };
}

const themeColor = '#0b5d52';
const backgroundColor = '#ffffff';

export default defineConfig({
  plugins: [
    react(),
    shellFirst(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      // The globs below already precache the icons; listing them again would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Sổ tập huấn – Training Logbook',
        short_name: 'Sổ tập huấn',
        description: 'Ghi chép các buổi tập huấn bình đẳng giới của công đoàn, dùng được cả khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: themeColor,
        background_color: backgroundColor,
        categories: ['productivity', 'education'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // Background Sync wakes open pages to push the outbox (public/sw-background-sync.js).
        importScripts: ['sw-background-sync.js'],
        // The administrative-units reference chunk is about 1 MB; it must be precached for offline use.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries in their own chunks: their hashes survive a deploy of app code, so a service-worker
        // update on a slow link downloads only what changed. The router, zod and Dexie stay out of the
        // sign-in page (main.tsx, sign-in-app.tsx): only React and i18next are in its first download.
        codeSplitting: {
          groups: [
            // Everything the sign-in page runs, in one chunk beside the entry: one request on 2G, not ten.
            { name: 'sign-in', test: signInModules },
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /[\\/]node_modules[\\/]react-router[\\/]/ },
            { name: 'i18n', test: /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/ },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
            { name: 'dexie', test: /[\\/]node_modules[\\/](dexie|dexie-react-hooks)[\\/]/ },
          ],
        },
      },
    },
  },
});
