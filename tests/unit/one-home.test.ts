// One home per domain constant (issue 15): the User ID's shape, SPSE's generations, the roles, the contact
// channels, a problem's states and spse.inaproc.id's key form are each spelled out once in the product's code;
// everything else imports them. Fails naming every other file that spells one out again.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const code = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? code(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [relative(root, join(root, dir, e.name)).split(sep).join('/')] : [],
  );
const files = ['lib', 'components', 'entrypoints'].flatMap((d) => code(d));

/** Each constant: how it is spelled out (built here so this file matches none), and its one home. */
const q = (...ids: string[]) => ids.map((s) => `'${s}'`).join(', ');
const CONSTANTS: { what: string; spelled: RegExp; home: string }[] = [
  { what: 'the User ID pattern', spelled: /[.]_@-/, home: 'lib/spse/kinds.ts' },
  { what: 'the generations', spelled: new RegExp(q('4.5', '4.x', '3.x').replace(/\./g, '\\.')), home: 'lib/spse/kinds.ts' },
  { what: 'the roles', spelled: new RegExp(q('penyedia', 'non-penyedia', 'unknown')), home: 'lib/spse/kinds.ts' },
  { what: 'the channel kinds', spelled: new RegExp(q('email', 'phone', 'whatsapp', 'url', 'address')), home: 'lib/contact.ts' },
  { what: 'the problem states', spelled: new RegExp(q('open', 'reported', 'solved')), home: 'lib/schemas.ts' },
  { what: "an LPSE key's spse.inaproc.id prefix", spelled: new RegExp(["['\"]https://spse", 'inaproc', 'id/'].join('\\.')), home: 'lib/spse/hosts.ts' },
];

describe('one home per domain constant', () => {
  it.each(CONSTANTS)('$what is spelled out only in $home', ({ spelled, home }) => {
    const spelledIn = files.filter((f) => spelled.test(readFileSync(join(root, f), 'utf8')));
    expect(spelledIn.filter((f) => f !== home)).toEqual([]);
    expect(files).toContain(home);
  });
});
