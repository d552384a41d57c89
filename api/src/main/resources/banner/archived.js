/* Consent Platform: the owner of this site archived it here, so no banner shows and no decision is
   recorded. The page's own calls to window.ConsentPlatform keep working and learn there is none. */
(function (w) {
  'use strict';
  if (w.ConsentPlatform) return;
  w.ConsentPlatform = {
    getConsent: function () { return null; },
    onChange: function () {},
    show: function () {}
  };
})(window);
