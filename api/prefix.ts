/** Where every operator and callback route of the API lives; route plugins are registered under it. */
export const API_PREFIX = '/api/v1';
