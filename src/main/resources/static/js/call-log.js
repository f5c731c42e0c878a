// Log call: the running timer (it fills the editable minutes), the call type's notes template
// (it never overwrites what was typed), the fields of the chosen kind, and the account picker
// (choosing an account reloads the form with that account's contacts and team).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('log-call-form');
  if (!form) { return; }

  var clock = document.getElementById('timer-clock');
  var toggle = document.getElementById('timer-toggle');
  var minutes = document.getElementById('durationMinutes');
  var elapsed = 0, running = null, startedAt = 0;
  function show() {
    var s = Math.floor(elapsed / 1000);
    clock.textContent = String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
    minutes.value = Math.max(1, Math.ceil(s / 60));
  }
  toggle.addEventListener('click', function () {
    if (running) {
      elapsed += Date.now() - startedAt;
      clearInterval(running);
      running = null;
      toggle.textContent = 'Resume timer';
      show();
    } else {
      startedAt = Date.now();
      running = setInterval(function () {
        var total = elapsed + Date.now() - startedAt;
        var s = Math.floor(total / 1000);
        clock.textContent = String(Math.floor(s / 60)).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
        minutes.value = Math.max(1, Math.ceil(s / 60));
      }, 500);
      toggle.textContent = 'Pause timer';
    }
  });
  form.addEventListener('submit', function () {
    if (running) { elapsed += Date.now() - startedAt; clearInterval(running); running = null; show(); }
  });

  var type = document.getElementById('callType');
  var notes = document.getElementById('notes');
  var lastTemplate = type.options[type.selectedIndex].getAttribute('data-template') || '';
  type.addEventListener('change', function () {
    var template = type.options[type.selectedIndex].getAttribute('data-template') || '';
    if (notes.value.trim() === '' || notes.value.replace(/\s+/g, ' ').trim() === lastTemplate.replace(/\s+/g, ' ').trim()) {
      notes.value = template;
    }
    lastTemplate = template;
  });

  function kind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : 'CALL';
  }
  function showKind() {
    var k = kind();
    form.querySelectorAll('[data-kinds]').forEach(function (el) {
      var on = el.getAttribute('data-kinds').split(' ').indexOf(k) >= 0;
      el.hidden = !on;
      el.querySelectorAll('input, select, textarea').forEach(function (c) { c.disabled = !on; });
    });
    document.getElementById('log-and-create').textContent =
      k === 'NOTE' ? 'Save note and create tasks' : k === 'MEETING' ? 'Log meeting and create tasks' : 'Log call and create tasks';
  }
  form.querySelectorAll('input[name="kind"]').forEach(function (r) { r.addEventListener('change', showKind); });
  showKind();

  var account = document.getElementById('account');
  account.addEventListener('change', function () {
    var params = new URLSearchParams();
    params.set('account', account.value);
    var topic = document.getElementById('topic').value;
    if (topic) { params.set('topic', topic); }
    params.set('type', kind());
    params.set('callType', type.value);
    window.location.href = '/log/new?' + params.toString();
  });
});
