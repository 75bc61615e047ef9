// HomeProgram's service worker (docs/portal.md, "Offline"). Network first: a page comes from the portal whenever it
// answers; only when it cannot be reached is the copy kept on this phone shown, marked so that the page says
// "offline — showing your program as of <time>". What is kept: the patient's Today page, the check-in page, the
// exercise pictures (/media/{id}), the program PDF and the files every page needs. Nothing else is ever stored.
// The copies belong to the person signed in: the page script clears them when another person signs in, and this
// worker clears them when anyone signs out.
'use strict';

// Web Push (reminders and messages on the lock screen, docs/notifications.md "Push") lives in its own file.
importScripts('/js/push-worker.js');

var CACHE = 'homeprogram-offline-v1';
// Offline copies are for patients only. A therapist's device registers this worker as /sw.js?offline=off, for push
// alone: it keeps nothing, and drops whatever an earlier patient's registration kept on the device.
var OFFLINE = new URL(self.location.href).searchParams.get('offline') !== 'off';
var SHELL = ['/css/portal.css', '/js/portal.js', '/icons/icon.svg', '/icons/icon-192.png'];

function keptOffline(url) {
  if (url.origin !== self.location.origin) { return false; }
  var p = url.pathname;
  return p === '/today' || p === '/check-in' || p === '/me/program.pdf' || p.indexOf('/media/') === 0
    || SHELL.indexOf(p) >= 0;
}

self.addEventListener('install', function (event) {
  if (!OFFLINE) {
    event.waitUntil(self.skipWaiting());
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return !OFFLINE || n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'forget') {
    event.waitUntil(caches.delete(CACHE));
  }
});

// The copy of a page, marked as coming from this phone (the page script shows the offline banner for it).
function fromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true });
  }).then(function (kept) {
    if (!kept) { return null; }
    var type = kept.headers.get('Content-Type') || '';
    if (type.indexOf('text/html') !== 0) { return kept; }
    return kept.text().then(function (html) {
      return new Response(html.replace('data-served="network"', 'data-served="cache"'),
        { status: 200, headers: { 'Content-Type': type } });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin === self.location.origin && url.pathname === '/logout') {
    // Signing out: nothing of this person stays on the phone.
    event.respondWith(caches.delete(CACHE).then(function () { return fetch(request); }));
    return;
  }
  if (!OFFLINE || request.method !== 'GET' || !keptOffline(url)) {
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    // Only the person's own, complete answer: not a redirect to the sign-in page, not an error, not a video range.
    if (response.ok && response.status === 200 && !response.redirected && response.type === 'basic'
        && !request.headers.has('Range')) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.put(url.origin + url.pathname, copy);
      }));
    }
    return response;
  }).catch(function (failure) {
    return fromCache(url.origin + url.pathname).then(function (kept) {
      if (kept) { return kept; }
      throw failure;
    });
  }));
});
