// Web Push in the service worker: the portal's service worker (/sw.js) imports it with importScripts. A push
// carries only a fixed, PHI-free text and the portal's address (docs/notifications.md, "Push"); clicking it opens the portal.
'use strict';

self.addEventListener('push', function (event) {
  var message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = {};
  }
  event.waitUntil(self.registration.showNotification(message.title || 'HomeProgram', {
    body: message.body || 'You have a new message',
    tag: 'homeprogram',
    renotify: true,
    data: { url: message.url || '/' }
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
