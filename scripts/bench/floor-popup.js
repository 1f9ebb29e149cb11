// The popup's floor (scripts/bench/popup.ts): an extension page whose module script puts the element the
// benchmark waits for into the document at once, asking nothing of the background. What Chrome alone costs
// to open an extension page and the harness to see the element.
document.getElementById('app').innerHTML = '<section id="aggregation"><ul><li data-user-id="FLOOR">FLOOR</li></ul></section>';
