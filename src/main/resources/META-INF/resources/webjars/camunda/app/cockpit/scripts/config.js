// Privacy Desk's Cockpit configuration. It replaces Camunda's default config.js (same path in the
// webjar; the application's own resources come first on the class path). Camunda's other options:
// https://docs.camunda.org/manual/7.24/webapps/cockpit/extend/configuration/
export default {
  // The header and the page title read "<vendor> <name>".
  app: {
    vendor: 'Lucid Privacy Desk',
    name: 'Cockpit'
  },
  // Each entry is imported as an ES module from /camunda/app/cockpit/<entry>.
  customScripts: ['custom/sla-dashboard.js']
};
