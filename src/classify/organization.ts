/**
 * The victim organisation: from the title where it names one, else from the
 * body (the name before 当社/弊社, the subject of a news lead, the heading or
 * signature line of a notice). The order of the ways is data
 * (`facts.organizationOrder`); the first that finds a name decides.
 */
import type { Reason } from './classification.js';
import { derived } from './derived.js';
import { firstSentenceOf, matchesOf, type PreparedPost } from './prepare.js';
import type { ClassifierRules } from './rules.js';
import { titleDateOf } from './titleFacts.js';
import { topLevelBranches } from './literals.js';

export const ORGANIZATION_WAYS = [
  'title.regulatory-target',
  'title.after-date',
  'title.quoted-service-operator',
  'title.first-name',
  'title.seated-name',
  'title.first-word-of-tagged-title',
  'title.last-name',
  'body.operator-of-service',
  'title.impersonated-name',
  'title.news-subject',
  'title.opening-name',
  'body.before-voice',
  'body.lead-subject',
  'body.heading-line',
  'body.signature-line',
  'title.name-in-first-word',
  'title.quoted-name-in-lead',
  'title.quoted-service',
  'body.legal-name-in-lead',
  'body.operator-statement',
] as const;
export type OrganizationWay = (typeof ORGANIZATION_WAYS)[number];

const HIRAGANA_FREE = '[^\\s\\u3040-\\u309f、。「」『』()⇒【】]';
/** A character that may continue a name: no white space, kana particle or punctuation. */
const NAME_RUN = '[^\\s\\u3040-\\u309f、。「」『』()]';

/** A founder's prefix before an organisation's kana name: 市立, 国立, 県立… */
const FOUNDER = '(?:国立|公立|私立|県立|都立|府立|道立|市立|区立|町立|村立)';

/** みほん県 + 立中央病院: the founder's name and what it founded. */
const FOUNDED = new RegExp(`^(.+?)(${FOUNDER}.+)$`);

/**
 * Whether the body names `name`: in full, or, for a public body (みほん県立中央病院), as its
 * founder does in its own words (みほん県は…県立中央病院の…).
 */
function namedInText(name: string, text: string): boolean {
  if (text.includes(name)) return true;
  const founded = FOUNDED.exec(name);
  if (!founded?.[1] || !founded[2]) return false;
  return text.includes(founded[2]) && text.includes(`${founded[1]}${founded[2][0]}`);
}

function patterns(rules: ClassifierRules) {
  return derived(rules, 'organizationPatterns', () => {
    const { orgSuffixes, orgEndings } = rules.facts;
    const suffix = orgSuffixes.source;
    const ending = orgEndings.source;
    return {
      operator: new RegExp(`${HIRAGANA_FREE}{0,20}(${suffix})${HIRAGANA_FREE}{0,20}`),
      suffixOnly: new RegExp(`^(${suffix})$`),
      endsWithSuffix: new RegExp(`(${suffix})$`),
      orgShaped: new RegExp(`^(${suffix})|(${ending}|${suffix})$`),
      legalPrefix: new RegExp(`^(${suffix})`),
      legalAfterClause: new RegExp(`(?<=[のるた」])(${suffix})`),
      // …に取り組むNPO法人ひだまり子ども (支援ネットは): the legal form and the name's start, in kana
      // with at most one run of kanji (the lead-subject way rejects a verb inside it).
      legalThenKanaTail: new RegExp(
        `(${suffix})${FOUNDER}?[\u3040-\u30ff]{1,12}(?:[\u4e00-\u9fff]{1,4}[\u3040-\u30ff]{1,6})?$`,
      ),
      operatorWithKana: new RegExp(
        `(${suffix})[^\\s、。「」()]{1,20}?(?=(が|は)(運営|管理|提供|\\d|、)|\\()`,
      ),
      kanaOpening: new RegExp(`^${FOUNDER}?[\u3040-\u30ff]{1,8}$`),
      /** 株式会社たびのわは30日、: a legal form and a name that ends in kana, then the topic. */
      legalKanaSubject: new RegExp(
        `(?:${suffix})${FOUNDER}?[\u30a0-\u30ff\u4e00-\u9fff]{0,8}[\u3040-\u309f]{1,10}?(?=は(?:\\d|、|\\s|(?:昨|今|先|本|同)(?:日|月|年)))`,
      ),
      /** 税理士法人の端末に…, NPO法人、…: a legal form used as a common noun, not a name. */
      legalAsNoun: new RegExp(
        `^(${suffix})(の|、|(に|で|が|を|へ)(?=[\\u4e00-\\u9fff\\u30a0-\\u30ff]))`,
      ),
      shopThenQuoted: new RegExp(
        `^(?:${rules.facts.shopName.source.replace(/\$$/, '')})[「『][^」』]+[」』]$`,
      ),
      endsLikeOrg: new RegExp(`(${ending})$`),
      endingOnly: new RegExp(`^(${ending})$`),
      endingInside: new RegExp(`(${ending})`, 'g'),
      /** A name that opens with the notice's own voice (当店オンラインストア, 当社グループ). */
      voiceOpening: new RegExp(rules.facts.voiceName.source.replace(/\$$/, '')),
      openingName: new RegExp(
        `^([^\\s、。「」『』()【】]{2,24}?(${ending}))(?=${rules.facts.openingNameAfter.source.replace(/^\^/, '')})`,
      ),
      actedOnInside: new RegExp(rules.facts.actedOnAfterName.source.replace(/^\^/, '')),
      named: new RegExp(`(${HIRAGANA_FREE}{1,24}?${ending})(?=の|が|で|を|は|に|、|「|\\s|$)`),
    };
  });
}

