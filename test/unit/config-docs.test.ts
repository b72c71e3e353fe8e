import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configurationDocPath, renderConfigurationDoc, settingDefault } from '../../scripts/config-docs';
import { configSchema } from '../../temporal.config';

/**
 * docs/configuration.md is generated from the configuration schema, so the documented settings, defaults and
 * meanings cannot drift from what the processes read. When this fails, run `npm run docs:config`.
 */
describe('docs/configuration.md', () => {
  it('every setting of the configuration schema carries a one-line description', () => {
    const undescribed = Object.entries(configSchema.shape)
      .filter(([, schema]) => !schema.description || schema.description.includes('\n'))
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });

  it('the defaults are read from the schema (plain, piped and optional settings)', () => {
    expect(settingDefault(configSchema.shape.PREEMPTION_TTL_SECONDS)).toBe('`1800`');
    expect(settingDefault(configSchema.shape.MNP_SWITCH_WINDOW)).toBe('`9-20`');
    expect(settingDefault(configSchema.shape.MNP_HOLIDAYS)).toBe('empty');
    expect(settingDefault(configSchema.shape.WO_REDISPATCH_ON_BREACH)).toBe('`true`');
    expect(settingDefault(configSchema.shape.DATABASE_URL)).toBe('unset');
  });

  it('the file is the text generated from the schema (run `npm run docs:config` to refresh it)', () => {
    expect(readFileSync(configurationDocPath, 'utf8')).toBe(renderConfigurationDoc());
  });
});
