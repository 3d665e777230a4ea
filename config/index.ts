export { ConfigError, type Env, type LoadConfigOptions, loadConfig, resolveConfig } from './load.js';
export { type HubConfig, type HubConfigInput, HubConfigSchema } from './schema.js';
export { subgraphUrl } from './urls.js';
