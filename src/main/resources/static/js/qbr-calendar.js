// Schedule QBR: choosing the account, or the quarter reviewed, reloads the form with that account's
// contacts, quarters, title and agenda.
document.addEventListener('DOMContentLoaded', function () {
  var account = document.getElementById('qbr-account');
  var quarter = document.getElementById('qbr-quarter');
  function reload(withQuarter) {
    var url = '/qbrs/schedule?account=' + encodeURIComponent(account.value);
    if (withQuarter && quarter && quarter.value) {
      url += '&quarter=' + encodeURIComponent(quarter.value);
    }
    window.location.href = url;
  }
  if (account && account.hasAttribute('data-qbr-reload')) {
    account.addEventListener('change', function () { reload(false); });
  }
  if (quarter && quarter.tagName === 'SELECT' && quarter.hasAttribute('data-qbr-reload')) {
    quarter.addEventListener('change', function () { reload(true); });
  }
});
