export * from './model';
export * from './period';
export * from './credits';
export * from './exclusions';
export * from './validate';
