// Progressive enhancement only: every page works without this file.
// - pain sliders show their value next to them;
// - items with a hold or duration get a start/stop timer;
// - for patients, the installable app (docs/portal.md, "Install on the phone" and "Offline"): the service worker,
//   the offline banner, sessions logged offline kept on the phone and sent once when back online, and the
//   emergency guidance for a red-flag check-in made offline.
(function () {
  'use strict';

  // The words this script writes come from the page, in its language (layout: #script-words, one data- attribute
  // each, service/ScriptMessages); none are written here. %name% markers are filled in with values.
  function word(name, values) {
    var box = document.getElementById('script-words');
    var text = box ? box.getAttribute('data-' + name) || '' : '';
    Object.keys(values || {}).forEach(function (key) { text = text.split('%' + key + '%').join(values[key]); });
    return text;
  }

  // Dates and times in the page's language, not the browser's.
  function localTime(date) { return date.toLocaleString(document.documentElement.lang || undefined); }

  function showSliderValues() {
    document.querySelectorAll('.pain__row').forEach(function (row) {
      var slider = row.querySelector('input[type="range"]');
      var output = row.querySelector('output');
      if (!slider || !output) { return; }
      var update = function () { output.textContent = slider.value; };
      slider.addEventListener('input', update);
      update();
    });
  }

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (m > 0 ? m + ':' + (s < 10 ? '0' : '') + s : String(s)) + (m > 0 ? '' : ' s');
  }

  function addTimers() {
    document.querySelectorAll('.timer[data-seconds]').forEach(function (box) {
      var total = parseInt(box.getAttribute('data-seconds'), 10);
      if (!(total > 0)) { return; }
      var display = document.createElement('p');
      display.className = 'timer__display';
      display.setAttribute('role', 'timer');
      display.setAttribute('aria-live', 'off');
      display.textContent = format(total);
      var done = document.createElement('p');
      done.setAttribute('aria-live', 'polite');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--secondary';
      button.textContent = word('timer-start');
      var left = total;
      var handle = null;
      function stop(label) {
        clearInterval(handle);
        handle = null;
        button.textContent = label;
      }
      button.addEventListener('click', function () {
        if (handle) { stop(word('timer-start')); return; }
        if (left <= 0) { left = total; }
        done.textContent = '';
        button.textContent = word('timer-stop');
        handle = setInterval(function () {
          left -= 1;
          display.textContent = format(Math.max(left, 0));
          if (left <= 0) {
            stop(word('timer-again'));
            done.textContent = word('timer-done');
          }
        }, 1000);
      });
      box.appendChild(display);
      box.appendChild(button);
      box.appendChild(done);
    });
  }

  // ---- Installable app and offline use (patients only: the body names the person) ----
  var CACHE = 'homeprogram-offline-v1';
  var person = document.body ? document.body.getAttribute('data-person') : null;

  // What a push without a text of its own says (js/push-worker.js reads it here; the worker cannot read a page):
  // this page's words, so in the language the portal served last. Kept with the offline copies, so it goes when the
  // person signs out; without it the worker says it in English.
  var PUSH_WORDS = '/push-words.json';

  function keepPushWords() {
    var body = word('push-new-message');
    if (!body || !('caches' in window)) { return; }
    caches.open(CACHE).then(function (cache) {
      return cache.put(PUSH_WORDS, new Response(JSON.stringify({ body: body, lang: document.documentElement.lang }),
        { headers: { 'Content-Type': 'application/json' } }));
    })['catch'](function () { /* no storage: the worker's English */ });
  }

  function registerWorker() {
    if (!person || !('serviceWorker' in navigator)) { return; }
    var forgotten = Promise.resolve();
    try {
      // Another person signed in on this phone: nothing kept for the one before is shown to them.
      var last = window.localStorage.getItem('homeprogram-person');
      if (last && last !== person && 'caches' in window) { forgotten = caches.delete(CACHE); }
      window.localStorage.setItem('homeprogram-person', person);
    } catch (e) { /* storage off: the worker still keeps only what this person loads */ }
    navigator.serviceWorker.register('/sw.js', { scope: '/' });
    forgotten.then(keepPushWords, keepPushWords);
    document.querySelectorAll('a.sign-out').forEach(function (link) {
      link.addEventListener('click', function () { if ('caches' in window) { caches.delete(CACHE); } });
    });
  }

  function offline() { return navigator.onLine === false; }

  function showOfflineBanner() {
    var banner = document.getElementById('offline-banner');
    if (!banner) { return; }
    var fromPhone = document.documentElement.getAttribute('data-served') === 'cache';
    banner.hidden = !(fromPhone || offline());
    var asOf = document.getElementById('offline-as-of');
    if (asOf) {
      var when = new Date(asOf.getAttribute('datetime'));
      if (!isNaN(when.getTime())) { asOf.textContent = localTime(when); }
    }
  }

  // The waiting logs, in IndexedDB: { key, person, itemId, itemName, fields, performedAt, state, message }.
  function store(mode, work) {
    return new Promise(function (resolve, reject) {
      if (!('indexedDB' in window)) { reject(new Error('no IndexedDB')); return; }
      var open = indexedDB.open('homeprogram', 1);
      open.onupgradeneeded = function () { open.result.createObjectStore('waiting-logs', { keyPath: 'key' }); };
      open.onerror = function () { reject(open.error); };
      open.onsuccess = function () {
        var tx = open.result.transaction('waiting-logs', mode);
        var result = work(tx.objectStore('waiting-logs'));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      };
    });
  }
  function allLogs() {
    return store('readonly', function (s) { return s.getAll(); }).then(function (logs) {
      return (logs || []).filter(function (l) { return l.person === person; });
    });
  }
  function putLog(log) { return store('readwrite', function (s) { s.put(log); }); }
  function dropLog(key) { return store('readwrite', function (s) { s['delete'](key); }); }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  var sentThisVisit = [];

  function renderWaiting() {
    var box = document.getElementById('waiting-logs');
    var list = document.getElementById('waiting-logs-list');
    if (!box || !list) { return Promise.resolve(); }
    return allLogs().then(function (logs) {
      list.textContent = '';
      logs.forEach(function (log) {
        var li = document.createElement('li');
        li.className = 'waiting-log waiting-log--' + log.state;
        li.setAttribute('data-key', log.key);
        var when = localTime(new Date(log.performedAt));
        li.textContent = log.state === 'refused'
          ? word('waiting-refused', { item: log.itemName, when: when, reason: log.message || '' })
          : word('waiting-waiting', { item: log.itemName, when: when });
        list.appendChild(li);
      });
      sentThisVisit.forEach(function (sent) {
        var li = document.createElement('li');
        li.className = 'waiting-log waiting-log--sent';
        li.textContent = word('waiting-sent', { item: sent.itemName, result: sent.result });
        list.appendChild(li);
      });
      box.hidden = logs.length === 0 && sentThisVisit.length === 0;
    })['catch'](function () { /* no IndexedDB: nothing can wait */ });
  }

  function field(fields, name) {
    for (var i = 0; i < fields.length; i++) { if (fields[i][0] === name) { return fields[i][1]; } }
    return null;
  }

  // What the stop rules on this phone say, until plan-service's decision replaces it: the plan's own pain bands
  // (kept in the page) and "any stop symptom pauses the exercise".
  function judgeOnThisPhone(form, fields) {
    var day = form.closest('.plan-day');
    var green = day ? parseInt(day.getAttribute('data-green-max'), 10) : NaN;
    var amber = day ? parseInt(day.getAttribute('data-amber-max'), 10) : NaN;
    var pain = parseInt(field(fields, 'painAfter'), 10);
    var symptoms = fields.filter(function (f) { return f[0] === 'symptoms'; }).length;
    if (symptoms > 0 || (!isNaN(amber) && pain > amber)) {
      return { kind: 'stop', text: word('phone-stop') + ' '
        + (symptoms > 0 ? word('phone-warning-sign') : word('phone-red', { pain: pain })) };
    }
    if (!isNaN(green) && pain > green) {
      return { kind: 'today', text: word('phone-amber', { pain: pain }) };
    }
    if (!isNaN(green)) { return { kind: 'continue', text: word('phone-green', { pain: pain }) }; }
    return { kind: 'today', text: word('phone-unknown') };
  }

  function showOutcome(form, kind, heading, text) {
    var box = form && form.querySelector('.offline-outcome');
    if (!box) { return; }
    box.textContent = '';
    var div = document.createElement('div');
    div.className = 'decision decision--' + kind;
    var h = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = heading;
    h.appendChild(strong);
    var p = document.createElement('p');
    p.textContent = text;
    div.appendChild(h);
    div.appendChild(p);
    box.appendChild(div);
  }

  function keepOffline(event) {
    if (!offline() || !person) { return; }
    var form = event.target;
    event.preventDefault();
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== 'csrf-token' && name !== 'idempotencyKey' && name !== 'performedAt') { fields.push([name, String(value)]); }
    });
    var log = { key: newKey(), person: person, itemId: field(fields, 'itemId'), itemName: field(fields, 'itemName'),
      fields: fields, performedAt: new Date().toISOString(), state: 'waiting' };
    var judged = judgeOnThisPhone(form, fields);
    putLog(log).then(function () {
      showOutcome(form, judged.kind, word('kept-heading'), judged.text + ' ' + word('kept-checked-again'));
      return renderWaiting();
    })['catch'](function () {
      showOutcome(form, 'stop', word('not-saved-heading'), word('not-saved-text'));
    });
  }

  // A fresh form token from the portal (the one in a kept page may be old); fails when signed out or offline.
  function freshToken() {
    return fetch('/today', { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
      if (!response.ok) { throw new Error('portal answered ' + response.status); }
      return response.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      if (doc.documentElement.getAttribute('data-served') === 'cache') { throw new Error('still offline'); }
      var token = doc.querySelector('input[name="csrf-token"]');
      if (!token) { throw new Error('not signed in'); }
      return token.value;
    });
  }

  function sendOne(log, token) {
    var body = new URLSearchParams();
    log.fields.forEach(function (f) { body.append(f[0], f[1]); });
    body.set('csrf-token', token);
    body.set('idempotencyKey', log.key);
    body.set('performedAt', log.performedAt);
    return fetch('/today/sessions', { method: 'POST', credentials: 'same-origin', body: body }).then(function (response) {
      return response.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var form = document.querySelector('.session-form input[name="itemId"][value="' + log.itemId + '"]');
        form = form ? form.form : null;
        if (response.status === 200) {
          // Sent: plan-service's decision replaces the phone's.
          var decision = doc.querySelector('.decision');
          var heading = decision && decision.querySelector('h1') ? decision.querySelector('h1').textContent.trim() : word('sent-logged');
          var guidance = decision && decision.querySelector('.decision__guidance')
            ? decision.querySelector('.decision__guidance').textContent.trim() : '';
          var kind = decision ? (decision.className.match(/decision--(\w+)/) || [])[1] || 'continue' : 'continue';
          sentThisVisit.push({ itemName: log.itemName, result: heading + '. ' + guidance });
          showOutcome(form, kind, word('sent-heading', { decision: heading }), guidance);
          return dropLog(log.key);
        }
        var error = doc.querySelector('.notice--bad, .field__error, .error-summary');
        // Refused for what the log says (a 400 names a field; a plan gone or not active): shown, not sent again.
        // A 400 without a field error (e.g. an expired form token) is tried again with a fresh token later.
        if ((response.status === 400 && error) || response.status === 404 || response.status === 409
            || response.status === 422) {
          log.state = 'refused';
          log.message = error ? error.textContent.trim() : '';
          return putLog(log);
        }
        throw new Error('portal answered ' + response.status);
      });
    });
  }

  var sending = false;
  function sendWaiting() {
    if (sending || offline() || !person || !('indexedDB' in window)) { return; }
    sending = true;
    allLogs().then(function (logs) {
      var waiting = logs.filter(function (l) { return l.state === 'waiting'; });
      if (waiting.length === 0) { return null; }
      return freshToken().then(function (token) {
        // One after another, each with its own key: sent twice, plan-service still stores it once.
        return waiting.reduce(function (done, log) {
          return done.then(function () { return sendOne(log, token); });
        }, Promise.resolve());
      });
    })['catch'](function () { /* still offline or signed out: they wait for the next chance */ })
      .then(function () { sending = false; return renderWaiting(); });
  }

  function emergencyOffline(event) {
    if (!offline()) { return; }
    var form = event.target;
    event.preventDefault();
    var ticked = form.querySelectorAll('input[type="checkbox"]:checked').length;
    var guidance = document.getElementById('offline-emergency');
    if (ticked > 0 && guidance) {
      guidance.hidden = false;
      guidance.focus();
      return;
    }
    var note = form.querySelector('.offline-note') || document.createElement('p');
    note.className = 'notice offline-note';
    note.setAttribute('role', 'status');
    note.textContent = word('check-in-offline-nothing');
    form.appendChild(note);
  }

  function enableOffline() {
    if (!person) { return; }
    registerWorker();
    showOfflineBanner();
    window.addEventListener('online', function () { showOfflineBanner(); sendWaiting(); });
    window.addEventListener('offline', showOfflineBanner);
    document.querySelectorAll('form.session-form').forEach(function (form) {
      form.addEventListener('submit', keepOffline);
    });
    document.querySelectorAll('form.check-in-form').forEach(function (form) {
      form.addEventListener('submit', emergencyOffline);
    });
    renderWaiting();
    sendWaiting();
  }

  document.addEventListener('DOMContentLoaded', function () {
    showSliderValues();
    addTimers();
    enableOffline();
  });
}());
