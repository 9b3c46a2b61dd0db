// A form marked data-single-submit disables its button once sent, so a double click
// sends it once. The server does not rely on this: each form carries a key that
// opens one ticket however many times it is posted.
(function () {
    "use strict";

    document.querySelectorAll("form[data-single-submit]").forEach(function (form) {
        form.addEventListener("submit", function () {
            form.querySelectorAll("button[type=submit]").forEach(function (button) {
                button.disabled = true;
                button.setAttribute("aria-busy", "true");
            });
        });
    });
})();
