// Imported by the generated service worker. When the browser fires Background Sync (connectivity came
// back while the app was in the background), ask every open page to run the sync engine: the engine,
// its Web Lock and its outbox live in the page, so the worker only wakes it up.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'tlb-sync') return;
  event.waitUntil(
    self.clients
      .matchAll({ type: 'window', includeUncontrolled: true })
      .then((clients) => clients.forEach((client) => client.postMessage({ type: 'tlb-sync' }))),
  );
});
