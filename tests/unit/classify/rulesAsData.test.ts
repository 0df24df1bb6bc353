/**
 * The rules in config/classifier.json are data an analyst edits: every named
 * pattern's example sentences must match it and its counter-examples must
 * not; the decision rows may only use facts that exist; bad rules are
 * rejected at load with their path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hitOf, patternInfoOf } from '../../../src/classify/patterns.js';
import { classifierRulesSchema } from '../../../src/classify/rules.js';
import { classify } from '../../helpers/classify.js';
import { RULES } from '../../helpers/classify.js';
import { CONFIG_DIR } from '../../helpers/paths.js';

const raw = () => JSON.parse(readFileSync(join(CONFIG_DIR, 'classifier.json'), 'utf8'));

const negation = RULES.causeRules.negatedAfter;
// Cause patterns and negatable kind facts skip denied matches, so their counter-examples may be denials.
const named = [
  ...RULES.kind.evidence.flatMap((g) =>
    g.patterns.map((p) => ({ where: `kind ${g.fact}`, p, negated: g.negatable })),
  ),
  ...Object.entries(RULES.causes).flatMap(([cause, patterns]) =>
    patterns.map((p) => ({ where: `cause ${cause}`, p, negated: true })),
  ),
];

describe('rules as data', () => {
  it('gives every kind and cause pattern an id and at least one example', () => {
    expect(named.length).toBeGreaterThan(40);
    for (const { p } of named) expect(p.examples.length).toBeGreaterThan(0);
    const kindIds = RULES.kind.evidence.flatMap((g) => g.patterns.map((p) => p.id));
    expect(new Set(kindIds).size).toBe(kindIds.length);
  });

  it.each(named.flatMap(({ where, p }) => p.examples.map((e) => [where, p.id, e, p.re] as const)))(
    '%s pattern %s matches its example 「%s」',
    (_where, _id, example, re) => {
      expect(re.test(example)).toBe(true);
    },
  );

  it.each(
    named.flatMap(({ where, p, negated }) =>
      p.counterExamples.map((e) => [where, p.id, e, p, negated] as const),
    ),
  )('%s pattern %s does not match its counter-example 「%s」', (_w, _id, example, p, negated) => {
    expect(hitOf(p, example, 20, negated ? negation : undefined)).toBeNull();
  });

  it('gives every decision row a unique id and ends with a row that always decides', () => {
    const ids = RULES.kind.decisions.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const last = RULES.kind.decisions.at(-1);
    expect([...(last?.when.all ?? []), ...(last?.when.any ?? [])]).toEqual([]);
  });

  it('rejects a decision row that uses a fact no evidence group defines, with its path', () => {
    const rules = raw();
    rules.kind.decisions[0].when.all = ['noSuchFact'];
    const result = classifierRulesSchema.safeParse(rules);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['kind', 'decisions']);
    expect(result.error?.issues[0]?.message).toMatch(/noSuchFact/);
  });

  it('rejects a kind pattern that is not a valid regular expression, with its path', () => {
    const rules = raw();
    rules.kind.evidence[1].patterns[0].re = '指導(';
    const result = classifierRulesSchema.safeParse(rules);
    expect(result.error?.issues[0]?.path).toEqual(['kind', 'evidence', 1, 'patterns', 0, 're']);
  });

  it('rejects a pattern without an example sentence', () => {
    const rules = raw();
    rules.causes.ransomware[0].examples = [];
    expect(classifierRulesSchema.safeParse(rules).success).toBe(false);
  });

  it('names the pattern, its words and count in the reasons of kind, cause and organisation', () => {
    const r = classify(
      '',
      'お客様各位\n株式会社みほん物産\n当社サーバーへのランサムウェア攻撃について\n当社のサーバーがランサムウェアに感染しました。ランサムウェアによりファイルが暗号化されました。ご迷惑をおかけし深くお詫び申し上げます。',
    );
    const reason = (label: string) => r.reasons.find((x) => x.label === label);
    expect(reason('kind')?.patternId).toMatch(/^kind\./);
    expect(reason('cause')).toMatchObject({
      value: 'ransomware',
      patternId: 'cause.ransomware.word',
      words: ['ランサムウェア'],
      count: 3,
    });
    expect(reason('organization')).toMatchObject({
      value: '株式会社みほん物産',
      patternId: 'organization.body.heading-line',
    });
  });
});

/** Every RegExp the validated rules hold, with where it sits. */
function regexesOf(
  value: unknown,
  path: string,
  into: [string, RegExp][] = [],
): [string, RegExp][] {
  if (value instanceof RegExp) into.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => regexesOf(v, `${path}[${i}]`, into));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) regexesOf(v, path ? `${path}.${k}` : k, into);
  return into;
}

// Named patterns (kind evidence, cause wordings, cause checks) carry their own id and examples.
const ofNamedPatterns = new Set<RegExp>([
  ...named.map(({ p }) => p.re),
  ...RULES.causeRules.checks.map((c) => c.re),
]);
const single = regexesOf(RULES, '').filter(([, re]) => !ofNamedPatterns.has(re));

describe('every other pattern of the rules (severity, data types, counts, facts)', () => {
  it('has an id and at least one example', () => {
    expect(single.length).toBeGreaterThan(40);
    const missing = single.filter(([, re]) => !patternInfoOf(re)).map(([path]) => path);
    expect(missing).toEqual([]);
    const ids = single.map(([, re]) => patternInfoOf(re)?.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(
    single.flatMap(([path, re]) =>
      (patternInfoOf(re)?.examples ?? []).map((e) => [path, patternInfoOf(re)?.id, e, re] as const),
    ),
  )('%s (%s) matches its example 「%s」', (_path, _id, example, re) => {
    expect(re.test(example)).toBe(true);
  });

  it.each(
    single.flatMap(([path, re]) =>
      (patternInfoOf(re)?.counterExamples ?? []).map(
        (e) => [path, patternInfoOf(re)?.id, e, re] as const,
      ),
    ),
  )('%s (%s) does not match its counter-example 「%s」', (_path, _id, example, re) => {
    expect(re.test(example)).toBe(false);
  });

  it('rejects such a pattern without an example, with its path', () => {
    const rules = raw();
    rules.severity.outage.examples = [];
    const result = classifierRulesSchema.safeParse(rules);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['severity', 'outage', 'examples']);
  });
});

describe('reasons name the pattern behind every pattern-made label', () => {
  it('names the severity, data-type, affected and incident-id patterns that fired', () => {
    const r = classify(
      '【セキュリティ事件簿#2025-777】株式会社ためし物流 システム障害に関するお知らせ 2025/6/2',
      '当社の社内サーバーが第三者による不正アクセスを受け、システム障害が発生し、出荷を停止しております。' +
        '流出した可能性のある情報は、お客様の氏名、住所、電話番号です。対象となるお客様は合計 1,500名です。',
    );
    const reason = (label: string) => r.reasons.find((x) => x.label === label);
    expect(reason('severity')).toMatchObject({ value: 'critical', patternId: 'severity.outage' });
    expect(reason('dataTypes')?.matches?.map((m) => m.patternId)).toEqual([
      'data.name',
      'data.address',
      'data.phone',
    ]);
    expect(reason('affected')).toMatchObject({ value: '1500', patternId: 'counts.stated-total' });
    expect(reason('incidentId')?.patternId).toBe('kind.series-tag');
  });
});
