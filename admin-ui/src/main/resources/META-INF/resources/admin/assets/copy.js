/* Copy buttons: a button[data-copy] copies the text of the element it names. The buttons stay
   hidden without this script (or without the clipboard API), and the text can still be selected. */
(function (d) {
  'use strict';
  if (!navigator.clipboard) return;
  var buttons = d.querySelectorAll('button[data-copy]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function (e) {
      var button = e.currentTarget;
      var source = d.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var label = button.textContent;
        button.textContent = button.getAttribute('data-copied') || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }
})(document);
