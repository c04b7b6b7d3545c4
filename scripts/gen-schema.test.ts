import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/scenarios/validate';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './gen-schema';

type Schema = Record<string, unknown> | boolean;

/**
 * A tiny JSON Schema (2020-12) validator for the keywords the generated schema uses. Any other
 * keyword throws, so the test fails rather than silently ignoring a constraint it cannot check.
 * Returns the JSON paths of the failures ([] = valid).
 */
function check(schema: Schema, v: unknown, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errs: string[] = [];
  const isObj = typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const [k, s] of Object.entries(schema)) {
    switch (k) {
      case '$schema':
      case 'title':
      case 'description':
      case 'default':
        break;
      case 'type': {
        const ok =
          s === 'integer'
            ? Number.isInteger(v)
            : s === 'array'
              ? Array.isArray(v)
              : s === 'object'
                ? isObj
                : s === 'null'
                  ? v === null
                  : typeof v === s;
        if (!ok) errs.push(`${path}: not ${String(s)}`);
        break;
      }
      case 'const':
        if (v !== s) errs.push(`${path}: not ${JSON.stringify(s)}`);
        break;
      case 'enum':
        if (!(s as unknown[]).includes(v)) errs.push(`${path}: not in enum`);
        break;
      case 'pattern':
        if (typeof v === 'string' && !new RegExp(s as string, 'u').test(v)) errs.push(`${path}: pattern`);
        break;
      case 'minLength':
      case 'maxLength':
        if (
          typeof v === 'string' &&
          (k === 'minLength' ? [...v].length < (s as number) : [...v].length > (s as number))
        )
          errs.push(`${path}: ${k}`);
        break;
      case 'minimum':
      case 'maximum':
        if (typeof v === 'number' && (k === 'minimum' ? v < (s as number) : v > (s as number)))
          errs.push(`${path}: ${k}`);
        break;
      case 'minItems':
      case 'maxItems':
        if (Array.isArray(v) && (k === 'minItems' ? v.length < (s as number) : v.length > (s as number)))
          errs.push(`${path}: ${k}`);
        break;
      case 'prefixItems':
        if (Array.isArray(v))
          for (const [i, p] of (s as Schema[]).entries())
            if (i < v.length) errs.push(...check(p, v[i], `${path}[${i}]`));
        break;
      case 'items':
        if (Array.isArray(v)) {
          const from = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
          for (let i = from; i < v.length; i++) errs.push(...check(s as Schema, v[i], `${path}[${i}]`));
        }
        break;
      case 'properties':
        if (isObj)
          for (const [p, ps] of Object.entries(s as Record<string, Schema>))
            if (p in v) errs.push(...check(ps, (v as Record<string, unknown>)[p], `${path}.${p}`));
        break;
      case 'required':
        if (isObj) for (const p of s as string[]) if (!(p in v)) errs.push(`${path}.${p}: required`);
        break;
      case 'additionalProperties':
        if (isObj) {
          const known = Object.keys((schema.properties as object | undefined) ?? {});
          for (const [p, x] of Object.entries(v))
            if (!known.includes(p)) errs.push(...check(s as Schema, x, `${path}.${p}`));
        }
        break;
      case 'propertyNames':
        if (isObj) for (const p of Object.keys(v)) errs.push(...check(s as Schema, p, `${path}{${p}}`));
        break;
      case 'oneOf': {
        const results = (s as Schema[]).map((b) => check(b, v, path));
        const passing = results.filter((r) => r.length === 0).length;
        // With no match, the nearest branch's failures say where (as in a tagged union).
        const nearest = passing === 0 ? results.reduce((a, b) => (b.length < a.length ? b : a)) : [];
        if (passing !== 1) errs.push(`${path}: matches ${passing} of oneOf`, ...nearest);
        break;
      }
      case 'anyOf': {
        const results = (s as Schema[]).map((b) => check(b, v, path));
        if (!results.some((r) => r.length === 0))
          errs.push(
            `${path}: matches none of anyOf`,
            ...results.reduce((a, b) => (b.length < a.length ? b : a)),
          );
        break;
      }
      default:
        throw new Error(`the test validator does not know the keyword "${k}" (at ${path})`);
    }
  }
  return errs;
}

const EXAMPLES = new URL('../src/scenarios/examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    name: f,
    data: JSON.parse(readFileSync(new URL(f, EXAMPLES), 'utf8')) as Record<string, unknown>,
  }));

