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
    dialog.close();
    dialog.classList.add("confirmation--modal");
    dialog.showModal();
})();
