export * from './model';
export * from './key';
export * from './validate';
export * from './annotations';
export * from './fold';
export * from './budget';
export * from './rank';
export * from './derived';
