// Build of the client: React, and an installable offline PWA whose service worker precaches every
// route chunk and locale, so a trainer who signed in once can open the app in the field with no network.
// The service worker waits for the user to accept an update (registerType 'prompt'): a silent reload
// could strand work in progress (see docs/lessons.md: enketo #986). It is registered from src/client/pwa.ts.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's own modules on the sign-in page's first load (main.tsx and what it imports statically). */
const signInModules =
  /[\\/](src[\\/]client[\\/](i18n|zod-without-eval|app[\\/](sign-in-app|auth-state|profile-key|first-screen)|features[\\/]auth[\\/](sign-in-page|sign-in-on-demand)|ui[\\/](banner|button|icons|text-field|field-frame|language-switch|use-page-title))\.tsx?|locales[\\/]vi[\\/](common|auth)\.json)$/;

const themeColor = '#0b5d52';
const backgroundColor = '#ffffff';

export default defineConfig({
  plugins: [
    react(),
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
