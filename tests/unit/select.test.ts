// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { selectAll, selectMany } from '@/lib/spse/select';

describe('selectAll (fast-path selector lists)', () => {
  it('returns what querySelectorAll returns, in document order, for tags, classes, ids, compounds and descendants', () => {
    document.body.innerHTML = `<h2 id="a" class="x">A</h2><div class="alert"><h4>B</h4></div><form id="formLogout" action="/j/logout"></form>
      <nav><a href="/j/logout">out</a></nav><div role="alert">C</div><div id="myModal"><p class="modal-header">D</p></div>
      <div class="alert alert-warning">E</div><div class="alert-warning">F</div><div class="alert x alert-warning">G</div>`;
    for (const sel of ['h2, h4, .alert, [role="alert"]', '#formLogout, form[action$="/logout"], a[href*="logout"]', 'nav a, #myModal .modal-header', '.x, h2, #a', '.alert.alert-warning, .x', '.alert-warning.alert.x'])
      expect(selectAll(document, sel), sel).toEqual(Array.from(document.querySelectorAll(sel)));
    const lists = ['h2, [role="alert"]', 'a[href*="logout"], #formLogout', 'nav a, .modal-header'];
    expect(selectMany(document, lists)).toEqual(lists.map((l) => Array.from(document.querySelectorAll(l))));
    expect(selectAll(document.querySelector('.alert')!, 'h4, h2').map((e) => e.textContent)).toEqual(['B']);
  });
});
