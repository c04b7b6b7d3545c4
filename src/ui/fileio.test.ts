import { describe, expect, it } from 'vitest';
import example from '../scenarios/examples/fifo-holdback.json';
import { fileNameFor, MAX_FILE_BYTES, readScenarioText } from './fileio';

describe('readScenarioText', () => {
  it('accepts a valid scenario file', () => {
    const r = readScenarioText(JSON.stringify(example));
    expect(r.ok).toBe(true);
  });
  it('reports text that is not JSON, without throwing', () => {
    const r = readScenarioText('{"version": 1,');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('notJson');
  });
  it('names the field that is wrong in a JSON file that is not a valid scenario', () => {
    const bad = { ...example, processes: ['P0', 'P0'] };
    const r = readScenarioText(JSON.stringify(bad));
    expect(r.ok || r.reason !== 'invalid' ? [] : r.errors.map((e) => e.path)).toContain('processes[1]');
  });
  it('refuses a file larger than the limit before parsing it', () => {
    const r = readScenarioText('{}', MAX_FILE_BYTES + 1);
    expect(!r.ok && r.reason).toBe('tooBig');
  });
});

describe('fileNameFor', () => {
  it('makes a file name from the title, keeping letters of any script', () => {
    expect(fileNameFor({ ...readValid(), title: 'FIFO: P0 / P1 因果' })).toBe('FIFO-P0-P1-因果.json');
    expect(fileNameFor({ ...readValid(), title: '///' })).toBe('scenario.json');
  });
  it('names a file by its bilingual title in the language asked for', () => {
    const s = { ...readValid(), title: { en: 'Causal ordering', zh: '因果序' } };
    expect(fileNameFor(s)).toBe('Causal-ordering.json');
    expect(fileNameFor(s, 'zh')).toBe('因果序.json');
  });
});

function readValid() {
  const r = readScenarioText(JSON.stringify(example));
  if (!r.ok) throw new Error('example invalid');
  return r.value;
}
