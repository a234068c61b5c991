// Progressive enhancement: the counts update every two seconds, and the page reloads itself when
// the facilitator moves on, reveals, or releases a name. Without it the page works, only not live.
(function () {
  var body = document.body;
  var url = body.getAttribute('data-state');
  var version = body.getAttribute('data-version');
  function tick() {
    fetch(url, { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (s) {
      if (!s) { return; }
      if (s.version !== version) { location.replace(location.pathname); return; }
      s.items.forEach(function (i) {
        var el = document.querySelector('.count[data-item=' + i.item + ']');
        if (el) { el.textContent = i.text; }
      });
    }).catch(function () {});
  }
  setInterval(tick, 2000);
})();
