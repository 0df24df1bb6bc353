/**
 * Two kinds of work over the same posts, timed the way a long-running bot runs them: both
 * warmed up alike, then measured in interleaved rounds (a round is one pass over every
 * post), so that a slow minute of the machine, or a collection of either side's garbage,
 * falls on both sides instead of on whichever ran second. The first round of each side is
 * kept too (the cold figure), so that the warm-up hides nothing.
 */
import { percentile } from './stats.js';

/** One side's figures. */
export interface SideRun {
  /** Posts per second over the median measured round. */
  postsPerSecond: number;
  /** Time of one post, over every measured round. */
  p50Us: number;
  p99Us: number;
  /** Posts per second in the very first round (nothing warm but what ran before). */
  coldPostsPerSecond: number;
}

export interface PairRun {
  /** The side measured against the baseline. */
  work: SideRun;
  baseline: SideRun;
  /** Median over the measured rounds of (work's round time / baseline's round time). */
  medianRatio: number;
  /** The lowest and highest per-round ratio. */
  ratioRange: [number, number];
  /** work's first round time over baseline's first round time. */
  coldRatio: number;
  warmUpRounds: number;
  rounds: number;
}

/** Microseconds of one round of `run` over `posts`; with `perPost`, each post's time is pushed to it. */
function roundUs<P>(posts: readonly P[], run: (post: P) => unknown, perPost?: number[]): number {
  const start = process.hrtime.bigint();
  for (const post of posts) {
    if (perPost) {
      const t0 = process.hrtime.bigint();
      run(post);
      perPost.push(Number(process.hrtime.bigint() - t0) / 1000);
    } else run(post);
  }
  return Number(process.hrtime.bigint() - start) / 1000;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Cold first rounds (baseline first, as the bench always ran it), `warmUpRounds` more
 * rounds of each side alternately, then `rounds` measured rounds alternately, starting
 * with the side the previous measured round did not start with (so neither side always
 * follows the other).
 */
export function measurePair<P>(
  posts: readonly P[],
  baseline: (post: P) => unknown,
  work: (post: P) => unknown,
  warmUpRounds = 30,
  rounds = 30,
): PairRun {
  const coldBaseline = roundUs(posts, baseline);
  const coldWork = roundUs(posts, work);
  for (let round = 0; round < warmUpRounds; round++) {
    roundUs(posts, baseline);
    roundUs(posts, work);
  }
  const baselineRounds: number[] = [];
  const workRounds: number[] = [];
  const baselinePosts: number[] = [];
  const workPosts: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      baselineRounds.push(roundUs(posts, baseline, baselinePosts));
      workRounds.push(roundUs(posts, work, workPosts));
    } else {
      workRounds.push(roundUs(posts, work, workPosts));
      baselineRounds.push(roundUs(posts, baseline, baselinePosts));
    }
  }
  const ratios = workRounds.map((us, i) => us / (baselineRounds[i] as number));
  const side = (roundTimes: number[], perPost: number[], coldUs: number): SideRun => {
    perPost.sort((a, b) => a - b);
    return {
      postsPerSecond: posts.length / (median(roundTimes) / 1e6),
      p50Us: percentile(perPost, 50),
      p99Us: percentile(perPost, 99),
      coldPostsPerSecond: posts.length / (coldUs / 1e6),
    };
  };
  return {
    work: side(workRounds, workPosts, coldWork),
    baseline: side(baselineRounds, baselinePosts, coldBaseline),
    medianRatio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    coldRatio: coldWork / coldBaseline,
    warmUpRounds,
    rounds,
  };
}
