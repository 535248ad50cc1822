export * from './model';
export * from './evaluate';
export * from './gate';
export * from './validate';
