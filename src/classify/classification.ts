/** The classifier's output: labels, extracted facts, and the reasons behind each label. */
import { z } from 'zod';
import { causeSchema, dataTypeSchema, kindSchema, severitySchema } from './vocabulary.js';

export const reasonSchema = z.object({
  /** Which label this reason explains: kind, cause, severity, or a fact. */
  label: z.string(),
  /** The decided value, as an id or a number. */
  value: z.string(),
  /** The rule that decided it. */
  rule: z.string(),
  /** The words in the post that triggered the rule (may be empty for defaults). */
  evidence: z.array(z.string()),
  /** The pattern that fired first for this label, its distinct words and how many times it matched. */
  patternId: z.string().optional(),
  words: z.array(z.string()).optional(),
  count: z.number().int().nonnegative().optional(),
  /** Every pattern behind the decision, for a renderer's 「ランサムウェア」×3 footers. */
  matches: z
    .array(z.object({ patternId: z.string(), words: z.array(z.string()), count: z.number() }))
    .optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const classificationSchema = z.object({
  kind: kindSchema,
  cause: causeSchema,
  secondaryCauses: z.array(causeSchema),
  severity: severitySchema,
  incidentId: z.string().nullable(),
  organization: z.string().nullable(),
  affected: z.number().int().nonnegative().nullable(),
  dataTypes: z.array(dataTypeSchema),
  /** YYYY-MM-DD. */
  disclosedOn: z.string().nullable(),
  disruption: z.boolean(),
  reasons: z.array(reasonSchema),
});
export type Classification = z.infer<typeof classificationSchema>;
