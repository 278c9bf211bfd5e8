/* The live page of proflog watch --serve: fetches report.json every few seconds (?refresh=N, 10 by
   default) and redraws the report in place. Every string from the data goes in as text. */
(function () {
  'use strict';
  var report = window.proflogReport;
  var status = document.getElementById('status');
  var q = /[?&]refresh=(\d+)/.exec(location.search);
  var every = q ? Math.min(3600, Math.max(1, +q[1])) : 10;
  var etag = null;
  var timer = null;
  var busy = false;
  var lastOk = null;

  var live = document.createElement('div');
  live.id = 'live';
  live.className = 'live';
  document.getElementById('meta').insertAdjacentElement('afterend', live);
  var empty = document.getElementById('empty');
  empty.textContent = 'Waiting for proflog watch to read its first snapshots; this page updates itself.';
  // The report hides its "no data" note once drawn; here no nodes yet means waiting.
  function noteWhenEmpty() {
    empty.hidden = status.getAttribute('data-state') === 'done' && status.getAttribute('data-nodes') !== '0';
  }
  noteWhenEmpty();

  function hms(d) { return d.toISOString().slice(11, 19) + ' UTC'; }
  function show(state, text) {
    live.setAttribute('data-state', state);
    live.textContent = text;
    status.setAttribute('data-live', state);
  }
  function schedule(seconds) {
    clearTimeout(timer);
    timer = setTimeout(poll, seconds * 1000);
  }
  function ok() {
    noteWhenEmpty();
    lastOk = new Date();
    show('live', 'Live · updated ' + hms(lastOk) + ' · every ' + every + ' s');
  }
  function lost(why) {
    show('lost', 'Connection lost (' + why + ') · retrying every ' + every + ' s'
      + (lastOk ? ' · last update ' + hms(lastOk) : ''));
  }

  function poll() {
    if (busy) { return; }
    if (document.hidden) { schedule(every); return; }
    busy = true;
    var headers = {};
    if (etag) { headers['If-None-Match'] = etag; }
    fetch('report.json', { cache: 'no-store', headers: headers, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 304) { return null; }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        etag = r.headers.get('ETag');
        return r.json();
      })
      .then(function (data) {
        if (data && data.nodes) {
          try {
            report.render(data);
          } catch (e) {
            // A bug of the page, not of the connection: count it like any other script error.
            setTimeout(function () { throw e; }, 0);
            throw new Error('page error');
          }
        }
        ok();
      })
      .catch(function (e) {
        lost(e && e.message ? e.message : 'no answer');
      })
      .then(function () {
        busy = false;
        schedule(every);
      });
  }

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) { schedule(0); }
  });
  if (status.getAttribute('data-state') === 'done') {
    ok();
    schedule(every);
  } else {
    show('waiting', 'Waiting for data…');
    schedule(0);
  }
})();
