import { z } from 'zod';

/**
 * The process lab's groups, failures and reliability (lecture: "Groups", "Design issues",
 * "Failure considerations", "Reliability of multicasts"), as zod fragments that schema.ts adds
 * to the scenario. Every field is optional: a scenario without them means what it always meant
 * (one static group of all processes, no faults, best-effort multicast with no layer of its own).
 *
 * Ids are validated here with the same pattern as schema.ts's `Id` (kept local so this file does
 * not import schema.ts, which imports it).
 */

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/, 'an id: a letter, then up to 15 letters, digits, "_", "." or "-"');
const Time = z.number().int().min(0).max(1_000_000);
const Ticks = (max: number) => z.number().int().min(1).max(max);

export const RELIABILITY_SCHEMES = ['unreliable', 'reliable', 'atomic', 'vsync'] as const;
export type ReliabilityScheme = (typeof RELIABILITY_SCHEMES)[number];

export const ReliabilitySchema = z
  .object({
    scheme: z
      .enum(RELIABILITY_SCHEMES)
      .describe(
        '`unreliable`: best effort, send and hope. `reliable`: per-member ACKs, retransmission to non-responders, ' +
          'give up after `tries`. `atomic`: the lecture\'s example 1 (persistent logs, ACKs, then "go"; never give up). ' +
          '`vsync`: example 2, virtual synchrony (members that did not receive are removed in a new view; survivors deliver).',
      ),
    timeout: Ticks(1000)
      .default(10)
      .describe('Ticks the sender waits for an ACK before retransmitting to the silent members.'),
    tries: Ticks(100)
      .default(4)
      .describe(
        '`reliable` and `vsync`: transmissions to one member (the first included) before giving up on it.',
      ),
    window: Ticks(64)
      .default(1)
      .describe(
        'Pipelining: messages a sender may have awaiting ACKs; 1 waits for every ACK before sending the next. ' +
          'With views (`groups` or `vsync`) messages never wait: a view change must know what is on the wire.',
      ),
    cumulative: z
      .boolean()
      .default(false)
      .describe(
        'Cumulative ACKs: a receiver waits `ackDelay`, then one ACK covers everything received in sequence.',
      ),
    ackDelay: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(0)
      .describe('Ticks a receiver holds an ACK back (cumulative or piggybacked ACKs).'),
    piggyback: z
      .boolean()
      .default(false)
      .describe(
        "Piggybacked ACKs: a pending ACK rides on the receiver's next own message to the sender within `ackDelay`.",
      ),
    nack: z
      .boolean()
      .default(false)
      .describe(
        'Negative ACKs: no ACKs; receivers ask for missing sequence numbers and the sender keeps every message buffered.',
      ),
    stableTimeout: Ticks(100_000)
      .optional()
      .describe(
        '`vsync`: ticks a member holds a message waiting for "stable" before it suspects the sender (default: long enough for every retry).',
      ),
  })
  .strict()
  .superRefine((r, ctx) => {
    const tuned = r.window > 1 || r.cumulative || r.piggyback || r.nack;
    if (tuned && r.scheme !== 'reliable' && r.scheme !== 'vsync')
      ctx.addIssue({
        code: 'custom',
        path: ['scheme'],
        message: 'ACK optimizations need scheme "reliable" or "vsync"',
      });
    if ((r.cumulative || r.piggyback) && r.ackDelay === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['ackDelay'],
        message: 'cumulative and piggybacked ACKs need ackDelay > 0',
      });
    if (r.nack && (r.cumulative || r.piggyback || r.window > 1))
      ctx.addIssue({
        code: 'custom',
        path: ['nack'],
        message: 'negative ACKs replace ACKs: leave window, cumulative and piggyback off',
      });
    if (r.nack && r.scheme === 'vsync')
      ctx.addIssue({ code: 'custom', path: ['nack'], message: 'virtual synchrony needs positive ACKs' });
    if (r.window > 1 && r.scheme === 'vsync')
      ctx.addIssue({
        code: 'custom',
        path: ['window'],
        message: 'virtual synchrony sends every message at once: no window',
      });
  });
export type ReliabilityInput = z.infer<typeof ReliabilitySchema>;

const Subgroup = z
  .object({
    coordinator: Id.describe(
      'The subgroup coordinator: the root forwards to it, it forwards to its members.',
    ),
    members: z.array(Id).min(1).max(64).describe('Members this coordinator serves.'),
  })
  .strict();

