import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from './plugin.schema.json';

// The schema's patterns escape '-', which is not valid in unicode-mode regular expressions.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Validates a plugin.json object against Grafana's plugin schema; returns readable problems. */
export function checkPluginJson(pluginJson: unknown): string[] {
  return validate(pluginJson) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
