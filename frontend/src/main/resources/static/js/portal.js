/*
 * Every portal page: a table too wide for its frame scrolls sideways inside it (.table-wrap).
 * Such a frame becomes a focusable region named after its table, so that it can be
 * scrolled with the keyboard (WCAG 2.1.1); it stops being one when the window is wide enough.
 */
(function () {
  'use strict';

  function name(frame) {
    var caption = frame.querySelector('caption');
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    for (var element = frame.previousElementSibling; element; element = element.previousElementSibling) {
      if (/^H[1-6]$/.test(element.tagName)) { return element.textContent.trim(); }
    }
    return document.title;
  }

  function update() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (frame) {
      var scrolls = frame.scrollWidth > frame.clientWidth + 1;
      if (scrolls && !frame.hasAttribute('tabindex')) {
        frame.setAttribute('tabindex', '0');
        frame.setAttribute('role', 'region');
        frame.setAttribute('aria-label', name(frame));
        frame.setAttribute('data-scrolls', '');
      } else if (!scrolls && frame.hasAttribute('data-scrolls')) {
        ['tabindex', 'role', 'aria-label', 'data-scrolls'].forEach(function (attribute) {
          frame.removeAttribute(attribute);
        });
      }
    });
  }

  var pending;
  update();
  window.addEventListener('resize', function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 150);
  });
}());
