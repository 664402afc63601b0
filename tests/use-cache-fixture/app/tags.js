export const VALUE_TAG = 'fixture-value';
