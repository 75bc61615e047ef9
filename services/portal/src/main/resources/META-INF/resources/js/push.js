// Web Push opt-in on the patient's Reminder settings and the therapist's Notification settings (tags/push.html; progressive enhancement: without this script the page says
// notifications need JavaScript, and everything else works). Asks the browser for permission, subscribes with the
// VAPID key the page carries, and submits the subscription in the page's own form (with its CSRF token) to the
// portal, which forwards it to notification-service. The service worker is the page's data-service-worker: the
// portal's own (/sw.js, scope /, or for therapists /sw.js?offline=off, which keeps no offline copies); it imports /js/push-worker.js.
// The statuses it writes are the page's words, in its language: data- attributes of #push-status.
(function () {
  'use strict';
  var form = document.getElementById('push-subscribe');
  var status = document.getElementById('push-status');
  if (!form || !status) { return; }
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    status.textContent = status.getAttribute('data-unsupported');
    return;
  }
  status.textContent = '';
  form.hidden = false;

  function applicationServerKey(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    var key = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { key[i] = raw.charCodeAt(i); }
    return key;
  }

  function active(registration) {
    var worker = registration.installing || registration.waiting;
    if (registration.active || !worker) { return Promise.resolve(registration); }
    return new Promise(function (resolve) {
      worker.addEventListener('statechange', function () {
        if (worker.state === 'activated') { resolve(registration); }
      });
    });
  }

  form.addEventListener('submit', function (event) {
    if (form.elements.endpoint.value) { return; }
    event.preventDefault();
    status.textContent = status.getAttribute('data-asking');
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') { throw new Error('permission ' + permission); }
      return navigator.serviceWorker.register(form.getAttribute('data-service-worker'));
    }).then(active).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: applicationServerKey(form.getAttribute('data-vapid-key'))
        });
      });
    }).then(function (subscription) {
      var json = subscription.toJSON();
      form.elements.endpoint.value = json.endpoint;
      form.elements.p256dh.value = json.keys.p256dh;
      form.elements.auth.value = json.keys.auth;
      form.submit();
    }).catch(function () {
      status.textContent = status.getAttribute('data-failed');
    });
  });
})();
