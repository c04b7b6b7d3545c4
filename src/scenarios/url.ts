import { deflateSync, Inflate, strToU8 } from 'fflate';
import { z } from 'zod';
import { Id, type Scenario } from './schema';
import { type FieldError, parseFields, validateScenario } from './validate';

/**
 * The share link (ARCHITECTURE.md, "Share URL"): the scenario, its interventions and the
 * current step live in the URL hash as `v1.` + base64url(deflate-raw(JSON)).
 *
 * Decoding reads text from anyone, so it never throws and never hangs: the hash text is
 * bounded, the inflated size is bounded while inflating (a deflate bomb stops at the bound),
 * and every failure has its own specific message.
 */

export interface ShareDoc {
  scenario: Scenario;
  /** The cursor: how many trace events are shown (see src/store/lab.ts). */
  cursor: number;
  /** A lesson step the link opens. */
  lesson?: { id: string; step: number };
  lang?: 'en' | 'zh';
  presenter?: boolean;
  /** What the network lab shows besides the scenario and cursor (see `ShareView`). */
  view?: ShareView;
}

/**
 * The network lab's side panels (`PanelId`, src/views/network/NetworkLab.tsx) and the PIM
 * stage's tabs (`PimTab`, src/views/pim/PimStage.tsx), declared here because scenarios sit
 * below the views (ARCHITECTURE.md, dependency direction).
 */
export const NET_PANELS = ['details', 'modes', 'igmp', 'cards', 'address', 'edit', 'pim'] as const;
export type NetPanel = (typeof NET_PANELS)[number];
export const PIM_TABS = ['topology', 'control', 'compare'] as const;
export type PimTabId = (typeof PIM_TABS)[number];

/**
 * The student's own choices in the network lab, each absent when not made (the lab then opens
 * what the lesson step points at, else its default).
 */
export interface ShareView {
  /** The side panel open. */
  panel?: NetPanel;
  /**
   * The node (router, host or LAN) whose details are shown; `null`: the student closed the
   * details a lesson step opened. A node the scenario lacks is shown as none, not refused.
   */
  node?: string | null;
  /** The PIM stage's tab. */
  tab?: PimTabId;
}

export const SHARE_VERSION = 1;
const PREFIX = `v${SHARE_VERSION}.`;

export const SHARE_LIMITS = {
  /**
   * Characters of hash text (after `#`) a link may have. The largest scenario the schema allows
   * (1,000 actions and interventions with the longest random ids) needs about 97,000; a lecture
   * scenario a few hundred.
   */
  hashChars: 128 * 1024,
  /** Bytes the compressed data may inflate to before decoding gives up. */
  inflatedBytes: 1024 * 1024,
} as const;

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one
 * push yields at most ~260 KiB (or one stored block, ≤ 64 KiB) beyond the bound before we stop.
 */
const INFLATE_CHUNK = 256;

/** Counts the work one decode did, so tests can bound it without a clock. */
export interface DecodeMeter {
  /** Bytes the inflater produced. */
  inflated: number;
  /** Chunks handed to the inflater. */
  pushes: number;
}

/** What went wrong, machine-readable, so the shell can say it in the student's language. */
export type ShareProblem =
  | { code: 'empty' }
  | { code: 'too-long'; length: number; limit: number }
  | { code: 'no-version' }
  | { code: 'newer-version'; version: number }
  | { code: 'unknown-version'; version: string }
  | { code: 'bad-character'; char: string; position: number }
  | { code: 'truncated' }
  | { code: 'corrupted'; detail: string }
  | { code: 'too-large'; limit: number }
  | { code: 'not-text' }
  | { code: 'not-json'; detail: string }
  | { code: 'not-share-doc' }
  | { code: 'invalid-scenario'; count: number };

/**
 * The store's `LoadError` for a link, declared here because scenarios sit below the store
 * (ARCHITECTURE.md, dependency direction); url.test.ts checks the two stay assignable.
 */
export interface LinkError {
  source: 'link';
  summary: string;
  errors: FieldError[];
}

export type ShareDecoded =
  | { ok: true; value: ShareDoc }
  | { ok: false; error: LinkError; problem: ShareProblem };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** The scenario, cursor and settings → hash text (without `#`). */
export function encodeShare(doc: ShareDoc): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }));
}

/**
 * Hash text (with or without `#`), or a whole URL → the share document, or a specific error.
 * Never throws, for any input.
 */
