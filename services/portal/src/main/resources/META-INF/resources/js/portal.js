// Progressive enhancement only: every page works without this file.
// - pain sliders show their value next to them;
// - items with a hold or duration get a start/stop timer.
(function () {
  'use strict';

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
      button.textContent = 'Start timer';
      var left = total;
      var handle = null;
      function stop(label) {
        clearInterval(handle);
        handle = null;
        button.textContent = label;
      }
      button.addEventListener('click', function () {
        if (handle) { stop('Start timer'); return; }
        if (left <= 0) { left = total; }
        done.textContent = '';
        button.textContent = 'Stop timer';
        handle = setInterval(function () {
          left -= 1;
          display.textContent = format(Math.max(left, 0));
          if (left <= 0) {
            stop('Start again');
            done.textContent = 'Time is up.';
          }
        }, 1000);
      });
      box.appendChild(display);
      box.appendChild(button);
      box.appendChild(done);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    showSliderValues();
    addTimers();
  });
}());
