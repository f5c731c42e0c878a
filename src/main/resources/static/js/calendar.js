// Schedule a meeting: a suggested time fills the date and start fields.
document.addEventListener('click', function (event) {
  var slot = event.target.closest('.slot[data-date]');
  if (!slot) { return; }
  document.getElementById('date').value = slot.getAttribute('data-date');
  document.getElementById('start').value = slot.getAttribute('data-time');
  document.querySelectorAll('.slot.chosen').forEach(function (s) { s.classList.remove('chosen'); });
  slot.classList.add('chosen');
});

// Schedule a meeting: choosing the account reloads the form with its contacts.
document.addEventListener('DOMContentLoaded', function () {
  var account = document.querySelector('[data-reload-meeting]');
  if (!account) { return; }
  account.addEventListener('change', function () {
    window.location.href = '/calendar/meetings/new?account=' + encodeURIComponent(account.value);
  });
});
