// Long work in the background (demo load, report generation, evaluations, connector runs):
// an element with data-follow-progress="<status url>" polls the url once a second and shows
// the share done and the current step, then reloads the page once the work has ended.
(function () {
  'use strict';
  document.querySelectorAll('[data-follow-progress]').forEach(function (block) {
    var url = block.getAttribute('data-follow-progress');
    var bar = block.querySelector('progress');
    var text = block.querySelector('[data-progress-text]');
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) { return; }
          var percent = Math.round((status.progress || 0) * 100);
          if (bar) { bar.value = percent; bar.textContent = percent + ' %'; bar.setAttribute('aria-valuetext', percent + ' %'); }
          if (text) {
            text.textContent = percent + ' % · ' + (status.step || status.state || '')
              + (status.detail ? ': ' + status.detail : '');
          }
          if (status.running) {
            window.setTimeout(poll, 1000);
          } else {
            window.location.reload();
          }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 1000);
  });
}());
