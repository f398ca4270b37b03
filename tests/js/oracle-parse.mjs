// Parse oracle for the differential tests: graphql-js 16.11 parse + print.
// Input: a JSON array of GraphQL documents (strings), on stdin or in the file named by the first argument.
// Output: a JSON array, one entry per document: {printed: print(parse(doc))} or {error: {message, locations}}.
import { readFileSync } from 'node:fs';
import { parse, print, GraphQLError } from 'graphql';

const input = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : readFileSync(0, 'utf8');
const documents = JSON.parse(input);

const results = documents.map((document) => {
  try {
    return { printed: print(parse(document, { noLocation: false })) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { error: { message: error.message, locations: error.locations ?? [] } };
  }
});

process.stdout.write(JSON.stringify(results));
