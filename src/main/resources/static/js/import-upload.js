// CSV import page: the chosen file's name, the 5 MB limit checked before upload, drag and drop, a busy button.
(function () {
  const input = document.getElementById('file');
  const zone = input.closest('.dropzone');
  const name = document.getElementById('file-name');
  const error = document.getElementById('file-error');
  const submit = document.getElementById('preview-import');
  function show() {
    const file = input.files[0];
    name.textContent = file ? file.name : '';
    zone.classList.toggle('has-file', !!file);
    const tooLarge = !!file && file.size > 5 * 1024 * 1024;
    error.hidden = !tooLarge;
    submit.disabled = tooLarge;
  }
  input.addEventListener('change', show);
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
  });
  document.getElementById('upload-form').addEventListener('submit', function () {
    submit.disabled = true;
    submit.textContent = this.getAttribute('data-busy');
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer.files.length) { input.files = event.dataTransfer.files; show(); }
  });
})();
