// Privacy Desk's Cockpit configuration. It replaces Camunda's default config.js (same path in the
// webjar; the application's own resources come first on the class path). Camunda's other options:
// https://docs.camunda.org/manual/7.24/webapps/cockpit/extend/configuration/
export default {
  // No "Welcome to Camunda" box on the sign-in page: the desk's README is the welcome.
  disableWelcomeMessage: true,
  // The header and the page title read "<vendor> <name>"; the sign-in page shows the name under
  // Lucid's (static/desk/brand.css).
  app: {
    vendor: 'Lucid Privacy Desk',
    name: 'Cockpit'
  },
  // Each entry is imported as an ES module from /camunda/app/cockpit/<entry>.
  customScripts: ['custom/sla-dashboard.js']
};
