// Web Push in the service worker: the portal's service worker (/sw.js) imports it with importScripts. A push
// carries only a fixed, PHI-free text and the portal's address (docs/notifications.md, "Push"); clicking it opens the portal.
'use strict';

// A push without a text of its own says "You have a new message" in the language the portal served last: the page
// script (js/portal.js) keeps its words, from the page, with the offline copies; English when none are kept (signed
// out, a therapist's device, storage off).
var PUSH_WORDS = '/push-words.json';
var PUSH_WORDS_CACHE = 'homeprogram-offline-v1';

function keptWords() {
  if (!self.caches) { return Promise.resolve({}); }
  return self.caches.match(PUSH_WORDS, { cacheName: PUSH_WORDS_CACHE }).then(function (kept) {
    return kept ? kept.json() : {};
  })['catch'](function () { return {}; });
}

self.addEventListener('push', function (event) {
  var message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = {};
  }
  event.waitUntil((message.body ? Promise.resolve({}) : keptWords()).then(function (words) {
    return self.registration.showNotification(message.title || 'HomeProgram', {
      body: message.body || words.body || 'You have a new message',
      lang: message.body ? '' : words.lang || 'en',
      tag: 'homeprogram',
      renotify: true,
      data: { url: message.url || '/' }
    });
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  if (target.origin !== self.location.origin) {
    // only ever into the portal itself
    target = new URL('/', self.location.origin);
  }
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (new URL(windows[i].url).origin === self.location.origin && 'focus' in windows[i]) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(target.href);
  }));
});