export const GroupsSchema = z
  .object({
    id: Id.default('G').describe("The group's name, used by the group actions."),
    members: z.array(Id).max(64).optional().describe('Members at time 0 (default: every process).'),
    closed: z
      .boolean()
      .default(false)
      .describe(
        "Closed: only members may send to the group; a non-member's message is refused. Open: anyone may.",
      ),
    structure: z
      .enum(['peer', 'hierarchical'])
      .default('peer')
      .describe(
        'Peer: the sender sends to every member. Hierarchical: through the root coordinator and subgroup coordinators.',
      ),
    root: Id.optional().describe('Hierarchical: the root coordinator (default: the first member).'),
    subgroups: z
      .array(Subgroup)
      .max(16)
      .default([])
      .describe('Hierarchical: coordinators and the members each serves.'),
    management: z
      .enum(['centralized', 'distributed'])
      .default('centralized')
      .describe(
        'Centralized: one manager orders membership changes. Distributed: every member runs them with all the others.',
      ),
    manager: Id.optional().describe('Centralized: the membership manager (default: the first member).'),
  })
  .strict();
export type GroupsInput = z.infer<typeof GroupsSchema>;

const CrashFault = z
  .object({
    type: z.literal('crash').describe('The process stops: it sends nothing and ignores everything.'),
    at: Time,
    node: Id,
    restart: z
      .object({
        at: Time.describe('When it comes back.'),
        log: z
          .boolean()
          .default(true)
          .describe('Whether its persistent log survived (false: it starts with nothing).'),
      })
      .strict()
      .optional()
      .describe('Crash and restart; without it the process stays down.'),
  })
  .strict();

const OmissionFault = z
  .object({
    type: z
      .enum(['send-omission', 'receive-omission'])
      .describe(
        'Send omission: copies the process sends are lost. Receive omission: copies reaching it are lost.',
      ),
    at: Time.describe('When the omission starts (the window is from here to until).'),
    node: Id,
    until: Time.optional().describe('End of the window (exclusive; default: for ever).'),
    copy: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_.:-]{0,40}@[A-Za-z][A-Za-z0-9_.-]{0,15}(#[0-9]{1,4})?$/,
        'a copy id: msg@node or msg@node#n',
      )
      .optional()
      .describe('Only this copy (in the window) is lost.'),
  })
  .strict();

const ByzantineFault = z
  .object({
    type: z.literal('byzantine').describe('Some messages the process sends are faulty.'),
    at: Time,
    node: Id,
    until: Time.optional().describe('End of the window (exclusive; default: for ever).'),
    mode: z
      .enum(['corrupt', 'equivocate'])
      .describe(
        'corrupt: the contents are garbled (a checksum catches it). equivocate: different, well-formed contents to different members.',
      ),
    msg: Id.optional().describe('Only this message.'),
  })
  .strict();

const PartitionFault = z
  .object({
    type: z.literal('partition').describe('The network splits into unreachable sub-groups.'),
    at: Time,
    groups: z
      .array(z.array(Id).min(1))
      .min(2)
      .max(16)
      .describe('The sub-groups; every process in exactly one.'),
  })
  .strict();

const HealFault = z
  .object({
    type: z.literal('heal').describe('The partition ends: every process reaches every other again.'),
    at: Time,
  })
  .strict();

export const FaultSchema = z.discriminatedUnion('type', [
  CrashFault,
  OmissionFault,
  ByzantineFault,
  PartitionFault,
  HealFault,
]);
export type FaultInput = z.infer<typeof FaultSchema>;

const GroupRef = Id.describe('The group (`groups.id`).');
/** Every group action names the request it puts on the wire, so its copies can be told apart like a multicast's. */
const RequestId = Id.describe(
  "The id of the request message, unique in the scenario like a multicast's (`j1`).",
);

export const GroupActions = [
  z
    .object({
      type: z.literal('join_group').describe('`node` asks to join the group.'),
      at: Time,
      node: Id,
      group: GroupRef,
      msg: RequestId,
    })
    .strict(),
  z
    .object({
      type: z.literal('leave_group').describe('`node` asks to leave the group.'),
      at: Time,
      node: Id,
      group: GroupRef,
      msg: RequestId,
    })
    .strict(),
  z
    .object({
      type: z.literal('send_to_group').describe('`node` (a member or not) sends message `msg` to the group.'),
      at: Time,
      node: Id,
      group: GroupRef,
      msg: Id,
    })
    .strict(),
  z
    .object({
      type: z.literal('query_membership').describe('`node` asks who the members are.'),
      at: Time,
      node: Id,
      group: GroupRef,
      msg: RequestId,
    })
    .strict(),
] as const;

