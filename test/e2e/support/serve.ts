/** The static server of `npm run preview`, for the browser tests. */
export { serve, CONTENT_TYPES, type Served } from '../../../scripts/static-server';
