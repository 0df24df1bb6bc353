/** `jikenbo classify <file-or-url> [--json]`: classify every entry of a feed document. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Limits } from '../config/limits.js';
import { fetchFeed } from '../feed/fetchFeed.js';
import { parseFeed } from '../feed/parseFeed.js';
import type { ClassifyPost } from '../pipeline/classifyPosts.js';
import { formatPostLine } from './format.js';
import type { Output } from './pollCommand.js';

/** A one-line problem for stderr; the command exits 1. */
export class ClassifyInputError extends Error {}

async function readSource(source: string, limits: Limits): Promise<{ body: string; url: string }> {
  if (/^https?:\/\//i.test(source)) {
    try {
      const fetched = await fetchFeed(source, { etag: null, lastModified: null }, limits.fetch);
      if (fetched.status !== 'ok')
        throw new Error('the server answered 304 to an unconditional request');
      return { body: fetched.body, url: fetched.finalUrl };
    } catch (err) {
      throw new ClassifyInputError(`cannot fetch ${source}: ${(err as Error).message}`);
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(source)?.[1];
  if (scheme && scheme.toLowerCase() !== 'file') {
    throw new ClassifyInputError(
      `cannot read ${source}: ${scheme}:// is not supported (give an http(s):// URL or a file path)`,
    );
  }
  const path = scheme ? fileURLToPath(source) : source;
  try {
    return { body: await readFile(path, 'utf8'), url: `file:${path}` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ClassifyInputError(
      `cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

export async function runClassify(
  source: string,
  options: { json: boolean },
  deps: { classify: ClassifyPost; limits: Limits },
  io: Output,
): Promise<number> {
  const { body, url } = await readSource(source, deps.limits);
  let feed;
  try {
    feed = await parseFeed(body, url);
  } catch (err) {
    throw new ClassifyInputError(`${source}: ${(err as Error).message}`);
  }
  const storedAt = new Date().toISOString();
  const records = feed.posts.map((post) => ({
    post,
    classification: deps.classify(post),
    storedAt,
  }));
  if (options.json) {
    const rows = records.map(({ post, classification: c }) => ({
      id: post.id,
      link: post.link,
      title: post.title,
      kind: c.kind,
      cause: c.cause,
      secondaryCauses: c.secondaryCauses,
      severity: c.severity,
      incidentId: c.incidentId,
      organization: c.organization,
      affected: c.affected,
      dataTypes: c.dataTypes,
      disclosedOn: c.disclosedOn,
      disruption: c.disruption,
      reasons: c.reasons,
    }));
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  io.out(`${feed.title ?? source}: ${records.length} entries`);
  for (const record of records) io.out(formatPostLine(record, io.colour));
  return 0;
}
