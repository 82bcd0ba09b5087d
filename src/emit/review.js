/* The HTML review (--format html): the filter by kind and by hazard.
 * The page reads in full without it; it only hides changes. The address's
 * fragment holds the filter (#kind=function&hazard=data-loss), so that a
 * filtered view can be linked, and sets it when the page opens. */
(function () {
  'use strict';
  var kindFilter = document.getElementById('kind-filter');
  var hazardFilter = document.getElementById('hazard-filter');
  var shown = document.getElementById('shown');
  if (!kindFilter || !hazardFilter) {
    return;
  }
  var changes = document.querySelectorAll('article.change');

  /* value, when the select offers it; else "" (everything). */
  function choose(select, value) {
    var offered = Array.prototype.some.call(select.options, function (o) {
      return o.value === value;
    });
    select.value = offered ? value : '';
  }

  function readFragment() {
    var fragment = location.hash.slice(1);
    var params = new URLSearchParams(fragment.indexOf('=') >= 0 ? fragment : '');
    choose(kindFilter, params.get('kind') || '');
    choose(hazardFilter, params.get('hazard') || '');
  }

  function writeFragment() {
    var params = new URLSearchParams();
    if (kindFilter.value) params.set('kind', kindFilter.value);
    if (hazardFilter.value) params.set('hazard', hazardFilter.value);
    var fragment = params.toString();
    history.replaceState(null, '', fragment ? '#' + fragment : location.pathname);
  }

  function matches(change) {
    var hazards = change.dataset.hazards ? change.dataset.hazards.split(' ') : [];
    var hazard = hazardFilter.value;
    if (kindFilter.value && change.dataset.kind !== kindFilter.value) return false;
    if (hazard === 'any') return hazards.length > 0;
    if (hazard === 'none') return hazards.length === 0;
    return !hazard || hazards.indexOf(hazard) >= 0;
  }

  function apply() {
    var n = 0;
    changes.forEach(function (change) {
      change.hidden = !matches(change);
      n += change.hidden ? 0 : 1;
    });
    /* A schema or kind with nothing left to show goes with its heading. */
    document.querySelectorAll('section.group').forEach(function (group) {
      group.hidden = !group.querySelector('article.change:not([hidden])');
    });
    shown.textContent = n + ' of ' + changes.length + ' shown';
    document.body.dataset.shown = String(n);
  }

  kindFilter.addEventListener('change', function () { writeFragment(); apply(); });
  hazardFilter.addEventListener('change', function () { writeFragment(); apply(); });
  /* The summary's links set the filter (#kind=view); a link to one
   * change (#change-3, from the picture) shows everything. */
  window.addEventListener('hashchange', function () { readFragment(); apply(); });
  readFragment();
  apply();
}());
