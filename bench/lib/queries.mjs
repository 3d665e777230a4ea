// The two benchmark queries. (a) touches one subgraph; (b) is the nested shape of The Guild's
// gateway benchmark (users → reviews → product → reviews → author → reviews → product, and
// topProducts → reviews → author → reviews → product), which fans out to all four subgraphs.

const a = `query Users {
  users { id username name birthday }
}`;

const b = `query Nested {
  users {
    ...UserFields
    reviews {
      ...ReviewFields
      product {
        ...ProductFields
        reviews {
          ...ReviewFields
          author {
            ...UserFields
            reviews { ...ReviewFields product { ...ProductFields } }
          }
        }
      }
    }
  }
  topProducts {
    ...ProductFields
    reviews {
      ...ReviewFields
      author {
        ...UserFields
        reviews { ...ReviewFields product { ...ProductFields } }
      }
    }
  }
}
fragment UserFields on User { id username name }
fragment ReviewFields on Review { id body }
fragment ProductFields on Product { inStock name price shippingEstimate upc weight }`;

export const QUERIES = {
  a: { id: 'a', title: '(a) users, one subgraph', query: a, operationName: 'Users', floor: true },
  b: { id: 'b', title: '(b) nested, four subgraphs', query: b, operationName: 'Nested', floor: false },
};

/** The exact HTTP body every target receives for a query. */
export function requestBody(queryId) {
  const { query, operationName } = QUERIES[queryId];
  return JSON.stringify({ query, operationName });
}
