import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE } from '../paths';
import { createSchema, printSortedSchema } from './schema';

/** `npm run schema:emit`: writes schema/schema.graphql from the code-first schema. */
createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printSortedSchema(schema));
    console.log(`Wrote ${SCHEMA_FILE}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