describe('generated JSON Schema of the scenario format', () => {
  const schema = scenarioJsonSchema();

  it('is draft 2020-12 JSON and says which format version it describes', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toContain('version 1');
    expect(JSON.parse(scenarioJsonSchemaText())).toEqual(schema);
  });

  it('accepts every example scenario', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const { name, data } of examples)
      expect({ name, errors: check(schema, data) }).toEqual({ name, errors: [] });
  });

  it('accepts the scenarios shown in docs/scenario-format.md, as the app does', () => {
    const doc = readFileSync(new URL('../docs/scenario-format.md', import.meta.url), 'utf8');
    // Blocks holding a whole scenario start with `"version"`; others are fragments or elided with "…".
    const shown = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .filter((text) => /^\{\s*"version"/.test(text))
      .map((text) => JSON.parse(text) as unknown);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const s of shown) {
      expect(check(schema, s)).toEqual([]);
      expect(validateScenario(s).ok).toBe(true);
    }
  });

  it('every field and action or fault type of the process lab is documented in docs/scenario-format.md', () => {
    const doc = readFileSync(new URL('../docs/scenario-format.md', import.meta.url), 'utf8');
    const names = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) for (const x of v) walk(x);
      else if (typeof v === 'object' && v !== null) {
        const o = v as Record<string, unknown>;
        if (o.properties && typeof o.properties === 'object')
          for (const k of Object.keys(o.properties)) names.add(k);
        const type = (o.properties as Record<string, { const?: unknown; enum?: unknown[] }> | undefined)
          ?.type;
        for (const t of [type?.const, ...(type?.enum ?? [])]) if (typeof t === 'string') names.add(t);
        for (const x of Object.values(o)) walk(x);
      }
    };
    const branches = schema.oneOf as { properties: { lab: { const: string } } }[];
    const processLab = branches.find((b) => b.properties.lab.const === 'process');
    expect(processLab).toBeDefined();
    walk(processLab);
    // The walk must have found the schema's names, or the check below passes on an empty list.
    expect([...names]).toEqual(
      expect.arrayContaining(['processes', 'ordering', 'network', 'latency', 'multicast', 'crash']),
    );
    // Named as `field`, as part of a path (`network.latency`), or as a JSON key ("coordinator").
    const mentioned = (n: string) => new RegExp(`[\`.]${n}[\`.]|"${n}"`).test(doc);
    expect([...names].filter((n) => !mentioned(n))).toEqual([]);
  });

  it('accepts a scenario without interventions (they default to none)', () => {
    const { interventions: _, ...rest } = examples[0]!.data;
    expect(check(schema, rest)).toEqual([]);
  });

  describe('rejects invalid scenarios, naming where', () => {
    const base = examples[0]!.data;
    const cases: [string, Record<string, unknown>, string][] = [
      ['a missing required key', (({ network: _, ...r }) => r)(base), '$.network: required'],
      ['an unknown key', { ...base, colour: 'red' }, '$.colour: not allowed'],
      ['another version', { ...base, version: 2 }, '$.version: not 1'],
      ['a process id that is not an id', { ...base, processes: ['P0', '1x'] }, '$.processes[1]: pattern'],
      ['one process', { ...base, processes: ['P0'] }, '$.processes: minItems'],
      ['an unknown ordering', { ...base, ordering: 'fastest' }, '$.ordering: not in enum'],
      [
        'a latency of three numbers',
        { ...base, network: { latency: [1, 2, 3], loss: 0 } },
        '$.network.latency[2]: not allowed',
      ],
      ['a loss above 1', { ...base, network: { latency: [1, 2], loss: 1.5 } }, '$.network.loss: maximum'],
      [
        'a fractional time',
        { ...base, actions: [{ type: 'multicast', at: 1.5, node: 'P0', msg: 'm1' }] },
        '$.actions[0].at: not integer',
      ],
      [
        'an intervention with both deliverAt and drop',
        { ...base, interventions: [{ copy: 'm1@P1', deliverAt: 3, drop: true }] },
        '$.interventions[0]: matches 2 of oneOf',
      ],
      [
        'an intervention with neither',
        { ...base, interventions: [{ copy: 'm1@P1' }] },
        '$.interventions[0]: matches 0 of oneOf',
      ],
      [
        'a bad copy id',
        { ...base, interventions: [{ copy: 'm1', drop: true }] },
        '$.interventions[0].copy: pattern',
      ],
    ];
    for (const [what, data, where] of cases)
      it(what, () => {
        const errors = check(schema, data);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.join('\n')).toContain(where);
      });
  });
});
