// The bench's reference content script (scripts/bench/pageload.ts): the least any in-page assistant must
// do — after the load event, one message to the background and, on its reply, one hidden element.
(function () {
  function go() {
    chrome.runtime.sendMessage({ type: 'bench/floor' }).then(function (reply) {
      var host = document.createElement('spse-assist');
      host.hidden = true;
      host.setAttribute('data-reply', String(!!reply));
      document.body.prepend(host);
    });
  }
  if (document.readyState === 'complete') go();
  else addEventListener('load', function () { setTimeout(go, 0); }, { once: true });
})();
