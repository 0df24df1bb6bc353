import { describe, expect, it } from 'vitest';
import { exportIncidents } from '../../../src/export/exportFormats.js';
import { toStixBundle } from '../../../src/export/stixBundle.js';
import {
  PRODUCER_IDENTITY_ID,
  identityId,
  normaliseOrganisation,
  uuidV5,
} from '../../../src/export/stixIds.js';
import { SAMPLE_RECORDS, collect, incident } from '../../fixtures/export/incidents.js';
import { stixValidator } from './stixSchemas.js';

type StixObject = Record<string, unknown> & { type: string; id: string };
type Bundle = { type: string; id: string; objects: StixObject[] };

const SCHEMA_OF: Record<string, string> = {
  identity: 'sdos/identity.json',
  report: 'sdos/report.json',
};
const BUNDLE_UUID = '6c0b7a3e-8f9d-4a51-9b2e-1d4c5e6f7a8b';

const validator = stixValidator();

/** Errors of the bundle schema, and of each object's own type schema (checked twice on purpose). */
function schemaErrors(bundle: unknown): string[] {
  const errors: string[] = [];
  const check = (schema: string, value: unknown, what: string) => {
    const validate = validator.validate(schema);
    if (!validate(value)) errors.push(`${what}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  };
  check('common/bundle.json', bundle, 'bundle');
  for (const object of (bundle as Partial<Bundle>).objects ?? []) {
    const schema = SCHEMA_OF[object.type];
    if (!schema) errors.push(`${object.id}: no schema for type ${object.type}`);
    else check(schema, object, object.id);
  }
  return errors;
}

async function exportBundle(records = SAMPLE_RECORDS): Promise<Bundle> {
  const text = await collect(exportIncidents(records, { format: 'stix', bundleUuid: BUNDLE_UUID }));
  return JSON.parse(text) as Bundle;
}

describe('STIX 2.1 export', () => {
  it('is valid against the OASIS STIX 2.1 schemas', async () => {
    const bundle = await exportBundle();
    expect(bundle.objects.map((o) => o.type)).toEqual([
      'identity', // jikenbo, the producer
      'identity',
      'report',
      'identity',
      'report',
      'report',
    ]);
    expect(schemaErrors(bundle)).toEqual([]);
  });

  it('catches invalid output: a missing required property or a bad timestamp fails validation', async () => {
    const bundle = await exportBundle();
    const [, identity, report] = bundle.objects;
    const withoutPublished = { ...report };
    delete withoutPublished.published;
    const withoutRefs = { ...report, object_refs: [] };
    const secondsOnly = { ...identity, created: '2024-01-19T01:00:00Z' };
    const withoutName = { ...identity };
    delete withoutName.name;
    for (const broken of [withoutPublished, withoutRefs, secondsOnly, withoutName]) {
      // Caught twice: by the bundle schema and by the object's own schema.
      expect(schemaErrors({ ...bundle, objects: [broken] })).toHaveLength(2);
    }
    expect(schemaErrors({ type: 'bundle', id: 'bundle--not-a-uuid' })).toHaveLength(1);
  });

  it('describes each post: title as name, cause and severity as labels, the post as reference', async () => {
    const report = (await exportBundle()).objects.find((o) => o.type === 'report');
    expect(report).toMatchObject({
      name: SAMPLE_RECORDS[0]?.post.title,
      labels: ['ransomware', 'critical'],
      created: '2024-01-19T01:00:00.000Z',
      modified: '2024-01-19T23:30:00.000Z',
      published: '2024-01-19T01:00:00.000Z',
      created_by_ref: PRODUCER_IDENTITY_ID,
      object_refs: [identityId('株式会社つばめ食品')],
      external_references: [
        {
          source_name: 'jikenbo',
          url: 'https://blog.example.test/2024/01/101.html',
          external_id: '2024-101',
        },
      ],
    });
    const description = String(report?.description);
    expect(description).toContain('People affected: 120,000');
    expect(description).toContain('Cause: Ransomware');
    expect(description).toContain('Secondary causes: Unauthorized access / intrusion');
    expect(description).toContain('Service disruption: yes');
  });

  it('writes one identity per organisation, however its name is spaced or width-folded', async () => {
    const objects = (await exportBundle()).objects;
    const victims = objects.filter((o) => o.identity_class === 'organization');
    expect(victims.map((o) => o.name)).toEqual(['株式会社つばめ食品', '@みなと市役所']);
    const refs = objects.filter((o) => o.type === 'report').map((o) => o.object_refs);
    expect(refs).toEqual([[victims[0]?.id], [victims[1]?.id], [victims[0]?.id]]);
    expect(normaliseOrganisation('株式会社　つばめ食品')).toBe(
      normaliseOrganisation('株式会社つばめ食品'),
    );
  });

  it('gives the same ids on every export, so re-imports deduplicate', async () => {
    const ids = async () =>
      (JSON.parse(await collect(toStixBundle(SAMPLE_RECORDS.slice(0, 3)))) as Bundle).objects.map(
        (o) => o.id,
      );
    expect(await ids()).toEqual(await ids());
    expect(identityId('ＴＳＵＢＡＭＥ 食品')).toBe(identityId('tsubame食品'));
  });

  it('computes RFC 9562 version 5 UUIDs', () => {
    // The RFC's example: the DNS namespace and "www.example.com".
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refers a post that names no organisation to its producer, and stays valid', async () => {
    const anonymous = incident(
      'anon',
      { title: '不正アクセスに関するお知らせ' },
      { organization: null },
    );
    const bundle = await exportBundle([anonymous]);
    expect(bundle.objects.map((o) => o.type)).toEqual(['identity', 'report']);
    expect(bundle.objects[1]?.object_refs).toEqual([PRODUCER_IDENTITY_ID]);
    expect(schemaErrors(bundle)).toEqual([]);
  });

  it('streams: the bundle opens before the last record is read', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowSource() {
      yield SAMPLE_RECORDS[0]!;
      await gate;
      yield SAMPLE_RECORDS[1]!;
    }
    const chunks = toStixBundle(slowSource(), { bundleUuid: BUNDLE_UUID });
    const written: string[] = [];
    for (let i = 0; i < 3; i++) written.push(String((await chunks.next()).value));
    expect(written[0]).toMatch(/^\{"type":"bundle","id":"bundle--6c0b7a3e[^"]*","objects":\[\n/);
    expect(written[2]).toContain('"type":"report"');
    release();
    for await (const chunk of chunks) written.push(chunk);
    expect(schemaErrors(JSON.parse(written.join('')))).toEqual([]);
  });

  it('writes a valid bundle when there is nothing to export', async () => {
    const bundle = await exportBundle([]);
    expect(bundle.objects.map((o) => o.id)).toEqual([PRODUCER_IDENTITY_ID]);
    expect(schemaErrors(bundle)).toEqual([]);
  });
});