interface Found {
  name: string;
  way: OrganizationWay;
}

const tokensOf = (title: string) =>
  title
    .replace(/【[^】]*】/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);

/**
 * A short line that is only a name: a notice's heading block or signature. A date that opens
 * it goes (2026年5月1日 株式会社サンプル); so does the office that signs and what follows it
 * (サンプル市 福祉部 地域福祉課, サンプル高校 校長 山田 一郎).
 */
function nameLine(line: string, rules: ClassifierRules): string | null {
  // 株式会社サンプル お客様各位: the name, then whom the notice addresses.
  const t = line
    .trim()
    .replace(rules.facts.lineDate, '')
    .replace(rules.facts.addressee, '')
    .replace(rules.facts.nameLabel, '');
  if (t.length < 2 || t.length > 60) return null;
  const { orgShaped, voiceOpening } = patterns(rules);
  // 株式会社ためしよりお知らせいたします / ためし財団のホームページをご覧の皆様へ.
  const speaker = rules.facts.speakerLine.exec(t)?.[1];
  if (speaker && orgShaped.test(speaker) && !voiceOpening.test(speaker)) return speaker;
  const words = t.split(/\s+/);
  if (rules.facts.notANameLine.test(t)) {
    // ためし農業協同組合 組合員様の書類の盗難について: a heading that opens with the name.
    const [head, ...rest] = words;
    return head &&
      rules.facts.headingTopic.test(rest.join(' ')) &&
      !/^[【「『(]/.test(head) &&
      orgShaped.test(head) &&
      !rules.facts.notANameLine.test(head)
      ? head
      : null;
  }
  if (t.length > 40) return null;
  const office = words.findIndex((w, i) => i > 0 && rules.facts.signingOffice.test(w));
  // ためし市長, ためし県知事: the head of a municipality signs as one word.
  const name = (office > 0 ? words.slice(0, office) : words)
    .join(' ')
    .replace(/(?<=[市町村区])長$|(?<=[都道府県])知事$/, '');
  return orgShaped.test(name) ? name : null;
}

/** The title taken apart once: what every way reads. */
function partsOf(post: PreparedPost, rules: ClassifierRules) {
  const rest = post.title.replace(/【[^】]*】/g, ' ').trim();
  const date = titleDateOf(rest, rules);
  const beforeDate = date ? rest.slice(0, date.index).trim() : rest;
  return {
    rest,
    date,
    beforeDate,
    tokens: tokensOf(beforeDate),
    firstSentence: firstSentenceOf(post.lead),
  };
}
type TitleParts = ReturnType<typeof partsOf>;

/** ネット証券のサンプル証券 → サンプル証券: a trade told with の before a name describes it. */
function withoutTradeOf(name: string, rules: ClassifierRules): string {
  const bare = name.replace(rules.facts.industryBeforeName, '');
  const cut = name.slice(0, name.length - bare.length);
  return cut.endsWith('の') && bare.length >= 2 && patterns(rules).orgShaped.test(bare)
    ? bare
    : name;
}

/** The organisation a regulator acts on in `text` (…委員会、サンプル社に勧告), without the trade before it. */
function regulatedName(
  text: string,
  rules: ClassifierRules,
  piece: 'first' | 'last',
): string | null {
  const f = rules.facts;
  const match = f.regulatoryTarget.exec(text);
  const target = match?.[1] ?? match?.[2];
  if (!target) return null;
  // A title lists the targets (A社及びB社); a lead's sentence runs up to the one acted on.
  const pieces = target.split(/及び|および|並びに|、/);
  const head = (piece === 'first' ? pieces[0] : pieces[pieces.length - 1])?.trim() ?? '';
  // 暗号資産交換業者の株式会社サンプル, 「サンプル塾」を運営する株式会社サンプル: what the company
  // is or does, then its name with the legal form.
  const legal = patterns(rules).legalAfterClause.exec(head);
  // 保険代理店のサンプル保険サービス: a kind of organisation, then its name.
  const kindThenName = /^(.{2,12}?)の(.{2,})$/.exec(head);
  const named = legal
    ? head.slice(legal.index)
    : kindThenName?.[1] && kindThenName[2] && isKindOfOrganisation(kindThenName[1], rules)
      ? kindThenName[2]
      : head;
  // …の指定管理者であるサンプルスポーツ(ためし市): the role said, then the name and its seat.
  const role = f.roleBeforeName.exec(named);
  const plain = (role ? named.slice(role.index + role[0].length) : named).replace(
    f.seatAfterName,
    '',
  );
  // 「…を掲載するサイト運営者」, …公開しているサイトの運営事業者: an unnamed party, no name.
  if (/する|した|して(い|お)/.test(plain)) return null;
  // 学習アプリのサンプル, 旅行会社サンプル: the trade before the name describes it.
  const bare = plain.replace(f.industryBeforeName, '');
  return (bare.length >= 2 ? bare : plain) || null;
}

/** The kana that end a headline's name before what is said of it. */
const PARTICLES = 'のでにがはをと';

/**
 * Where each particle's kana stands in `word`, in order: what `matchAll(/[のでにがはをと]/g)`
 * (and its lookahead form) gave, without a RegExp copied per word.
 */
function particleIndexesOf(word: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < word.length; i++) if (PARTICLES.includes(word[i] as string)) at.push(i);
  return at;
}

