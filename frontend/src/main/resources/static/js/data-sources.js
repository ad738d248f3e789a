/*
 * Data sources: progressive enhancement of the upload form and the job page.
 * Without this script the form posts normally and the job page refreshes itself.
 * With it: a file may be dropped on the form's drop zone; the upload is sent in the
 * background with a progress bar of the bytes sent, then the job's progress is followed
 * (GET /data-sources/{id}/status) until it has finished, and its outcome is announced.
 */
(function () {
  'use strict';

  var POLL_MS = 700;
  var numbers = new Intl.NumberFormat(document.documentElement.lang || 'en');

  function text(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function size(bytes) {
    if (bytes < 1024) { return numbers.format(bytes) + ' B'; }
    if (bytes < 1024 * 1024) { return numbers.format(Math.round(bytes / 1024)) + ' KB'; }
    return numbers.format(Math.round(bytes / (1024 * 1024) * 10) / 10) + ' MB';
  }

  function setBar(bar, label, percent) {
    var value = Math.max(0, Math.min(100, Math.floor(percent)));
    bar.value = value;
    bar.textContent = value + ' %';
    if (label) { label.textContent = value + ' %'; }
  }

  /* Asks for the job's status until it has finished; calls back on each answer. */
  function follow(url, onStatus, onLost) {
    var failures = 0;
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.json();
        })
        .then(function (status) {
          failures = 0;
          onStatus(status);
          if (status.running) { window.setTimeout(poll, POLL_MS); }
        })
        .catch(function () {
          failures++;
          if (failures < 5) { window.setTimeout(poll, POLL_MS * 2); } else { onLost(); }
        });
    }
    poll();
  }

  function enhanceUploadForm(form) {
    var input = form.querySelector('input[type=file]');
    var zone = form.querySelector('[data-drop-zone]');
    var chosen = form.querySelector('[data-chosen]');
    var panel = form.querySelector('[data-progress]');
    var uploadBar = form.querySelector('#uploadProgress');
    var uploadValue = form.querySelector('[data-upload-value]');
    var jobBar = form.querySelector('#jobProgress');
    var jobValue = form.querySelector('[data-job-value]');
    var status = form.querySelector('[data-status]');
    var outcome = form.querySelector('[data-outcome]');
    var outcomeLink = form.querySelector('[data-outcome-link]');
    var button = form.querySelector('button[type=submit]');
    var msg = form.dataset;

    form.querySelector('[data-drop-hint]').hidden = false;
    zone.classList.add('drop-enabled');

    function showChosen(note) {
      var file = input.files && input.files[0];
      chosen.textContent = file ? (note || text(msg.msgChosen, { file: file.name, size: size(file.size) })) : '';
    }

    function hasFiles(event) {
      return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
    }

    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        if (hasFiles(event)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          zone.classList.add('drop-active');
        }
      });
    });
    zone.addEventListener('dragleave', function (event) {
      if (!zone.contains(event.relatedTarget)) { zone.classList.remove('drop-active'); }
    });
    zone.addEventListener('drop', function (event) {
      zone.classList.remove('drop-active');
      if (!hasFiles(event)) { return; }
      event.preventDefault();
      var files = event.dataTransfer.files;
      if (!files.length) { return; }
      var one = new DataTransfer();
      one.items.add(files[0]);
      input.files = one.files;
      showChosen(files.length > 1 ? text(msg.msgOne, { file: files[0].name }) : null);
      input.focus();
    });
    input.addEventListener('change', function () { showChosen(null); });

    function finish(message, link) {
      status.textContent = message;
      if (link) {
        outcomeLink.href = link;
        outcome.hidden = false;
      }
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }

    /* The list of uploads again, with the new job in it (the page's first page). */
    function refreshHistory(then) {
      var history = document.querySelector('[data-history]');
      if (!history || new URLSearchParams(window.location.search).has('page')) { then(); return; }
      fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-history]');
          if (fresh) { history.innerHTML = fresh.innerHTML; }
        })
        .catch(function () { /* the list stays as it was */ })
        .then(then);
    }

    function followJob(job, url) {
      var statusUrl = url + '/status';
      follow(statusUrl, function (current) {
        setBar(jobBar, jobValue, current.percent);
        if (current.running) {
          status.textContent = current.status === 'QUEUED' ? msg.msgQueued
            : text(msg.msgRunning, { percent: current.percent, rows: numbers.format(current.rowsRead) });
          return;
        }
        var message;
        if (current.status === 'COMPLETED' && current.duplicateOf) {
          message = msg.msgDuplicate;
        } else if (current.status === 'COMPLETED') {
          message = text(msg.msgCompleted, {
            rows: numbers.format(current.rowsRead), usage: numbers.format(current.rowsAccepted),
            costOnly: numbers.format(current.rowsCostOnly), rejected: numbers.format(current.rowsRejected)
          });
        } else {
          message = text(msg.msgStopped, { status: current.status, message: current.message || '' });
        }
        finish(message, url);
        refreshHistory(function () { panel.dataset.outcome = current.status; });
      }, function () {
        finish(msg.msgLost, url);
      });
    }

    form.addEventListener('submit', function (event) {
      var file = input.files && input.files[0];
      if (!file || typeof FormData === 'undefined') { return; }
      event.preventDefault();
      var data = new FormData(form);
      var xhr = new XMLHttpRequest();
      panel.hidden = false;
      delete panel.dataset.outcome;
      outcome.hidden = true;
      setBar(uploadBar, uploadValue, 0);
      setBar(jobBar, jobValue, 0);
      status.textContent = text(msg.msgUploading, { file: file.name, percent: 0 });
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      var announced = 0;
      xhr.upload.addEventListener('progress', function (progress) {
        if (!progress.lengthComputable) { return; }
        var percent = progress.loaded / progress.total * 100;
        setBar(uploadBar, uploadValue, percent);
        // announce in steps of a quarter, not on every event
        if (percent - announced >= 25) {
          announced = percent;
          status.textContent = text(msg.msgUploading, { file: file.name, percent: Math.floor(percent) });
        }
      });
      xhr.addEventListener('load', function () {
        var answer = xhr.response;
        if (xhr.status === 202 && answer && answer.job) {
          setBar(uploadBar, uploadValue, 100);
          status.textContent = msg.msgQueued;
          followJob(answer.job, answer.url);
        } else if (xhr.status === 400 && answer && answer.problems) {
          finish(answer.problems.join(' '), null);
        } else if (xhr.status === 413) {
          finish(msg.msgToolarge, null);
        } else if (xhr.status === 403 || (xhr.status === 200 && !answer)) {
          finish(msg.msgSession, null);
        } else {
          finish(text(msg.msgFailed, { status: xhr.status }), null);
        }
      });
      xhr.addEventListener('error', function () { finish(text(msg.msgFailed, { status: 0 }), null); });
      xhr.open('POST', form.action);
      xhr.responseType = 'json';
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.send(data);
    });
  }

  /* The job page while its job runs: live progress, then the page again with the report. */
  function followJobPage(block) {
    var bar = block.querySelector('progress');
    var label = block.querySelector('[data-job-progress]');
    var hint = block.querySelector('small');
    if (hint) { hint.hidden = true; }
    follow(block.getAttribute('data-follow-job'), function (current) {
      bar.value = current.percent;
      bar.textContent = current.percent + ' %';
      label.textContent = current.percent + ' % · ' + current.status;
      if (!current.running) { window.location.reload(); }
    }, function () { window.location.reload(); });
  }

  var form = document.querySelector('form[data-upload]');
  if (form) { enhanceUploadForm(form); }
  var job = document.querySelector('[data-follow-job]');
  if (job) { followJobPage(job); }
}());