export function decodeShare(input: string, meter?: DecodeMeter): ShareDecoded {
  try {
    return decode(input, meter ?? { inflated: 0, pushes: 0 });
  } catch (e) {
    // Every step below is guarded; this keeps the "never throws to the page" contract even
    // against a failure nobody foresaw (ARCHITECTURE.md, "Share URL").
    return fail({ code: 'corrupted', detail: e instanceof Error ? e.message : String(e) });
  }
}

function decode(input: string, meter: DecodeMeter): ShareDecoded {
  const hashAt = input.indexOf('#');
  // A whole URL without "#" (the hash got lost when copied) holds no scenario at all.
  const isUrl = /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(input);
  const hash = (hashAt >= 0 ? input.slice(hashAt + 1) : isUrl ? '' : input).trim();
  if (hash === '') return fail({ code: 'empty' });
  if (hash.length > SHARE_LIMITS.hashChars)
    return fail({ code: 'too-long', length: hash.length, limit: SHARE_LIMITS.hashChars });

  const version = /^v(\d{1,9})\./.exec(hash);
  if (!version) return fail({ code: 'no-version' });
  if (version[1] !== String(SHARE_VERSION)) {
    const n = Number(version[1]);
    return fail(
      n > SHARE_VERSION
        ? { code: 'newer-version', version: n }
        : { code: 'unknown-version', version: version[1]! },
    );
  }

  const bytes = fromBase64Url(hash, PREFIX.length);
  if (!bytes.ok) return fail(bytes.problem);

  const inflated = inflateBounded(bytes.value, SHARE_LIMITS.inflatedBytes, meter);
  if (!inflated.ok) return fail(inflated.problem);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return fail({ code: 'not-text' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail({ code: 'not-json', detail: e instanceof Error ? e.message : String(e) });
  }
  return checkDoc(json);
}

function fail(problem: ShareProblem, errors: FieldError[] = []): ShareDecoded {
  return { ok: false, problem, error: { source: 'link', summary: shareProblemText(problem, 'en'), errors } };
}

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]!;
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]!;
  }
  return out;
}

type Result<T> = { ok: true; value: T } | { ok: false; problem: ShareProblem };

/** Unpadded base64url from `start` on; a bad character is reported with its 1-based position. */
function fromBase64Url(s: string, start: number): Result<Uint8Array> {
  const len = s.length - start;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || B64_INDEX[c] === -1) {
      const cp = s.codePointAt(i)!;
      return {
        ok: false,
        problem: { code: 'bad-character', char: String.fromCodePoint(cp), position: i + 1 },
      };
    }
  }
  // 4 characters carry 3 bytes; a remainder of 1 character carries no whole byte: cut off.
  if (len === 0 || len % 4 === 1) return { ok: false, problem: { code: 'truncated' } };
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = start; i < s.length; i++) {
    acc = ((acc << 6) | B64_INDEX[s.charCodeAt(i)]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, value: out };
}

/** Inflate (raw deflate) in small pushes, stopping as soon as the output passes `limit`. */
function inflateBounded(data: Uint8Array, limit: number, meter: DecodeMeter): Result<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    meter.inflated += chunk.length;
    if (total <= limit) parts.push(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
      const end = Math.min(at + INFLATE_CHUNK, data.length);
      meter.pushes++;
      inflater.push(data.subarray(at, end), end === data.length);
      if (total > limit) return { ok: false, problem: { code: 'too-large', limit } };
    }
  } catch (e) {
    // fflate's error code 0 is "unexpected EOF": the data stops mid-stream.
    const code = (e as { code?: unknown }).code;
    if (code === 0) return { ok: false, problem: { code: 'truncated' } };
    return { ok: false, problem: { code: 'corrupted', detail: e instanceof Error ? e.message : String(e) } };
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, value: out };
}

