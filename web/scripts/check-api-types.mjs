// The console's API types are generated from the server's OpenAPI document
// (src/http/openapi.json). `--write` regenerates src/api/schema.d.ts; without
// it the script fails when the committed file no longer matches the document,
// so the build stops on drift instead of the console quietly disagreeing.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const spec = new URL('../../src/http/openapi.json', import.meta.url)
const target = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url))
const header = '// Generated from src/http/openapi.json by web/scripts/check-api-types.mjs --write: do not edit.\n\n'

const generated = header + astToString(await openapiTS(spec))
if (process.argv.includes('--write')) {
  writeFileSync(target, generated)
  console.log(`wrote ${target}`)
} else {
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    // missing: reported below like any drift
  }
  if (current !== generated) {
    console.error(
      'web/src/api/schema.d.ts does not match src/http/openapi.json: run `npm run gen:api` in web/ and commit the result',
    )
    process.exit(1)
  }
}