interface ExtFields {
  processes: readonly string[];
  reliability?: ReliabilityInput | undefined;
  sequencer?: string | undefined;
  actions: readonly { type: string; at: number; node: string; group?: string }[];
  groups?: GroupsInput | undefined;
  faults?: readonly FaultInput[] | undefined;
}

type Ctx = z.RefinementCtx;

/** Cross-field rules of the fragments above: every id names a process, windows end after they start. */
export function refineExt(s: ExtFields, ctx: Ctx): void {
  const procs = new Set(s.processes);
  const node = (v: string, path: (string | number)[]) => {
    if (!procs.has(v)) ctx.addIssue({ code: 'custom', path, message: `"${v}" is not one of processes` });
  };
  s.actions.forEach((a, i) => {
    if (a.group === undefined) return;
    if (!s.groups)
      ctx.addIssue({ code: 'custom', path: ['actions', i, 'type'], message: 'group actions need "groups"' });
    else if (a.group !== s.groups.id)
      ctx.addIssue({
        code: 'custom',
        path: ['actions', i, 'group'],
        message: `no group "${a.group}"; the group is "${s.groups.id}"`,
      });
  });
  if (s.groups && s.reliability && s.reliability.window > 1)
    ctx.addIssue({
      code: 'custom',
      path: ['reliability', 'window'],
      message: 'with groups messages never wait for a window: leave it at 1',
    });
  if (
    s.groups?.structure === 'hierarchical' &&
    (s.reliability?.scheme === 'atomic' || s.reliability?.scheme === 'vsync')
  )
    ctx.addIssue({
      code: 'custom',
      path: ['groups', 'structure'],
      message: 'atomic multicast needs a peer group: its ACKs are end to end',
    });
  if (s.groups) {
    const g = s.groups;
    g.members?.forEach((m, i) => {
      node(m, ['groups', 'members', i]);
    });
    if (g.root !== undefined) node(g.root, ['groups', 'root']);
    if (g.manager !== undefined) node(g.manager, ['groups', 'manager']);
    const served = new Set<string>();
    g.subgroups.forEach((sg, i) => {
      node(sg.coordinator, ['groups', 'subgroups', i, 'coordinator']);
      sg.members.forEach((m, j) => {
        node(m, ['groups', 'subgroups', i, 'members', j]);
        if (served.has(m))
          ctx.addIssue({
            code: 'custom',
            path: ['groups', 'subgroups', i, 'members', j],
            message: `"${m}" is in two subgroups`,
          });
        served.add(m);
      });
    });
    if (g.structure === 'peer' && (g.root !== undefined || g.subgroups.length > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['groups', 'structure'],
        message: 'root and subgroups need structure "hierarchical"',
      });
  }
  (s.faults ?? []).forEach((f, i) => {
    if ('node' in f) node(f.node, ['faults', i, 'node']);
    if (f.type === 'crash' && f.restart && f.restart.at <= f.at)
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'restart', 'at'],
        message: 'restart must come after the crash',
      });
    if (
      (f.type === 'send-omission' || f.type === 'receive-omission' || f.type === 'byzantine') &&
      f.until !== undefined &&
      f.until <= f.at
    )
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'until'],
        message: 'the window must end after it starts',
      });
    if (f.type === 'receive-omission' && f.copy && /@([^#]+)/.exec(f.copy)?.[1] !== f.node)
      ctx.addIssue({
        code: 'custom',
        path: ['faults', i, 'copy'],
        message: `a receive omission at "${f.node}" names a copy sent to it`,
      });
    if (f.type === 'partition') {
      const seen = new Set<string>();
      f.groups.forEach((grp, j) => {
        grp.forEach((p, k) => {
          if (!procs.has(p) && p !== s.sequencer) node(p, ['faults', i, 'groups', j, k]);
          if (seen.has(p))
            ctx.addIssue({
              code: 'custom',
              path: ['faults', i, 'groups', j, k],
              message: `"${p}" is in two sub-groups`,
            });
          seen.add(p);
        });
      });
      for (const p of s.processes)
        if (!seen.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['faults', i, 'groups'],
            message: `"${p}" is in no sub-group`,
          });
    }
  });
}
