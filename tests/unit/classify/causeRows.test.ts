/**
 * The cause tie-breaks are rows of config/classifier.json: their order, scores
 * and checks decide, not code. Reordering or editing a row changes the answer;
 * a row naming a check that does not exist is rejected at load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPost } from '../../../src/classify/classifyPost.js';
import { hitOf } from '../../../src/classify/patterns.js';
import { classifierRulesSchema, type ClassifierRules } from '../../../src/classify/rules.js';
import { RULES, ruleOf } from '../../helpers/classify.js';
import { CONFIG_DIR } from '../../helpers/paths.js';

const raw = () => JSON.parse(readFileSync(join(CONFIG_DIR, 'classifier.json'), 'utf8'));
const load = (edit: (rules: ReturnType<typeof raw>) => void): ClassifierRules => {
  const rules = raw();
  edit(rules);
  return classifierRulesSchema.parse(rules);
};

// Written for this test: a notice naming both a lost laptop and a mail account entered.
const mixed = {
  title: '【セキュリティ事件簿#2025-900】株式会社ためし商会 ノートパソコンの紛失について 2025/5/1',
  text:
    '当社従業員が業務用ノートパソコンを紛失しました。' +
    '同じ時期に従業員のメールアカウントに第三者による不正ログインがあり、迷惑メールが送信されました。',
  publishedAt: null,
};

describe('cause decision rows', () => {
  it('has a row for every tie-break and ends with one that always decides', () => {
    const ids = RULES.causeRules.decisions.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('cause.tie-break-4');
    expect(ids.at(-1)).toBe('cause.nothing-fits');
  });

  it.each(
    RULES.causeRules.checks.flatMap((c) => [
      ...c.examples.map((e) => [c.id, e, true] as const),
      ...c.counterExamples.map((e) => [c.id, e, false] as const),
    ]),
  )('check %s on 「%s」 holds: %s', (id, sentence, holds) => {
    const check = RULES.causeRules.checks.find((c) => c.id === id);
    if (!check) throw new Error(id);
    const negation = check.negatable ? RULES.causeRules.negatedAfter : undefined;
    expect(hitOf(check, sentence, 3, negation) !== null).toBe(holds);
  });

  it('decides by the first row that holds, so moving a row changes the cause', () => {
    const shipped = classifyPost(mixed, RULES);
    expect(shipped.cause).toBe('loss_theft');
    expect(ruleOf(shipped, 'cause')).toBe('cause.tie-break-4.loss-theft');
    const reordered = load((rules) => {
      const rows = rules.causeRules.decisions as { id: string }[];
      const at = rows.findIndex((r) => r.id === 'cause.tie-break-2.account-entered');
      const [row] = rows.splice(at, 1);
      rows.splice(
        rows.findIndex((r) => r.id === 'cause.tie-break-4.software-defect'),
        0,
        row as { id: string },
      );
    });
    const moved = classifyPost(mixed, reordered);
    expect(moved.cause).toBe('account_compromise');
    expect(ruleOf(moved, 'cause')).toBe('cause.tie-break-2.account-entered');
  });

  it('reads a row threshold from the file: raising it lets the next row decide', () => {
    const text = {
      title: '',
      text: '株式会社ためし商会は、元従業員が顧客名簿を不正に持ち出していたと発表した。',
      publishedAt: null,
    };
    expect(ruleOf(classifyPost(text, RULES), 'cause')).toBe('cause.tie-break-3.insider-actor');
    const strict = load((rules) => {
      const row = rules.causeRules.decisions.find(
        (r: { id: string }) => r.id === 'cause.tie-break-3.insider-actor',
      );
      row.min = 99;
    });
    expect(ruleOf(classifyPost(text, strict), 'cause')).not.toBe('cause.tie-break-3.insider-actor');
  });

  it('names the check that fired in the reason (support scam: phishing, intrusion secondary)', () => {
    const r = classifyPost(
      {
        title: '当院職員のパソコンへの不正アクセスについて',
        text: '当院の職員のパソコンに偽の警告画面が表示され、職員が指示に従って遠隔操作ソフトを導入しました。',
        publishedAt: null,
      },
      RULES,
    );
    const reason = r.reasons.find((x) => x.label === 'cause');
    expect(r.cause).toBe('phishing');
    expect(reason?.matches?.map((m) => m.patternId)).toContain('cause.check.support-scam');
  });

  it('rejects a row that names a check the file does not define, with its path', () => {
    const rules = raw();
    rules.causeRules.decisions[4].needs = ['no-such-check'];
    const result = classifierRulesSchema.safeParse(rules);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['causeRules', 'decisions', 4]);
    expect(result.error?.issues[0]?.message).toMatch(/no-such-check/);
  });

  it('rejects a last row with conditions (a post could be left without a cause)', () => {
    const rules = raw();
    rules.causeRules.decisions.at(-1).min = 1;
    rules.causeRules.decisions.at(-1).among = ['ransomware'];
    expect(classifierRulesSchema.safeParse(rules).success).toBe(false);
  });
});