const ShareDocShape = z
  .object({
    scenario: z.unknown().refine((v) => v !== undefined, 'missing: the scenario'),
    cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    lesson: z
      .object({
        id: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, 'a lesson id: letters, digits, "_", "." or "-"'),
        step: z.number().int().min(0).max(10_000),
      })
      .strict()
      .optional(),
    lang: z.enum(['en', 'zh']).optional(),
    presenter: z.boolean().optional(),
    view: z
      .object({
        panel: z
          .enum(NET_PANELS, { error: 'a panel: details, modes, igmp, cards, address, edit or pim' })
          .optional(),
        // Only the id's form is checked: a node that is not in the scenario is ignored, not an
        // error (the student may have selected it and then removed it by an edit; the lab shows
        // no node's details then, and Undo brings it back).
        node: Id.nullable().optional(),
        tab: z.enum(PIM_TABS, { error: 'a PIM tab: topology, control or compare' }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

function checkDoc(json: unknown): ShareDecoded {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail({ code: 'not-share-doc' }, [
      { path: '(top level)', message: 'a share document is a JSON object', zh: '分享文档应为一个 JSON 对象' },
    ]);
  const shape = parseFields(ShareDocShape, json);
  if (!shape.ok) return fail({ code: 'not-share-doc' }, shape.errors);
  const scenario = validateScenario(shape.value.scenario);
  if (!scenario.ok)
    return fail(
      { code: 'invalid-scenario', count: scenario.errors.length },
      scenario.errors.map((e) => ({
        ...e,
        path: e.path === '(top level)' ? 'scenario' : `scenario.${e.path}`,
      })),
    );
  const { lesson, lang, presenter, cursor, view } = shape.value;
  return {
    ok: true,
    value: {
      scenario: scenario.value,
      cursor,
      ...(lesson ? { lesson } : {}),
      ...(lang ? { lang } : {}),
      ...(presenter !== undefined ? { presenter } : {}),
      ...(view ? { view } : {}),
    },
  };
}

/** One sentence per problem, in English or Chinese (the shell shows it above the default scenario). */
export function shareProblemText(p: ShareProblem, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  switch (p.code) {
    case 'empty':
      return zh
        ? '链接中没有场景（“#”之后为空）。'
        : 'The link holds no scenario: there is nothing after "#".';
    case 'too-long':
      return zh
        ? `链接太长：“#”之后有 ${p.length} 个字符，上限为 ${p.limit}。`
        : `The link is too long: ${p.length} characters after "#"; the limit is ${p.limit}.`;
    case 'no-version':
      return zh
        ? `这不是组播实验室的分享链接：“#”之后应以格式版本“${PREFIX}”开头（也可能是开头在复制时丢失了）。`
        : `This is not a Multicast Lab share link: the part after "#" should start with the format version "${PREFIX}" (or its start was lost when it was copied).`;
    case 'newer-version':
      return zh
        ? `此链接由更新版本的组播实验室生成（链接格式 v${p.version}）；此版本只能读取 v${SHARE_VERSION}。`
        : `This link was made by a newer version of Multicast Lab (link format v${p.version}); this version reads v${SHARE_VERSION}.`;
    case 'unknown-version':
      return zh
        ? `未知的链接格式 v${p.version}；此版本只能读取 v${SHARE_VERSION}。`
        : `Unknown link format v${p.version}; this version reads v${SHARE_VERSION}.`;
    case 'bad-character':
      return zh
        ? `链接第 ${p.position} 个字符 ${JSON.stringify(p.char)} 不可能出现在分享链接中（链接可能在复制时被改动）。`
        : `The link has ${JSON.stringify(p.char)} at character ${p.position}, which cannot appear in a share link (it may have been changed when copied).`;
    case 'truncated':
      return zh
        ? '链接的压缩数据提前结束：链接可能在复制时被截断了。'
        : "The link's compressed data ends too early: the link was probably cut off when it was copied.";
    case 'corrupted':
      return zh
        ? `链接的压缩数据已损坏（${p.detail}）。`
        : `The link's compressed data is corrupted (${p.detail}).`;
    case 'too-large':
      return zh
        ? `链接解压后超过 ${p.limit} 字节的上限。`
        : `The link unpacks to more than the limit of ${p.limit} bytes.`;
    case 'not-text':
      return zh ? '链接解压后不是 UTF-8 文本。' : 'The link unpacks to something that is not UTF-8 text.';
    case 'not-json':
      return zh
        ? `链接解压后不是 JSON（${p.detail}）。`
        : `The link unpacks to text that is not JSON (${p.detail}).`;
    case 'not-share-doc':
      return zh
        ? '链接包含 JSON，但不是分享文档（应为含 "scenario" 与 "cursor" 的对象）。'
        : 'The link holds JSON, but not a share document (an object with "scenario" and "cursor").';
    case 'invalid-scenario':
      return zh
        ? `链接中的场景无效：${p.count} 处问题。`
        : `The link's scenario is not valid: ${p.count} ${p.count === 1 ? 'problem' : 'problems'}.`;
  }
}
