// Compose: picking a template reloads the form with it (the merged preview follows).
document.addEventListener('DOMContentLoaded', function () {
  var picker = document.querySelector('[data-template-picker]');
  if (!picker) { return; }
  picker.addEventListener('change', function () {
    var params = new URLSearchParams();
    if (picker.value) { params.set('template', picker.value); }
    var contact = document.getElementById('contact');
    if (contact && contact.value) { params.set('contact', contact.value); }
    window.location.href = picker.getAttribute('data-base') + '?' + params.toString();
  });
});
