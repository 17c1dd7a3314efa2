/**
 * Writes schema/scenario.schema.json, the JSON Schema editors use for scenario files, from the
 * scenario's zod schema. Run: npx tsx scripts/gen-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/scenario';

const out = new URL('../schema/scenario.schema.json', import.meta.url);
writeFileSync(out, scenarioJsonSchemaText());
process.stdout.write(`wrote ${out.pathname}\n`);
