export * from './rfc4180';
export * from './mask';
export * from './export';
