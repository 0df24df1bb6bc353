/** Reads the shared Blogger fixture feeds as raw `<entry>` blocks that a local feed server can re-serve. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureEntry {
  id: string;
  /** The `<entry>…</entry>` XML exactly as in the fixture. */
  xml: string;
  published: string;
}

const ENTRY = /<entry>[\s\S]*?<\/entry>/g;

/** The `<entry>` blocks of an Atom document, in document order. */
export function entriesOfAtom(xml: string): FixtureEntry[] {
  return (xml.match(ENTRY) ?? []).map((entryXml) => ({
    id: /<id>([^<]+)<\/id>/.exec(entryXml)?.[1] ?? '',
    xml: entryXml,
    published: /<published>([^<]+)<\/published>/.exec(entryXml)?.[1] ?? '',
  }));
}

/** Every entry of every `*.atom.xml` in `dir`, newest first, each id once. */
export function loadFixtureEntries(dir: string): FixtureEntry[] {
  const byId = new Map<string, FixtureEntry>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.atom.xml'))
    .sort()) {
    for (const entry of entriesOfAtom(readFileSync(join(dir, file), 'utf8')))
      byId.set(entry.id, entry);
  }
  return [...byId.values()].sort((a, b) => b.published.localeCompare(a.published));
}

/** A Blogger-shaped Atom entry, for tests and demos that need posts the fixtures do not have. */
export function makeAtomEntry(options: {
  id: string;
  title: string;
  html: string;
  published: string;
  link?: string;
}): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    `<entry><id>${escape(options.id)}</id><published>${options.published}</published>` +
    `<updated>${options.published}</updated><title type='text'>${escape(options.title)}</title>` +
    `<content type='html'>${escape(options.html)}</content>` +
    `<link rel='alternate' type='text/html' href='${escape(options.link ?? `https://example.test/${encodeURIComponent(options.id)}.html`)}' title='${escape(options.title)}'/>` +
    `</entry>`
  );
}