/**
 * The runs of `word` from after one particle's kana to before a later one's, at most
 * `maxLength` long (a headline's name): for each start, the longest first. Bounded per start,
 * so a hostile title of particles costs linear time, not one run per pair.
 */
function innerRunsOf(word: string, maxLength = 20): string[] {
  const at = particleIndexesOf(word);
  const runs: string[] = [];
  for (let a = 0; a < at.length; a++) {
    const start = (at[a] as number) + 1;
    const fromStart: string[] = [];
    for (let b = a + 2; b < at.length && (at[b] as number) - start <= maxLength; b++)
      fromStart.push(word.slice(start, at[b]));
    runs.push(...fromStart.reverse());
  }
  return runs;
}

/** Regex metacharacters, escaped where a headline's word is read as a literal pattern. */
const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

/**
 * What follows a headline's word where the lead makes it the subject: a spelled-out run
 * (captured; empty where the word is whole already), a place in brackets, then
 * `facts.newsSubjectAfter`. Sticky, compiled once per rules for each of the two runs.
 */
function newsSubjectTails(rules: ClassifierRules): { whole: RegExp; spelled: RegExp } {
  return derived(rules, 'newsSubjectTails', () => {
    const after = rules.facts.newsSubjectAfter.source;
    const tail = (run: string) => new RegExp(`(${run})(?:\\([^)]{1,20}\\))?${after}`, 'y');
    return { whole: tail(''), spelled: tail(`${NAME_RUN}{0,6}?`) };
  });
}

/** A headline word's match as the lead's subject: where it starts, all it took, and the run after the word. */
interface NewsSubject {
  index: number;
  0: string;
  1?: string;
}

/**
 * The first match in `sentence` of `segment` (a literal) followed by the subject's tail, as
 * `new RegExp(escaped segment + tail).exec(sentence)` gives it: each occurrence of the word,
 * leftmost first, tries the tail compiled once, where compiling a RegExp per headline word
 * cost ~40 µs each (a post's whole classification is ~150). Where `newsSubjectAfter` has
 * branches of its own at the top, only the whole pattern reads as the original did.
 */
function newsSubjectOf(
  segment: string,
  sentence: string,
  whole: boolean,
  rules: ClassifierRules,
): NewsSubject | null {
  const after = rules.facts.newsSubjectAfter.source;
  const run = whole ? '' : `${NAME_RUN}{0,6}?`;
  if (topLevelBranches(after).length > 1) {
    const escaped = segment.replace(REGEX_SPECIALS, '\\$&');
    return new RegExp(`${escaped}(${run})(?:\\([^)]{1,20}\\))?${after}`).exec(sentence);
  }
  const tails = newsSubjectTails(rules);
  const tail = whole ? tails.whole : tails.spelled;
  for (let at = sentence.indexOf(segment); at !== -1; at = sentence.indexOf(segment, at + 1)) {
    tail.lastIndex = at + segment.length;
    const found = tail.exec(sentence);
    if (found) {
      tail.lastIndex = 0;
      return { index: at, 0: segment + found[0], 1: found[1] };
    }
  }
  tail.lastIndex = 0;
  return null;
}

