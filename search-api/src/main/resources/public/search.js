// The demo page's search box: calls /api/search as the reader types and lists the results.
// Titles and excerpts arrive as escaped HTML with only <mark> tags; everything else is set as text.
(function () {
  'use strict';
  var input = document.getElementById('q');
  var form = document.getElementById('search-form');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var tagBar = document.getElementById('tags');
  var activeTag = null;
  var latest = 0;
  var timer = null;

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function render(data) {
    results.replaceChildren();
    status.textContent = data.total === 0 ? '没有找到结果 / No results'
        : data.total + ' 篇文章 / posts (' + data.tookMs + ' ms)';
    data.hits.forEach(function (hit) {
      var item = el('li');
      var link = el('a', 'title');
      link.href = hit.url;
      link.innerHTML = hit.titleHtml || '';
      if (!link.textContent) link.textContent = hit.title || hit.id;
      item.appendChild(link);
      var meta = [hit.date ? hit.date.slice(0, 10) : null].concat(hit.tags).filter(Boolean).join(' · ');
      item.appendChild(el('div', 'meta', meta));
      var excerpt = el('p', 'excerpt');
      excerpt.innerHTML = hit.excerptHtml;
      item.appendChild(excerpt);
      results.appendChild(item);
    });
    tagBar.replaceChildren();
    data.facets.tags.slice(0, 12).forEach(function (facet) {
      var chip = el('button', null, facet.tag + ' ' + facet.count);
      chip.type = 'button';
      chip.setAttribute('aria-pressed', String(facet.tag === activeTag));
      chip.addEventListener('click', function () {
        activeTag = activeTag === facet.tag ? null : facet.tag;
        search();
      });
      tagBar.appendChild(chip);
    });
  }

  function search() {
    var q = input.value.trim();
    if (!q && !activeTag) {
      results.replaceChildren();
      tagBar.replaceChildren();
      status.textContent = '';
      return;
    }
    var params = new URLSearchParams();
    if (q) params.set('q', q);
    if (activeTag) params.set('tag', activeTag);
    var request = ++latest;
    fetch('/api/search?' + params.toString())
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.message || response.statusText);
          return body;
        });
      })
      .then(function (data) { if (request === latest) render(data); })
      .catch(function (error) {
        if (request === latest) status.textContent = '搜索出错 / Search failed: ' + error.message;
      });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search();
  });
}());
