/**
 * Wordings found missing in authored-u's round after its first look (rules 2026-12-03.17), each
 * tested on a post written for this test about a fictional organisation: a small shop or
 * workshop (当工房, a voice the rules lacked) telling in plain words that someone logged into its
 * account (誰かにログインされて), an FAQ that revises the count it gave before (…の時点では…と
 * お伝えしておりましたが), the operator named only in a sentence of its own (…株式会社が運営して
 * おります), a wrong permission setting (閲覧権限の設定ミス), and a break-in to premises (当店に
 * 何者かが侵入し…盗まれ) that is theft. The guards pass on the rules before and after.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../helpers/classify.js';

describe('plain-word account takeovers, revised counts and operators named in a sentence', () => {
  it('reads "someone logged in and changed the password" as an account takeover', () => {
    const r = classify(
      'お知らせ',
      'いつも、ためし珈琲店をご利用いただきありがとうございます。\n一昨日から、当店のLINE公式アカウントに入れなくなっております。誰かにログインされて、パスワードを変えられてしまったようです。\n当店からのご案内ではないメッセージが届いても開かないでください。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('account_compromise');
  });

  it('hears a workshop or an office speaking of itself (当工房, 当事務所) as a disclosure voice', () => {
    const r = classify(
      'お知らせ',
      'いつも、ためし木工房をご愛顧いただきありがとうございます。\n昨晩から、当工房のインスタグラムに誰かにログインされ、プレゼント企画を名乗る投稿が勝手に載せられています。リンクは押さないでください。',
    );
    expect(r.kind).toBe('incident');
    expect(r.cause).toBe('account_compromise');
  });

  it('reads a password changed by someone else (何者かに…変更され) as an account takeover', () => {
    const r = classify(
      '公式アカウントについて',
      '当協会の公式Xアカウントのパスワードが、12月2日に何者かに変更され、当協会とは無関係の投稿が行われました。',
    );
    expect(r.cause).toBe('account_compromise');
  });

  it('reads a notice that revises the count it gave earlier as an update', () => {
    const r = classify(
      '不正ログインについてのご質問と回答',
      '会員サービス「ためしポイント」をご利用の皆様から寄せられたご質問にお答えします。\nQ. 何件のアカウントが被害を受けましたか。\nA. 第三者による不正ログインが確認されたアカウントは約1,200件です。12月1日の時点では約800件とお伝えしておりましたが、その後の調査で増えております。',
    );
    expect(r.kind).toBe('incident_update');
  });

  it('takes the operator a notice names only in a sentence of its own', () => {
    const r = classify(
      '不正ログインについてのご質問と回答',
      '会員サービス「ためしポイント」をご利用の皆様へ。\nQ. 何が起きたのですか。\nA. 第三者による不正ログインにより、約1,200件のアカウントでポイントが不正に交換されました。\nQ. 運営会社はどこですか。\nA. 株式会社ためしネットが運営しております。',
    );
    expect(r.organization).toBe('株式会社ためしネット');
  });

  it("reads others shown members' data by a wrong permission setting as misconfiguration", () => {
    const r = classify(
      '会員ページにおける情報の表示について',
      '本会の会員ページにおいて、閲覧権限の設定ミスにより、ログインした会員が他の会員の登録情報を見られる状態となっておりました。対象は最大420名分の氏名と勤務先です。\nためし技術協会 事務局',
    );
    expect(r.cause).toBe('misconfiguration');
  });

  it('reads a break-in to premises that took a laptop as theft, not an intrusion into systems', () => {
    const r = classify(
      'お知らせ',
      '12月1日の深夜、当店に何者かが侵入し、事務室にあった業務用ノートパソコン1台が盗まれました。警察に被害届を提出しております。\nパソコンには会員約300名の氏名と電話番号が保存されていました。\nためし書店',
    );
    expect(r.cause).toBe('loss_theft');
  });

  it('guard: an intruder into a server is still an intrusion', () => {
    const r = classify(
      '不正アクセスについて',
      '当社のファイルサーバーに何者かが侵入し、保存されていた取引先の情報約500件が外部に持ち出された可能性があります。',
    );
    expect(r.cause).toBe('unauthorized_access');
  });

  it('reads items anyone could see (…の結果が誰でも見られる状態) as the data at stake', () => {
    const r = classify(
      'ためし短大、学生の健診結果が外部から閲覧可能に',
      'ためし短期大学は2日、学生約800人分の健康診断の結果が、インターネット上で誰でも見られる状態になっていたと発表した。職員が共有設定を誤っていた。',
    );
    expect(r.dataTypes).toContain('medical');
    expect(r.severity).toBe('high');
  });

  it('guard: a customer who changed their own password is no takeover', () => {
    const r = classify(
      'パスワード変更のお願い',
      '当社は会員サイトのセキュリティ強化のため、定期的なパスワードの変更をお願いしております。すでにパスワードを変更されたお客様は、お手続きは不要です。',
    );
    expect(r.cause).not.toBe('account_compromise');
  });

  it('guard: a count first given is no revision', () => {
    const r = classify(
      '不正ログインの発生について',
      '当社の会員サイトにおいて、第三者による不正ログインが約800件確認されました。深くお詫び申し上げます。',
    );
    expect(r.kind).toBe('incident');
  });
});
