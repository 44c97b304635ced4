/** The product's languages: catalogs, the translator and the locale's formats. */
export * from './languages';
export * from './messages';
export * from './formats';
export * from './translator';
export * from './vocabulary';
export * from './engine-notes';
export * from './refusals';