function tryWay(
  way: OrganizationWay,
  post: PreparedPost,
  parts: TitleParts,
  regulatory: boolean,
  rules: ClassifierRules,
): string | null {
  const p = patterns(rules);
  const f = rules.facts;
  const { rest, date, beforeDate, tokens, firstSentence } = parts;
  // 「小さな役場こそ狙われる」 あさざ町、…: a feature's opening quote is no word of the name.
  const quote = /^[「『]([^」』]+)[」』]$/.exec(tokens[0] ?? '')?.[1];
  const [first, second] =
    quote && f.speechQuote.test(quote) && tokens.length >= 2 ? tokens.slice(1) : tokens;
  const withoutTrade = (name: string) => withoutTradeOf(name, rules);
  // ためしロジスティクスは7日、: a news lead's dated subject is the organisation it reports,
  // whatever its name ends with (never 同社, 県警 or a court, who only tell of it).
  const datedVictim = (subject: string, name: string) =>
    f.datedSubject.test(subject) && !f.reporterNotVictim.test(name);
  switch (way) {
    case 'title.regulatory-target': {
      if (!regulatory) return null;
      const named = regulatedName(post.title, rules, 'first');
      // 金融庁、暗号資産交換業者に業務改善命令: the title names a kind of business; the lead names it
      // (organizationOf rejects a kind of organisation from either).
      return named && !isKindOfOrganisation(named, rules)
        ? named
        : regulatedName(firstSentence, rules, 'last');
    }
    case 'title.after-date': {
      if (!date) return null;
      const after = rest.slice(date.index + date.length).trim();
      return after && after.length <= 40 && (f.orgSuffixes.test(after) || f.orgEndings.test(after))
        ? after
        : null;
    }
    case 'title.quoted-service-operator': {
      const quoted = /^[「『]([^」』]+)[」』]/.exec(beforeDate);
      // …公式オンラインストア, ○○ オンラインストア: a shop's name, unquoted.
      // オンラインショップ「○○」: a shop's kind, then its name in quotes.
      const shop =
        [first, `${first ?? ''}${second ?? ''}`].some((name) => !!name && f.shopName.test(name)) ||
        (!!first && p.shopThenQuoted.test(first));
      if (!quoted && !shop) return null;
      // A title naming only a service: the operator is the company named at the start of the post.
      const opening = post.lead.slice(0, 160);
      const found = p.operator.exec(opening);
      const operator = found?.[0].replace(/は$/, '');
      if (found && operator && !p.suffixOnly.test(operator)) {
        // …を運行するつばくろ交通株式会社は: the kana that open the name stay with it.
        const kana = p.legalPrefix.test(operator)
          ? undefined
          : f.kanaBeforeName.exec(opening.slice(0, found.index))?.[1];
        return kana ? `${kana}${operator}` : operator;
      }
      // 株式会社さくらんぼ薬品が運営する…: a name with kana in it, up to the particle after it.
      const kanaOperator = p.operatorWithKana.exec(opening)?.[0];
      if (kanaOperator) return kanaOperator;
      // Else the company that signs the notice (株式会社○○ 代表取締役).
      const signed = post.lines
        .slice(-4)
        .map((line) => nameLine(line, rules))
        .find((name) => name !== null && p.legalPrefix.test(name));
      return signed?.split(/\s+/)[0] ?? null;
    }
    case 'title.quoted-name-in-lead': {
      // リークサイトに「サンプル製作所」掲載: a name the headline quotes and the lead names, with
      // the legal form the lead gives it (…メーカーの株式会社サンプル製作所の名前が…).
      for (const m of post.title.matchAll(/[「『]([^」』]{2,30})[」』]/g)) {
        const name = m[1] as string;
        if (!firstSentence.includes(name)) continue;
        const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const legal = new RegExp(
          `(?:${f.orgSuffixes.source})${quoted}|${quoted}(?:${f.orgSuffixes.source})`,
        ).exec(firstSentence)?.[0];
        // The legal form the lead gives it makes it a name, whatever its ending.
        if (legal) return legal;
        if (p.orgShaped.test(name)) return name;
      }
      return null;
    }
    case 'body.legal-name-in-lead': {
      // The last way: a legal name spelt out in the first two sentences of a news item that goes
      // on to speak of it (同社, or its name without the legal form again), or of a notice that
      // speaks as itself (当社サーバへの…: …お知らせいたしました、株式会社…の…サーバ).
      // Only the opening is split: a long post costs no more than its first sentences.
      const lead = post.text.slice(0, 600).split('。').slice(0, 2).join('。');
      const found = f.legalNameInLead.exec(lead)?.[0];
      if (!found) return null;
      // A regulator's lead runs the name into the action (…ツーリストに行政指導): cut it there.
      const action = regulatory ? p.actedOnInside.exec(found) : null;
      const name = action && action.index > 0 ? found.slice(0, action.index) : found;
      const core = name.replace(p.legalPrefix, '').replace(p.endsWithSuffix, '');
      const at = post.text.indexOf(name);
      const rest = post.text.slice(at + name.length);
      // …or that opens a line as its subject (関係者各位 / 税理士法人…では、…).
      const opensLine = at === 0 || post.text[at - 1] === '\n';
      const subject = opensLine && /^(は|では|が)[、,]/.test(rest);
      // …した株式会社サンプルに行政指導を行った: in a regulator's post, the name it acts on.
      const actedOn = regulatory && f.actedOnAfterName.test(rest);
      const spoken =
        subject ||
        actedOn ||
        rest.includes('同社') ||
        rest.includes(core) ||
        f.selfReference.test(post.title) ||
        // …株式会社サンプルのパソコンが感染し、…当社を名乗る…: a notice naming itself, then 当社.
        f.selfReference.test(rest);
      // 住宅メーカーのやまぶき住建株式会社: the trade told with の is not part of the name.
      return core.length >= 2 && spoken ? withoutTrade(name) : null;
    }
    case 'body.operator-statement': {
      // A service's notice that names who runs it only in a sentence of its own (an FAQ's
      // 「運営会社はどこですか」 answered 「株式会社…が運営しております」): a legal name, said once.
      const m = f.operatorStatement.exec(post.text);
      return m?.[1] ?? m?.[2] ?? null;
    }
    case 'title.quoted-service': {
      const quoted = /^[「『]([^」』]+)[」』]/.exec(beforeDate)?.[1];
      // 「小さな役場こそ狙われる」 あさざ町、…: a feature's quote is someone's words, no name.
      return quoted && !f.speechQuote.test(quoted) ? quoted : null;
    }
    case 'title.first-name': {
      if (!first || first.length > 40) return null;
      if (second && (p.suffixOnly.test(first) || p.suffixOnly.test(second)))
        return `${first} ${second}`;
      // サンプル 税理士法人: a name spaced from its legal form (not a whole headline before a name).
      if (
        second &&
        p.endsWithSuffix.test(second) &&
        !p.orgShaped.test(first) &&
        !/[、。]/.test(first)
      )
        return `${first} ${second}`;
      // 学校法人○○学園 ○○大学: the legal body and the school it runs are one name.
      if (second && p.legalPrefix.test(first) && p.endsLikeOrg.test(second))
        return `${first} ${second}`;
      if (p.orgShaped.test(first) && !p.legalAsNoun.test(first)) return withoutTrade(first);
      // サンプル市、市民214人の…: a headline that opens with the name and a comma.
      const head = first.split('、')[0] ?? '';
      return head !== first &&
        head.length >= 2 &&
        p.orgShaped.test(head) &&
        !f.voiceName.test(head) &&
        !f.genericOrganisation.test(head)
        ? withoutTrade(head)
        : null;
    }
    case 'title.seated-name': {
      // 工作機械のうぐいす機工、…, …ひぐれ菓子舗の公式SNSが…: a headline's name of no telling ending
      // that the body gives with its seat in brackets (うぐいす機工(新潟県)), as news gives a
      // company's. Each headline word up to a particle, from after a の (the trade told with の is
      // no part of the name), the longest first; the headline's words in order. News gives the
      // seat at the first mention: only the opening is searched (a long post costs no more).
      const opening = post.text.slice(0, 1000);
      for (const word of beforeDate.split(/[\s、,。「」『』()【】・]+/)) {
        const name = word.length <= 80 ? seatedNameIn(word, opening, rules) : null;
        if (name) return name;
      }
      return null;
    }
    case 'title.last-name': {
      const last = tokens.at(-1);
      if (tokens.length < 2 || !last) return null;
      if (last.length <= 20 && p.orgShaped.test(last)) return last;
      // …の疑い おおばこ市の元職員を逮捕: the organisation whose staff the headline names.
      const employer = f.staffInTitle.exec(last)?.[1];
      return employer && p.orgShaped.test(employer) ? employer : null;
    }
    case 'title.impersonated-name': {
      // 【注意喚起】ためし信用金庫を装ったSMSについて: the organisation a warning says is impersonated.
      const name = f.impersonatedName.exec(beforeDate)?.[1];
      // 地銀のみどり銀行を装う…: the trade before the name describes it.
      return name && p.orgShaped.test(name) && !f.voiceName.test(name) ? withoutTrade(name) : null;
    }
    case 'title.news-subject': {
      // A headline's name that the lead's first sentence makes its subject (「X」(所在地)は…).
      // Candidates: each word of the headline up to a particle (みずほ銀行の… gives みずほ銀行).
      const segments = beforeDate
        .split(/[\s、,。「」『』()【】・]+/)
        .flatMap((word) => [
          word,
          ...particleIndexesOf(word).map((at) => word.slice(0, at)),
          // A name with a particle's kana inside it (委託先のねむのきシステムズに… gives
          // ねむのきシステムズ): the runs between two particles, tried before the single pieces.
          // (Only in a headline-sized word: a longer one is no run of names.)
          ...(word.length <= 80 ? innerRunsOf(word) : []),
          ...word.split(/[のでにがはをと]/),
        ])
        .filter((s) => s.length >= 2 && s.length <= 20);
      // 「ゲーム開発のほたるゲームス」「家具会社サンプル」: the trade before the name describes it;
      // the word as it stands is tried first (株式会社サンプル keeps its legal form).
      // The trade told with の (ゲーム開発の) is never part of the name: the bare name goes first.
      // A name inside a longer word goes last (サンプル市職員が… gives サンプル市).
      const wholeNames = segments.filter((word) => p.orgShaped.test(word));
      const candidates = segments.flatMap((word) => {
        const bare = word.replace(f.industryBeforeName, '');
        // …but not inside a whole name (やまびこ県 of やまびこ県立中央病院).
        // One scan with the global pattern itself: matchAll copies it (a long alternation) per word.
        const inner = matchesOf(p.endingInside, word)
          .map((m) => word.slice(0, (m.index ?? 0) + m[0].length))
          .filter((prefix) => prefix !== word && !wholeNames.some((w) => w.startsWith(prefix)));
        if (bare === word) return [word, ...inner];
        return word.at(-bare.length - 1) === 'の' ? [bare, word, ...inner] : [word, bare, ...inner];
      });
      for (const segment of candidates) {
        // The pattern opens with the segment itself (case-sensitive): absent, it cannot match.
        if (!firstSentence.includes(segment)) continue;
        // A bare kind of organisation is no name (病院 is not the subject of ○○総合病院は).
        if (segment.length < 2 || p.endingOnly.test(segment)) continue;
        // The lead may spell out what the headline shortens (北斗ロジ → 北斗ロジスティクスは,
        // ためし医療大 → ためし医療大学は): the headline's form is the name (spec 4). A headline
        // name that is whole already (ためし市) is not read into a longer one (ためし市教育委員会).
        const subject = newsSubjectOf(segment, firstSentence, p.orgShaped.test(segment), rules);
        // A spelled-out name is read only as a dated subject (…ロジスティクスは7日), not from a
        // phrase that happens to continue the word (年末年始 of 年末年始期間は).
        const withDate = subject
          ? firstSentence.slice(subject.index, subject.index + subject[0].length + 4)
          : '';
        if (subject?.[1] && !f.datedSubject.test(withDate)) continue;
        if (f.reporterNotVictim.test(segment)) continue;
        if (subject) {
          // The kana that open the name in the lead (司法書士事務所 of みほん司法書士事務所は…).
          const before = firstSentence.slice(0, subject.index);
          const kana = /^[\u3040-\u309f]{1,8}$/.test(before)
            ? before
            : f.kanaBeforeName.exec(before)?.[1];
          // A headline that drops the kind of organisation (ためし訪問看護 of …ステーションは)
          // names it in full in the lead; one that shortens a word (…ロジ of …ロジスティクス) keeps
          // its own form.
          const spelledOut = subject[1] ?? '';
          const name = p.endingOnly.test(spelledOut) ? `${segment}${spelledOut}` : segment;
          return kana ? `${kana}${name}` : name;
        }
      }
      return null;
    }
    case 'body.operator-of-service': {
      // 「<service>」を運営する<operator>は…: a lead that names who runs a service.
      const operator = f.serviceOperator.exec(post.lead)?.[1];
      return operator && !f.voiceName.test(operator) ? operator : null;
    }
    case 'title.opening-name': {
      // 県立サンプル高等学校における…: a title that opens with a name, kana inside it included.
      // A proper name: one run of kana in it (みさき, カワセミ), not a clause (…を行った郡山市),
      // and the body names it as well.
      const name = p.openingName.exec(beforeDate)?.[1];
      // 当社グループにおける…: the speaker's own word for itself is no name.
      if (!name || p.voiceOpening.test(name) || p.endingOnly.test(name)) return null;
      const kanaRuns = name.match(/[\u3040-\u30ff]+/g) ?? [];
      const hiraganaRuns = name.match(/[\u3040-\u309f]+/g) ?? [];
      return kanaRuns.length >= 1 && hiraganaRuns.length <= 1 && namedInText(name, post.text)
        ? name
        : null;
    }
    case 'body.before-voice': {
      const head = post.text.slice(0, 2000);
      const name = beforeVoiceName(head, f.beforeVoice);
      if (name) return p.voiceOpening.test(name) ? null : name;
      // 当社(株式会社はしばみ食品)の…: the voice first, the name in brackets after it.
      const bracketed = f.voiceThenName.exec(head)?.[1];
      if (bracketed && p.orgShaped.test(bracketed)) return bracketed;
      // Or a name the post shortens (…(以下「つぐみ生協」)), where it is shaped as one.
      const short = beforeVoiceName(head, f.beforeAbbreviation);
      return short && p.orgShaped.test(short) && !p.voiceOpening.test(short) ? short : null;
    }
    case 'body.lead-subject': {
      // みほん県警は3日、…の元職員を逮捕した: the police report the arrest; the victim is elsewhere.
      if (f.policeReporting.test(firstSentence)) return null;
      const m = f.leadSubject.exec(firstSentence);
      if (!m?.[1]) return p.legalKanaSubject.exec(firstSentence)?.[0] ?? null;
      if (f.voiceName.test(m[1])) return null;
      // A name that opens the sentence with kana (みほん市…) keeps them: the pattern stops at kana.
      const before = firstSentence.slice(0, m.index);
      // So does a legal form before such a name (株式会社たちばな建設は…, 税理士法人みほん会計は…),
      // which makes the whole an organisation's name even where its ending alone does not,
      // also after a clause (「みほん」を展開する株式会社みほんストアは…).
      // (…が運営する would read as a name: a verb ends the clause before it.)
      const legalTail = p.legalThenKanaTail.exec(before)?.[0];
      const legalKana = legalTail && !/する|した|して/.test(legalTail) ? legalTail : undefined;
      // 市立かすみ野病院は, 国立みらい…: a founder's prefix before the kana counts as well.
      const opening = p.kanaOpening.test(before) ? before : legalKana;
      // 株式会社みほん工機の名前が…: the subject is the name's name, its owner the organisation.
      if (opening?.endsWith('の') && f.nameAsNoun.test(m[1])) return opening.slice(0, -1);
      if (opening) {
        const name = `${opening}${m[1]}`;
        return p.orgShaped.test(name) || p.orgShaped.test(m[1]) || datedVictim(m[0], name)
          ? name
          : null;
      }
      // サンプル町は…: a one-character ending names an organisation only after its kana.
      if (m[1].length < 2) return null;
      // 人材派遣のみほんスタッフ(大阪市)は: news gives a company's seat in brackets after its name.
      const seated = f.seatInBrackets.test(m[0]);
      if (!p.orgShaped.test(m[1]) && !seated && !datedVictim(m[0], m[1])) return null;
      // And kana after a verb or particle (…を受託するけやき計算センターは: けやき).
      const kana = p.legalPrefix.test(m[1]) ? undefined : f.kanaBeforeName.exec(before)?.[1];
      return kana ? `${kana}${m[1]}` : m[1];
    }
    case 'body.heading-line':
      for (const line of post.lines.slice(0, 6)) {
        const name = nameLine(line, rules);
        if (name) return name;
      }
      return null;
    case 'body.signature-line':
      for (const line of post.lines.slice(-8).reverse()) {
        const name = nameLine(line, rules);
        if (name) return name;
      }
      return null;
    case 'title.name-in-first-word': {
      const named = first ? p.named.exec(first) : null;
      // A bare kind of organisation (鉄道 of あけぼの鉄道, cut at the kana; 運送会社) is no name.
      const name = named?.[1];
      return name &&
        name !== first &&
        !p.endingOnly.test(name) &&
        !p.suffixOnly.test(name) &&
        !p.voiceOpening.test(name)
        ? name
        : null;
    }
    case 'title.first-word-of-tagged-title': {
      // The blog's tagged titles open with the organisation, sometimes as 「<org>の<headline>」.
      if (!first || !rules.kind.seriesTag.test(post.title)) return null;
      if (first.length <= 12) return first;
      const named = p.named.exec(first)?.[1];
      if (named && named !== first) return named;
      return /^(.{2,12}?)の/.exec(first)?.[1] ?? (first.length <= 30 ? first : null);
    }
  }
}

