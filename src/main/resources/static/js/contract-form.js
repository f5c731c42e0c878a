// The contract form's service lines: add and remove rows (kept numbered serviceLines[0..n]
// so that they bind in order), and a live total in the chosen currency.
(function () {
  const form = document.getElementById('contract-form');
  if (!form) return;
  const body = document.getElementById('service-lines');
  const template = document.getElementById('service-line-template');
  const total = document.getElementById('lines-total');
  const currency = form.querySelector('[data-currency-select]');

  function renumber() {
    body.querySelectorAll('tr.service-line').forEach(function (row, index) {
      row.querySelectorAll('[name], [id], [data-field], label[for]').forEach(function (el) {
        ['name', 'id', 'data-field', 'for'].forEach(function (attr) {
          const value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(/serviceLines\[?(\d+|__INDEX__)\]?/, attr === 'id' || attr === 'for' ? 'serviceLines' + index : 'serviceLines[' + index + ']'));
        });
      });
    });
  }

  function parse(text) {
    const value = parseFloat(String(text).replace(/[^0-9.\-]/g, ''));
    return isNaN(value) ? 0 : value;
  }

  function updateTotal() {
    let sum = 0;
    body.querySelectorAll('.line-value').forEach(function (input) { sum += parse(input.value); });
    try {
      total.textContent = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.value || 'USD', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(sum);
    } catch (e) {
      total.textContent = sum.toFixed(2) + ' ' + (currency.value || '');
    }
  }

  form.addEventListener('click', function (event) {
    if (event.target.closest('[data-add-line]')) {
      const row = template.content.firstElementChild.cloneNode(true);
      body.appendChild(row);
      renumber();
      row.querySelector('input').focus();
      updateTotal();
    } else if (event.target.closest('[data-remove-line]')) {
      const row = event.target.closest('tr.service-line');
      if (body.querySelectorAll('tr.service-line').length > 1) {
        row.remove();
      } else {
        row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      }
      renumber();
      updateTotal();
    }
  });
  form.addEventListener('input', function (event) {
    if (event.target.classList.contains('line-value')) updateTotal();
  });
  if (currency) currency.addEventListener('change', updateTotal);
  updateTotal();
})();
