// "Add another technical contact" without a round trip: copy the empty row that the
// page ships in a <template>, number it, and count it. Without this script the
// button submits the form and the server adds the row, keeping what was typed.
(function () {
    "use strict";

    var form = document.querySelector("[data-contacts-form]");
    if (!form) {
        return;
    }
    var button = form.querySelector("[data-add-contact]");
    var prototype = form.querySelector("template[data-technical-prototype]");
    var rows = form.querySelector("[data-technical-rows]");
    var count = form.querySelector("input[name='technical_count']");
    if (!button || !prototype || !rows || !count) {
        return;
    }

    button.addEventListener("click", function (event) {
        event.preventDefault();
        var number = parseInt(count.value, 10) + 1;
        var html = prototype.innerHTML.split("__number__").join(String(number));
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        var row = holder.firstElementChild;
        rows.appendChild(row);
        count.value = String(number);
        var first = row.querySelector("input");
        if (first) {
            first.focus();
        }
    });
})();
