// Every form page (main.form-page) opens with the cursor in its form: on the first field in error when the server
// refused it, else on its first field, so that nobody tabs through the menu first. Other pages start with the
// layout's skip link ("Skip to content"), the first thing Tab reaches.
(function () {
  function usable(control) {
    return !control.disabled && control.type !== 'hidden' && control.closest('[hidden]') === null
      && control.getClientRects().length > 0;
  }

  // In a group of radio buttons the checked one takes the focus, as the arrow keys expect.
  function first(container) {
    const controls = Array.prototype.filter.call(
      container.querySelectorAll('input, select, textarea'), usable);
    if (controls.length === 0) return null;
    if (controls[0].type === 'radio') {
      const checked = controls.filter(function (c) { return c.name === controls[0].name && c.checked; })[0];
      if (checked) return checked;
    }
    return controls[0];
  }

  document.addEventListener('DOMContentLoaded', function () {
    const form = document.querySelector('main.form-page form.form');
    if (!form) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const wrong = Array.prototype.filter.call(form.querySelectorAll('.has-error'), function (field) {
      return first(field) !== null;
    })[0];
    const target = wrong ? first(wrong) : first(form);
    if (target) target.focus();
  });
})();
