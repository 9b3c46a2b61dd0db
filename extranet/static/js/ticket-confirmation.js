// The ticket confirmation arrives open on the page, so that it reads as a page
// without JavaScript. Here it becomes a modal dialog: the browser keeps the focus
// inside it while it is open, and on closing the focus goes back to the ticket.
(function () {
    "use strict";

    var dialog = document.querySelector("dialog[data-confirmation]");
    if (!dialog || typeof dialog.showModal !== "function") {
        return;
    }

    var returnTarget = document.getElementById(dialog.dataset.returnFocus);
    dialog.addEventListener("close", function () {
        if (returnTarget) {
            returnTarget.focus();
        }
    });
    // Chromium lets Tab leave a modal dialog for the browser's own toolbar; here the
    // focus wraps from the last control to the first and back.
    dialog.addEventListener("keydown", function (event) {
        if (event.key !== "Tab") {
            return;
        }
        var controls = dialog.querySelectorAll("button, a[href], input, select, textarea");
        var first = controls[0];
        var last = controls[controls.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    });
    dialog.close();
    dialog.classList.add("confirmation--modal");
    dialog.showModal();
})();
