/** The service's name and version, as the API index and the OpenAPI document show them. */
export const APP_NAME = 'Mini-SOAR';
export const APP_VERSION = '0.1.0';
