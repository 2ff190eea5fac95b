export * from './tables';
export * from './vocabularies';
export * from './regions';
export * from './forms';
export * from './limits';
