// Schedule a meeting: choosing the account reloads the form with its contacts.
document.addEventListener('DOMContentLoaded', function () {
  var account = document.querySelector('[data-reload-meeting]');
  if (!account) { return; }
  account.addEventListener('change', function () {
    window.location.href = '/calendar/meetings/new?account=' + encodeURIComponent(account.value);
  });
});
