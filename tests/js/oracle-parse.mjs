// Parse oracle for the differential tests: graphql-js 16.11 parse + print.
// Input: a JSON array on stdin (or in the file named by the first argument). Each entry is a GraphQL document
// (a string), or {source, mode} with mode "value" | "constValue" | "type" to use parseValue / parseConstValue /
// parseType instead of parse (tokenCount is then omitted).
// Output: a JSON array, one entry per document, either
//   {printed: print(parse(doc)), tokenCount, ast}   where ast is the canonical form described below, or
//   {error: {message, locations}}.
// Canonical AST form (mirrored by AstCanonicalForm.cs): for each node, depth first in QueryDocumentKeys order,
//   Kind@start-end[scalars](children)   with string scalars written as length:text so that nothing needs escaping.
import { readFileSync } from 'node:fs';
import { parse, parseValue, parseConstValue, parseType, print, GraphQLError } from 'graphql';
import { QueryDocumentKeys } from 'graphql/language/ast.js';

const input = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : readFileSync(0, 'utf8');
const documents = JSON.parse(input);

function text(value) {
  return value.length + ':' + value;
}

function canonical(node) {
  let out = node.kind + '@' + node.loc.start + '-' + node.loc.end;
  switch (node.kind) {
    case 'Name':
    case 'IntValue':
    case 'FloatValue':
    case 'EnumValue':
      out += '[' + text(node.value) + ']';
      break;
    case 'StringValue':
      out += '[' + text(node.value) + (node.block ? ' block' : '') + ']';
      break;
    case 'BooleanValue':
      out += '[' + node.value + ']';
      break;
    case 'OperationDefinition':
    case 'OperationTypeDefinition':
      out += '[' + node.operation + ']';
      break;
    case 'DirectiveDefinition':
      out += '[' + (node.repeatable ? 'repeatable' : '') + ']';
      break;
  }
  out += '(';
  for (const key of QueryDocumentKeys[node.kind]) {
    const child = node[key];
    if (child == null) continue;
    if (Array.isArray(child)) child.forEach((c) => (out += canonical(c)));
    else out += canonical(child);
  }
  return out + ')';
}

const parsers = { value: parseValue, constValue: parseConstValue, type: parseType };

const results = documents.map((entry) => {
  try {
    if (typeof entry !== 'string') {
      const node = parsers[entry.mode](entry.source, { noLocation: false });
      return { printed: print(node), ast: canonical(node) };
    }
    const ast = parse(entry, { noLocation: false });
    return { printed: print(ast), tokenCount: ast.tokenCount, ast: canonical(ast) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { error: { message: error.message, locations: error.locations ?? [] } };
  }
});

process.stdout.write(JSON.stringify(results));
