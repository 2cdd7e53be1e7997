/** Swagger UI's files, bundled as text by the `[[rules]]` in wrangler.toml (GET /v1/docs). */
declare module 'swagger-ui-dist/swagger-ui-bundle.js' {
  const text: string;
  export default text;
}
declare module 'swagger-ui-dist/swagger-ui.css' {
  const text: string;
  export default text;
}
