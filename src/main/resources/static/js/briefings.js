// Briefings pages: the prep sheet's print button and its account manager picker (no inline
// handlers: the Content-Security-Policy allows scripts from this origin only).
document.addEventListener('DOMContentLoaded', function () {
  var print = document.getElementById('print-sheet');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
  var am = document.getElementById('am');
  if (am) {
    am.addEventListener('change', function () { am.form.submit(); });
  }
});