/**
 * The longest run of `word` from its start or after a の, up to its end or a particle, that the
 * text follows with a seat in brackets (…うぐいす機工(新潟県)の…), where it is no voice and no kind
 * of organisation.
 */
function seatedNameIn(word: string, text: string, rules: ClassifierRules): string | null {
  const particles = particleIndexesOf(word);
  const starts = [0, ...particles.filter((at) => word[at] === 'の').map((at) => at + 1)];
  for (const start of starts) {
    const ends = [word.length, ...particles.filter((at) => at > start).reverse()];
    for (const end of ends) {
      const name = word.slice(start, end);
      if (seatedInText(name, text, rules)) return name;
    }
  }
  return null;
}

/** Whether the text gives `name` with its seat in brackets right after it (うぐいす機工(新潟県)). */
function seatedInText(name: string, text: string, rules: ClassifierRules): boolean {
  const f = rules.facts;
  if (name.length < 2 || name.length > 20) return false;
  if (f.voiceName.test(name) || f.genericOrganisation.test(name)) return false;
  for (let at = text.indexOf(`${name}(`); at !== -1; at = text.indexOf(`${name}(`, at + 1)) {
    const close = text.indexOf(')', at + name.length);
    const seat = close === -1 || close - at - name.length > 16 ? '' : text.slice(at, close + 1);
    if (seat && f.seatAfterName.test(seat)) return true;
  }
  return false;
}

