export * from './template';
export * from './requirements';
export * from './lists';
