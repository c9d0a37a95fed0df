// Asks for the app's code once the static shell has painted, or at once when the service worker serves
// it. The build puts the code's tags in index.html's <template id="app-code"> (vite.config.ts): there they
// start nothing, so over the network the page shows the shell first, then the code has the link and the
// processor to itself. A tab opened in the background, where frames wait, asks after a second. With no
// template (the development server) it does nothing.
(function () {
  'use strict';
  var code = document.getElementById('app-code');
  if (!code) return;
  var started = false;
  function start() {
    if (started) return;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
      return;
    }
    started = true;
    // One tag a task: each asks for a file, a few milliseconds of work on a slow phone.
    var tags = Array.prototype.slice.call(document.importNode(code.content, true).childNodes);
    (function next() {
      var tag = tags.shift();
      if (!tag) return;
      document.head.appendChild(tag);
      setTimeout(next, 0);
    })();
  }
  // Served by the service worker, the code is on this device: asked for at once, it is there in a few
  // milliseconds, while waiting for the first frame would cost a frame's work on a slow phone.
  if (navigator.serviceWorker && navigator.serviceWorker.controller) {
    start();
    return;
  }
  requestAnimationFrame(function () {
    setTimeout(start, 0);
  });
  setTimeout(start, 1000);
})();
