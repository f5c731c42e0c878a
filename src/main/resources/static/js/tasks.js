// Tasks: the task form shows the repeat fields only when it repeats (and the custom rule only
// for a custom rule); the plan for tomorrow moves items up and down and renumbers them.
(function () {
  const choice = document.querySelector('[data-repeat-choice]');
  function showRepeat() {
    if (!choice) return;
    const value = choice.value;
    document.querySelectorAll('[data-repeating]').forEach(function (field) { field.hidden = value === ''; });
    document.querySelectorAll('[data-repeat-only]').forEach(function (field) {
      field.hidden = field.getAttribute('data-repeat-only') !== value;
    });
  }
  if (choice) {
    choice.addEventListener('change', showRepeat);
    showRepeat();
  }

  const list = document.getElementById('plan-list');
  function renumber() {
    list.querySelectorAll('.plan-item').forEach(function (item, index) {
      item.querySelector('.plan-rank').textContent = String(index + 1);
      item.querySelector('.plan-order').value = String(index + 1);
      item.classList.toggle('left-out', !item.querySelector('input[name="keep"]').checked);
    });
  }
  if (list) {
    list.addEventListener('click', function (event) {
      const button = event.target.closest('[data-move]');
      if (!button) return;
      const item = button.closest('.plan-item');
      if (button.getAttribute('data-move') === 'up' && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (button.getAttribute('data-move') === 'down' && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
      }
      renumber();
      button.focus();
    });
    list.addEventListener('change', renumber);
  }

  // A snooze menu closes when the person clicks elsewhere (a choice replaces the whole row).
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.snooze[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute('open');
    });
  });
})();
