// Privacy Desk's Welcome configuration. It replaces Camunda's default config.js (same path in the
// webjar; the application's own resources come first on the class path). Camunda's options:
// https://docs.camunda.org/manual/7.24/webapps/welcome/
export default {
  // The header and the page title read "<vendor> <name>".
  app: {
    vendor: 'Lucid Privacy Desk',
    name: 'Welcome'
  }
};
