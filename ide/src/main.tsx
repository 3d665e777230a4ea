import './workers.js';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples.js';

const endpoint = new URL('/graphql', window.location.href).href;
const fetcher = createGraphiQLFetcher({ url: endpoint });

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLES.map((example) => ({
        query: example.query,
        variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
      }))}
    />,
  );
}
