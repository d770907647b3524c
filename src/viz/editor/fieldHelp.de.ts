export const FIELD_HELP_DE: { readonly [english: string]: string } = {};
