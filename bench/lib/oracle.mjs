// The oracle: each query executed directly over the fixture data with a plain, non-federated
// graphql-js schema. A target's answer must deep-equal this before the target is measured.
import { isDeepStrictEqual } from 'node:util';
import { buildSchema, graphql } from 'graphql';
import {
  IN_STOCK,
  PRODUCTS,
  productByUpc,
  reviewsByAuthor,
  reviewsByProduct,
  shippingEstimate,
  USERS,
  userById,
} from '../fixtures/data.mjs';
import { QUERIES } from './queries.mjs';

const schema = buildSchema(`
  type Query { me: User, user(id: ID!): User, users: [User], topProducts(first: Int = 5): [Product] }
  type User { id: ID!, name: String, username: String, birthday: Int, reviews: [Review] }
  type Product {
    upc: String!, name: String, price: Int, weight: Int,
    inStock: Boolean, shippingEstimate: Int, reviews: [Review]
  }
  type Review { id: ID!, body: String, author: User, product: Product }
`);

const user = (u) => u && { ...u, reviews: () => reviewsByAuthor(u.id).map(review) };
const product = (p) =>
  p && {
    ...p,
    inStock: IN_STOCK[p.upc],
    shippingEstimate: shippingEstimate(p.price, p.weight),
    reviews: () => reviewsByProduct(p.upc).map(review),
  };
const review = (r) => ({
  id: r.id,
  body: r.body,
  author: () => user(userById.get(r.authorId)),
  product: () => product(productByUpc.get(r.productUpc)),
});

const rootValue = {
  me: () => user(USERS[0]),
  user: ({ id }) => user(userById.get(id)),
  users: () => USERS.map(user),
  topProducts: ({ first }) => PRODUCTS.slice(0, first).map(product),
};

/** Expected `{ data }` for each query id, computed once. */
export async function expectedResponses() {
  const out = {};
  for (const [id, { query, operationName }] of Object.entries(QUERIES)) {
    const result = await graphql({ schema, source: query, rootValue, operationName });
    if (result.errors) throw new Error(`oracle failed on query ${id}: ${result.errors[0].message}`);
    out[id] = JSON.parse(JSON.stringify(result));
  }
  return out;
}

/** null when the HTTP answer matches, else a short reason. */
export function checkAnswer(status, bodyText, expected) {
  if (status !== 200) return `HTTP ${status}: ${bodyText.slice(0, 200)}`;
  let parsed;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return `not JSON: ${bodyText.slice(0, 200)}`;
  }
  if (parsed.errors) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  if (!isDeepStrictEqual(parsed.data, expected.data))
    return `data differs: ${firstDifference(parsed.data, expected.data)}`;
  return null;
}

function firstDifference(actual, expected, path = 'data') {
  if (isDeepStrictEqual(actual, expected)) return null;
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const d = firstDifference(actual[key], expected[key], `${path}.${key}`);
      if (d) return d;
    }
  }
  return `${path}: got ${JSON.stringify(actual)?.slice(0, 80)}, expected ${JSON.stringify(expected)?.slice(0, 80)}`;
}
