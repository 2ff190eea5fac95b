export * from './types';
export * from './aggregate';
export * from './cross';
export * from './stats';
export * from './columns';
export * from './report';
