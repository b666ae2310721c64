export * from './common.ts';
export * from './sop.ts';
export * from './glossary.ts';
export * from './roles.ts';
export * from './site.ts';
export * from './quiz.ts';
export * from './parameters.ts';