/**
 * 市立病院, 通信会社: a kind of organisation, no name (a legal form makes one: 環境保全株式会社,
 * but not a legal form alone or used as a noun).
 */
function isKindOfOrganisation(name: string, rules: ClassifierRules): boolean {
  const p = patterns(rules);
  // A legal form alone, or one used as a noun (NPO法人、…, 社会福祉法人の利用者…), names none.
  if (p.suffixOnly.test(name) || p.legalAsNoun.test(name)) return true;
  return rules.facts.genericOrganisation.test(name) && !rules.facts.orgSuffixes.test(name);
}

/** The organisation of `post`, and the reason naming the way that found it. */
export function organizationOf(
  post: PreparedPost,
  regulatory: boolean,
  rules: ClassifierRules,
): { organization: string | null; reason: Reason } {
  let found: Found | null = null;
  // A regulator's post names the organisation acted upon, or none: never the regulator (a
  // legal name the lead spells out is never the ministry or the prefecture that acts).
  const ways = regulatory ? rules.facts.regulatoryOrganizationOrder : rules.facts.organizationOrder;
  const parts = partsOf(post, rules);
  for (const way of ways) {
    const name = tryWay(way, post, parts, regulatory, rules);
    // 市立病院, 研究機構, 通信会社: a kind of organisation names none; a later way may find the name.
    // 一般社団法人ためし観光協会の職員が…: the staff are not part of the name.
    const named = name?.replace(rules.facts.staffAfterName, '');
    if (named && !isKindOfOrganisation(named, rules)) {
      found = { name: named, way };
      break;
    }
  }
  return {
    organization: found?.name ?? null,
    reason: {
      label: 'organization',
      value: found?.name ?? 'none',
      rule: found ? `organization.${found.way}` : 'organization.none-found',
      evidence: found ? [found.name] : [],
      ...(found ? { patternId: `organization.${found.way}`, words: [found.name], count: 1 } : {}),
    },
  };
}

/**
 * The name before "(以下「当社」)": the pattern runs only on a window around each
 * 以下, not from every position of the text (its name part is a lazy run of up
 * to 40 characters, which made it the classifier's costliest pattern).
 */
function beforeVoiceName(text: string, beforeVoice: RegExp): string | undefined {
  for (let at = text.indexOf('以下'); at !== -1; at = text.indexOf('以下', at + 2)) {
    const name = beforeVoice.exec(text.slice(Math.max(0, at - 80), at + 16))?.[1]?.trim();
    if (name) return name;
  }
  return undefined;
}
