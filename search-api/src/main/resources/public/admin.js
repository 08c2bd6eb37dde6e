// Admin page: asks for the admin token, fetches /api/admin/analytics and shows it. Everything is rendered with
// textContent, never as HTML: queries are typed by strangers.
(function () {
  'use strict';

  var STORAGE_KEY = 'blogsearch.adminToken';
  var form = document.getElementById('token-form');
  var input = document.getElementById('token');
  var status = document.getElementById('status');
  var report = document.getElementById('report');

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function listCell(row, items) {
    var td = document.createElement('td');
    if (items && items.length) {
      var ul = document.createElement('ul');
      ul.className = 'suggestions';
      items.forEach(function (item) {
        var li = document.createElement('li');
        li.textContent = item;
        ul.appendChild(li);
      });
      td.appendChild(ul);
    }
    row.appendChild(td);
  }

  function fill(tableId, rows, render) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    rows.forEach(function (item) {
      var tr = document.createElement('tr');
      render(tr, item);
      body.appendChild(tr);
    });
  }

  function show(data) {
    var t = data.totals;
    document.getElementById('totals').textContent = (data.enabled ? '' : 'Recording is OFF. ')
      + t.searches + ' searches of ' + t.distinctQueries + ' distinct queries, ' + t.zeroResultSearches
      + ' found nothing, ' + t.clicks + ' results opened. Kept: up to ' + data.bounds.maxQueries
      + ' queries and ' + data.bounds.maxClicks + ' click pairs, for ' + data.bounds.retentionDays + ' days.';
    fill('top-queries', data.topQueries, function (tr, q) {
      cell(tr, q.query);
      cell(tr, q.searches, 'number');
      cell(tr, q.zeroResultSearches, 'number');
      cell(tr, q.lastResults, 'number');
      cell(tr, q.clicks, 'number');
      listCell(tr, q.suggestions);
    });
    fill('zero-queries', data.zeroResultQueries, function (tr, q) {
      cell(tr, q.query);
      cell(tr, q.zeroResultSearches, 'number');
      cell(tr, q.words.join(' '));
      cell(tr, q.units.concat(q.corrections).join('; '));
      listCell(tr, q.suggestions);
    });
    fill('top-clicks', data.topClicks, function (tr, c) {
      cell(tr, c.query);
      cell(tr, c.id);
      cell(tr, c.clicks, 'number');
      cell(tr, c.meanRank, 'number');
    });
    report.hidden = false;
  }

  function load(token) {
    status.textContent = 'Loading…';
    fetch('api/admin/analytics', { headers: { 'Authorization': 'Bearer ' + token } })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body && body.message ? body.message : 'HTTP ' + response.status);
          }
          return body;
        });
      })
      .then(function (data) {
        status.textContent = '';
        sessionStorage.setItem(STORAGE_KEY, token);
        show(data);
      })
      .catch(function (error) {
        report.hidden = true;
        status.textContent = error.message;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load(input.value.trim());
  });
  document.getElementById('forget').addEventListener('click', function () {
    sessionStorage.removeItem(STORAGE_KEY);
    input.value = '';
    report.hidden = true;
  });

  // Kept for this tab only, so a reload does not ask again and closing the tab forgets it.
  var saved = sessionStorage.getItem(STORAGE_KEY);
  if (saved) {
    input.value = saved;
    load(saved);
  }
})();
