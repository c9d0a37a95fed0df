// The home screen as it was last seen, laid over the static shell before the app's code has run
// (src/client/app/first-screen.ts keeps it and lifts it; docs/architecture.md, "First screen").
// A classic script at the start of index.html's body, run in a few milliseconds; it lays nothing over the
// shell unless the copy belongs to this user, language, build and address. It also tells the shell whether
// anyone signed in here before (the sign-in page's header, or the app opening).
(function () {
  'use strict';
  try {
    // Someone signed in on this device before: the static shell shows the app opening, not the sign-in
    // page's header (main.tsx decides the same way, on the same key).
    if (localStorage.getItem('tlb.profile') !== null) document.documentElement.setAttribute('data-signed-in-before', '');
    var screen = JSON.parse(localStorage.getItem('tlb.first-screen') || 'null');
    var profile = JSON.parse(localStorage.getItem('tlb.profile') || 'null');
    if (!screen || !profile || screen.user !== profile.id) return;
    if (screen.language !== (localStorage.getItem('tlb.language') || 'vi')) return;
    // The build's entry: in the page, or still in the template start-app.js takes it from.
    var code = document.getElementById('app-code');
    var entry =
      document.querySelector('script[type="module"][src]') ||
      (code && code.content.querySelector('script[type="module"][src]'));
    if (!entry || screen.build !== entry.getAttribute('src')) return;
    var path = location.pathname;
    if (path !== screen.path && path !== '/') return;
    // The page's own styles, kept with the copy: the stylesheets index.html links are already there, the
    // others (the page chunks') come inline, so the copy paints styled in the same frame as the shell.
    var linked = {};
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i += 1) linked[links[i].getAttribute('href')] = true;
    var css = '';
    for (var j = 0; j < screen.styles.length; j += 1)
      if (!linked[screen.styles[j].href]) css += screen.styles[j].css + '\n';
    var style = document.createElement('style');
    style.id = 'first-screen-styles';
    style.textContent = css;
    document.head.appendChild(style);
    var overlay = document.createElement('div');
    overlay.id = 'first-screen';
    overlay.className = 'first-screen';
    overlay.setAttribute('aria-hidden', 'true');
    overlay.inert = true;
    overlay.innerHTML = screen.html;
    document.body.appendChild(overlay);
  } catch (error) {
    // A copy that cannot be read is only a copy lost: the static shell shows, then the app.
  }
})();
