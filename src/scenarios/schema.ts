import { z } from 'zod';
import { networkScenario } from './network-schema';
import { FaultSchema, GroupActions, GroupsSchema, ReliabilitySchema, refineExt } from './process-ext';

/**
 * The scenario format, version 1: one schema, used to validate files, share links, lessons and
 * the CLI, and to generate the JSON Schema shipped in the build as `scenario.schema.json`. Every field says what it means.
 * Contract (ARCHITECTURE.md): change it only with a version bump and a migration.
 */

export const SCENARIO_VERSION = 1;

export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/, 'an id: a letter, then up to 15 letters, digits, "_", "." or "-"');

const Time = z.number().int().min(0).max(1_000_000);

/** The languages a title can be given in (the app's languages: English, Simplified Chinese). */
export type TitleLang = 'en' | 'zh';

const TitleText = z.string().min(1).max(200);

/**
 * A scenario's name: one string (the format's first form, so older files and links stay valid),
 * or the name in each language the header can show. At least one language must be given.
 */
export const Title = z
  .union(
    [
      z.string().max(200),
      z
        .object({
          en: TitleText.optional().describe('The name in English.'),
          zh: TitleText.optional().describe('The name in Simplified Chinese.'),
        })
        .strict()
        .refine((t) => t.en !== undefined || t.zh !== undefined, {
          message: 'a bilingual title needs "en", "zh" or both',
        }),
    ],
    { error: 'a title is a string, or { "en": "…", "zh": "…" } with a string in each language given' },
  )
  .describe('A name shown in the header: a string, or `{ "en": …, "zh": … }` to name it in each language.');
export type Title = z.infer<typeof Title>;

/** The title to show in `lang`: the name in that language, else the one given. */
export function titleIn(title: Title | undefined, lang: TitleLang): string | undefined {
  if (title === undefined || typeof title === 'string') return title;
  return title[lang] ?? title[lang === 'en' ? 'zh' : 'en'];
}

export const ORDERINGS = ['unordered', 'fifo', 'causal', 'total', 'sync', 'globaltime'] as const;
export type Ordering = (typeof ORDERINGS)[number];

const MulticastAction = z
  .object({
    type: z.literal('multicast').describe('The application at `node` multicasts message `msg` to the group.'),
    at: Time.describe('Virtual time of the send.'),
    node: Id.describe('The sending process.'),
    msg: Id.describe('The message id, unique in the scenario (`m1`).'),
  })
  .strict();

const SyncAction = z
  .object({
    type: z
      .literal('sync')
      .describe(
        'Sync ordering: `node` multicasts a sync message; nothing sent after it is delivered anywhere before everything sent before it.',
      ),
    at: Time,
    node: Id,
    msg: Id,
  })
  .strict();

export const ProcessActionSchema = z.discriminatedUnion('type', [
  MulticastAction,
  SyncAction,
  ...GroupActions,
]);

export const Intervention = z
  .object({
    copy: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_.:-]{0,40}@[A-Za-z][A-Za-z0-9_.-]{0,15}(#[0-9]{1,4})?$/,
        'a copy id: msg@node or msg@node#n',
      )
      .describe(
        'The copy this edit applies to: `m1@P2` is the first copy of m1 sent to P2; `m1@P2#2` the second.',
      ),
    deliverAt: Time.optional().describe(
      'Deliver the copy at this virtual time (not before it was sent), ahead of others due then.',
    ),
    drop: z.literal(true).optional().describe('The network loses this copy.'),
  })
  .strict()
  .refine((v) => (v.deliverAt === undefined) !== (v.drop === undefined), {
    message: 'give exactly one of deliverAt or drop',
  });

export const Clock = z
  .object({
    offset: z.number().int().min(-1000).max(1000).describe('Physical clock reading at virtual time 0.'),
    drift: z.number().min(-0.5).max(0.5).describe('Rate error: the clock advances (1 + drift) per tick.'),
  })
  .strict();

export const ProcessScenario = z
  .object({
    version: z.literal(SCENARIO_VERSION).describe('Format version.'),
    lab: z.literal('process').describe('A group of processes exchanging multicasts (ordering, reliability).'),
    title: Title.optional(),
    seed: z.number().int().min(0).max(4294967295).describe("Seed of the simulation's only random generator."),
    processes: z.array(Id).min(2).max(64).describe('Group members, one lane each, top to bottom.'),
    ordering: z.enum(ORDERINGS).describe('Delivery ordering every member runs.'),
    sequencer: Id.optional().describe(
      'Total ordering: the process that hands out sequence numbers. If it is not a member it gets a lane of its own. Default `S`.',
    ),
    network: z
      .object({
        latency: z
          .tuple([z.number().int().min(1).max(1000), z.number().int().min(1).max(1000)])
          .describe("Each copy's latency is drawn uniformly from [min, max] ticks."),
        loss: z.number().min(0).max(1).describe('Probability that the network loses a copy.'),
      })
      .strict(),
    clocks: z
      .record(Id, Clock)
      .optional()
      .describe("Global-time ordering: each process's physical clock (default: perfect)."),
    actions: z.array(ProcessActionSchema).max(1000).describe('What the applications do, and when.'),
    interventions: z
      .array(Intervention)
      .max(1000)
      .default([])
      .describe("The user's edits to the network's choices, in the order made (undo pops the last)."),
    maxTime: Time.optional().describe(
      'Stop the run at this virtual time (default: when nothing is left to do).',
    ),
    reliability: ReliabilitySchema.optional().describe(
      'The reliability layer under the ordering (default: none, which is best effort with no ACKs).',
    ),
    groups: GroupsSchema.optional().describe(
      'Group membership and structure (default: one peer group of every process that never changes).',
    ),
    faults: z
      .array(FaultSchema)
      .max(200)
      .optional()
      .describe('Failures injected into the run, each at a time (default: none).'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const procs = new Set<string>();
    s.processes.forEach((p, i) => {
      if (procs.has(p))
        ctx.addIssue({ code: 'custom', path: ['processes', i], message: `duplicate process id "${p}"` });
      procs.add(p);
    });
    const seen = new Set<string>();
    s.actions.forEach((a, i) => {
      if (!procs.has(a.node))
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'node'],
          message: `"${a.node}" is not one of processes`,
        });
      if (seen.has(a.msg))
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'msg'],
          message: `message id "${a.msg}" is used twice`,
        });
      seen.add(a.msg);
    });
    refineExt(s, ctx);
    if (s.network.latency[0] > s.network.latency[1])
      ctx.addIssue({
        code: 'custom',
        path: ['network', 'latency'],
        message: 'min latency is greater than max',
      });
    if (s.clocks)
      for (const k of Object.keys(s.clocks))
        if (!procs.has(k))
          ctx.addIssue({ code: 'custom', path: ['clocks', k], message: `"${k}" is not one of processes` });
  });

export type ProcessScenario = z.infer<typeof ProcessScenario>;
export type ProcessActionInput = z.infer<typeof ProcessActionSchema>;
export type InterventionInput = z.infer<typeof Intervention>;

/** The network lab (network-schema.ts), built from this file's ids and interventions. */
export const NetworkScenario = networkScenario({ Id, Intervention, Title, version: SCENARIO_VERSION });
export type NetworkScenario = z.infer<typeof NetworkScenario>;

/** Every lab's scenario, told apart by `lab`. Later labs add their schema here. */
export const Scenario = z.discriminatedUnion('lab', [ProcessScenario, NetworkScenario]);
export type Scenario = z.infer<typeof Scenario>;
