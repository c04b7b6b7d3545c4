import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Intervention, SCENARIO_VERSION, Scenario } from '../src/scenarios/schema';

/**
 * The scenario format as JSON Schema (draft 2020-12), generated from the one zod schema so the
 * two cannot drift. Not committed: `npm run schema [path]` prints or writes it, and the
 * production build emits it as `scenario.schema.json` (vite.config.ts).
 *
 * JSON Schema cannot say everything the app checks: unique ids, actions and clocks naming
 * members, and min ≤ max latency are checked by the app only (docs/scenario-format.md).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, {
    target: 'draft-2020-12',
    // Input shape: what a file may contain (`interventions` may be left out; it defaults to []).
    io: 'input',
    override(ctx) {
      // Intervention's refine ("exactly one of deliverAt or drop") has no JSON Schema form of its own.
      if (ctx.zodSchema === Intervention)
        ctx.jsonSchema.oneOf = [{ required: ['deliverAt'] }, { required: ['drop'] }];
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: `Multicast Lab scenario, version ${SCENARIO_VERSION}`,
    description:
      'Generated from src/scenarios/schema.ts. Cross-field rules (unique ids, actions and clocks naming members, ' +
      'latency min <= max) are checked by the app; see docs/scenario-format.md.',
    ...schema,
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2];
  if (out) writeFileSync(out, scenarioJsonSchemaText());
  else process.stdout.write(scenarioJsonSchemaText());
}
