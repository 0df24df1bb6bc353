/** Loads the vendored OASIS STIX 2.1 JSON schemas (draft 2020-12) into one ajv instance. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const SCHEMAS_DIR = fileURLToPath(
  new URL('../../fixtures/stix2.1-schemas/schemas/', import.meta.url),
);
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Every schema file, so that each relative `$ref` resolves without the network. */
export function stixValidator(): { validate: (schema: string) => ValidateFunction } {
  // The OASIS patterns use escapes (`\-`) that only non-unicode regular expressions accept.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  // Only the observable schemas use idn-hostname, which ajv-formats lacks; the export writes none.
  ajv.addFormat('idn-hostname', true);
  for (const folder of readdirSync(SCHEMAS_DIR)) {
    for (const file of readdirSync(join(SCHEMAS_DIR, folder))) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, folder, file), 'utf8')) as {
        $id: string;
      };
      if (schema.$id !== `${BASE}${folder}/${file}`) throw new Error(`unexpected $id in ${file}`);
      ajv.addSchema(schema);
    }
  }
  return {
    validate: (schema) => {
      const validate = ajv.getSchema(`${BASE}${schema}`);
      if (!validate) throw new Error(`no schema ${schema}`);
      return validate;
    },
  };
}
